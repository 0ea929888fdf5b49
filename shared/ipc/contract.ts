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
import { apiRoutes } from '../api/routes';
import { PairingCode } from '../api/pairing';
import { Celebration } from '../domain/growth-model';
import { WallTime } from '../domain/primitives';

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
  'coaching',
  'ideas',
  'team',
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
