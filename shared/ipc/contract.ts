import { z } from 'zod';
import { Snapshot } from '../api/snapshot';
import {
  SendKudosBody,
  ThankKudosBody,
  MarkKudosReadBody,
  AcceptOfferBody,
  UpdateProfileBody,
  TickTaskBody,
  ReplyCoachingBody,
  SubmitIdeaBody,
  AnswerConsultationBody,
  AskTeamBody,
  DecideConsultationBody,
  AssignMissionBody,
  CoachingCardBody,
  MoveIdeaBody,
  RecordMilestoneBody,
  TeamKudosBody,
} from '../api/actions';
import { RecordCheckInBody, SavePlanBody } from '../api/growth-plans';
import { apiRoutes } from '../api/routes';
import { PairingCode } from '../api/pairing';
import {
  CreatePersonBody,
  CreateTeamBody,
  CreateTokenBody,
  PeopleQuery,
  UpdatePersonBody,
  UpdateTeamBody,
} from '../api/admin';
import { CreateConnectionBody, UpdateConnectionBody } from '../api/connections';
import { ImportQuery } from '../api/import';
import { MetricsQuery } from '../api/metrics';
import { Celebration } from '../domain/growth-model';
import { WallTime } from '../domain/primitives';
import { RecognitionSettings } from '../domain/recognition-model';

/** The one contract between the renderer and its host (Electron preload or the browser host). */

export const ConnectionState = z.enum(['signed_out', 'connecting', 'online', 'offline']);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const ClientState = z.object({
  connection: ConnectionState,
  snapshot: Snapshot.nullable(),
  /** When the last confirmed contact with the server was; set while offline so the UI can say "as of 10 min ago". */
  staleSince: z.iso.datetime({ offset: true }).nullable(),
  /** Actions waiting in the outbox for the server. */
  pendingActions: z.number().int().min(0),
  lastError: z.string().nullable(),
});
export type ClientState = z.infer<typeof ClientState>;

export const Settings = z.object({
  focusMode: z.boolean(),
  quietHours: z.object({ enabled: z.boolean(), start: WallTime, end: WallTime }),
  maxPopupsPerHour: z.number().int().min(0).max(60),
  startAtLogin: z.boolean(),
  /** Opting out of any game mechanic is one click. */
  optOut: z.object({
    streaks: z.boolean(),
    celebrations: z.boolean(),
    growthPoints: z.boolean(),
    popups: z.boolean(),
    /** The weekly recap (and a supervisor's briefing) pop-up and card; settings saved before it default to on. */
    weeklyRecap: z.boolean().default(false),
  }),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = {
  focusMode: false,
  quietHours: { enabled: false, start: '18:00', end: '08:00' },
  maxPopupsPerHour: 6,
  startAtLogin: false,
  optOut: { streaks: false, celebrations: false, growthPoints: false, popups: false, weeklyRecap: false },
};

export const SignInInput = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(16).max(512),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Signing in with a one-time pairing code instead of a token: the host exchanges it, then signs in. */
export const PairDeviceInput = z.object({
  serverUrl: SignInInput.shape.serverUrl,
  code: PairingCode,
});
export type PairDeviceInput = z.input<typeof PairDeviceInput>;

export const View = z.enum([
  'today',
  'kudos',
  'timeline',
  'profile',
  'board',
  'coaching',
  'ideas',
  'team',
  'admin',
  'settings',
]);
export type View = z.infer<typeof View>;
export const NavigateTarget = z.object({ view: View, itemId: z.string().nullable() });
export type NavigateTarget = z.infer<typeof NavigateTarget>;

export const SaveFileInput = z.object({
  suggestedName: z.string().min(1).max(200),
  mimeType: z.enum(['application/pdf', 'application/json']),
  /** base64 of the bytes. */
  base64: z.string().max(50_000_000),
});

export const ExternalUrl = z.url({ protocol: /^https?$/ });

/** What this host can do beyond the common contract: the renderer offers a control only where it works. */
export const HostCapabilities = z.object({
  /** Starting with the operating system's session: the desktop app can, a browser tab cannot. */
  startAtLogin: z.boolean(),
});
export type HostCapabilities = z.infer<typeof HostCapabilities>;

/** One pop-up for what the notification budget held back (shared/notify), pushed when it is due. */
export const PopupDigest = z.object({
  id: z.string().min(1),
  title: z.string(),
  body: z.string(),
  count: z.number().int().min(2),
  target: NavigateTarget,
});
export type PopupDigest = z.infer<typeof PopupDigest>;

const Receipt = z.object({ key: z.string(), queued: z.boolean() });
export type Receipt = z.infer<typeof Receipt>;

const ById = z.object({ id: z.string().min(1) });
/** A history file read in the renderer, sent whole: within the server's default import limit for a desk file. */
const MAX_IMPORT_CHARS = 50_000_000;

/**
 * The admin console's methods (views/admin): one per admin route it uses, each answering the route's own reply
 * schema; requests carry the route's body plus the path's id. Spread into invokeContract below.
 */
function adminContract() {
  const r = apiRoutes;
  return {
    adminListTeams: [z.void(), r.listTeams.reply],
    adminCreateTeam: [CreateTeamBody, r.createTeam.reply],
    adminUpdateTeam: [z.object({ id: z.string().min(1), change: UpdateTeamBody }), r.updateTeam.reply],
    adminListPeople: [PeopleQuery, r.listPeople.reply],
    adminCreatePerson: [CreatePersonBody, r.createPerson.reply],
    adminUpdatePerson: [z.object({ id: z.string().min(1), change: UpdatePersonBody }), r.updatePerson.reply],
    adminMergePreview: [ById.extend({ into: z.string().min(1) }), r.mergePreview.reply],
    adminMergePerson: [ById.extend({ into: z.string().min(1) }), r.mergePerson.reply],
    adminPersonMetrics: [z.object({ id: z.string().min(1), window: MetricsQuery }), r.personMetrics.reply],
    adminListTokens: [ById, r.listTokens.reply],
    adminCreateToken: [ById.extend({ token: CreateTokenBody }), r.createToken.reply],
    adminRevokeToken: [ById, z.void()],
    adminRevokePairingCode: [ById, z.void()],
    adminListConnections: [z.void(), r.listConnections.reply],
    adminCheckNewConnection: [CreateConnectionBody, r.checkNewConnection.reply],
    adminCreateConnection: [CreateConnectionBody, r.createConnection.reply],
    adminUpdateConnection: [
      z.object({ id: z.string().min(1), change: UpdateConnectionBody }),
      r.updateConnection.reply,
    ],
    adminCheckConnection: [ById, r.checkConnection.reply],
    adminPauseConnection: [ById, r.pauseConnection.reply],
    adminResumeConnection: [ById, r.resumeConnection.reply],
    adminSyncConnection: [ById, r.syncConnection.reply],
    adminDeleteConnection: [ById, z.void()],
    adminImportHistory: [
      z.object({
        query: ImportQuery,
        fileName: z.string().max(300),
        content: z.string().max(MAX_IMPORT_CHARS),
      }),
      r.importHistory.reply,
    ],
  } as const;
}

/**
 * Invocable methods: name → [request schema, response schema]. Both sides validate with these: the main
 * process parses every request, the renderer's wrapper parses every response. Supervisor calls answer what
 * the server answers, so their response schemas are the route table's (shared/api/routes.ts).
 */
export const invokeContract = {
  getState: [z.void(), ClientState],
  signIn: [SignInInput, ClientState],
  pairDevice: [PairDeviceInput, ClientState],
  signOut: [z.void(), z.void()],
  refresh: [z.void(), ClientState],
  sendKudos: [SendKudosBody, Receipt],
  thankKudos: [ThankKudosBody, Receipt],
  markKudosRead: [MarkKudosReadBody, Receipt],
  acceptOffer: [AcceptOfferBody, Receipt],
  updateProfile: [UpdateProfileBody, Receipt],
  tickTask: [TickTaskBody, Receipt],
  replyCoaching: [ReplyCoachingBody, Receipt],
  submitIdea: [SubmitIdeaBody, Receipt],
  answerConsultation: [AnswerConsultationBody, Receipt],
  savePlan: [SavePlanBody, Receipt],
  getPersonPlan: [z.object({ personId: z.string() }), apiRoutes.personPlan.reply],
  getTeamPlans: [z.object({ teamId: z.string() }), apiRoutes.teamPlans.reply],
  recordCheckIn: [RecordCheckInBody.extend({ agentId: z.string() }), apiRoutes.recordCheckIn.reply],
  getTeamOverview: [z.object({ teamId: z.string() }), apiRoutes.teamOverview.reply],
  getTeamCoaching: [z.object({ teamId: z.string() }), apiRoutes.teamCoaching.reply],
  getTeamBriefing: [z.object({ teamId: z.string() }), apiRoutes.teamBriefing.reply],
  /** The agent's latest weekly recap, read online like the supervisor calls (not cached). */
  getWeeklyRecap: [z.void(), apiRoutes.myRecap.reply],
  assignMission: [AssignMissionBody, apiRoutes.assignMission.reply],
  writeCoachingCard: [CoachingCardBody, apiRoutes.writeCoachingCard.reply],
  moveIdea: [MoveIdeaBody.extend({ ideaId: z.string() }), apiRoutes.moveIdea.reply],
  recordMilestone: [RecordMilestoneBody.extend({ agentId: z.string() }), apiRoutes.recordMilestone.reply],
  createPairingCode: [z.object({ personId: z.string() }), apiRoutes.createPairingCode.reply],
  sendTeamKudos: [
    TeamKudosBody.extend({ teamId: z.string() }),
    apiRoutes.teamKudos.reply.pick({ kudosIds: true }),
  ],
  askTeam: [AskTeamBody.extend({ teamId: z.string() }), apiRoutes.askTeam.reply],
  decideConsultation: [
    DecideConsultationBody.extend({ consultationId: z.string() }),
    apiRoutes.decideConsultation.reply,
  ],
  ...adminContract(),
  // Recognition (issue 18), online only like the supervisor calls: the server's answers, parsed with the route table.
  getRecognitionSettings: [z.void(), apiRoutes.recognitionSettings.reply],
  updateRecognitionSettings: [RecognitionSettings, apiRoutes.updateRecognitionSettings.reply],
  getMyImpact: [z.void(), apiRoutes.myImpact.reply],
  getImprovementBoard: [z.object({ teamId: z.string() }), apiRoutes.improvementBoard.reply],
  getToughDays: [z.object({ teamId: z.string() }), apiRoutes.toughDays.reply],
  getSettings: [z.void(), Settings],
  updateSettings: [Settings.partial(), Settings],
  openExternal: [ExternalUrl, z.void()],
  saveFile: [SaveFileInput, z.object({ saved: z.boolean() })],
  closePopover: [z.void(), z.void()],
  getHostCapabilities: [z.void(), HostCapabilities],
} as const;

/** Events the host pushes to the renderer: name → payload schema. */
export const eventContract = {
  state: ClientState,
  celebration: Celebration,
  navigate: NavigateTarget,
  digest: PopupDigest,
} as const;

export type InvokeName = keyof typeof invokeContract;
export type EventName = keyof typeof eventContract;
export type InvokeRequest<N extends InvokeName> = z.input<(typeof invokeContract)[N][0]>;
export type InvokeResponse<N extends InvokeName> = z.output<(typeof invokeContract)[N][1]>;
export type EventPayload<N extends EventName> = z.output<(typeof eventContract)[N]>;

export type Unsubscribe = () => void;

type Method<N extends InvokeName> =
  InvokeRequest<N> extends void
    ? () => Promise<InvokeResponse<N>>
    : (request: InvokeRequest<N>) => Promise<InvokeResponse<N>>;

/** What `window.sidekick` is: one method per invoke, one `on…` per event, each returning an unsubscribe. */
export type SidekickApi = { [N in InvokeName]: Method<N> } & {
  onState(listener: (state: EventPayload<'state'>) => void): Unsubscribe;
  onCelebration(listener: (celebration: EventPayload<'celebration'>) => void): Unsubscribe;
  onNavigate(listener: (target: EventPayload<'navigate'>) => void): Unsubscribe;
  onDigest(listener: (digest: EventPayload<'digest'>) => void): Unsubscribe;
};

export const INVOKE_NAMES = Object.keys(invokeContract) as InvokeName[];
export const EVENT_NAMES = Object.keys(eventContract) as EventName[];
/** IPC channel names are derived, never typed by hand. */
export const invokeChannel = (name: InvokeName) => `sidekick:invoke:${name}`;
export const eventChannel = (name: EventName) => `sidekick:event:${name}`;
