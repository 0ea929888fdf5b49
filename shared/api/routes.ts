import { z } from 'zod';
import { Id } from '../domain/primitives';
import { AgentMetrics } from '../domain/metrics-model';
import {
  ActionAck,
  AcceptOfferBody,
  AnswerConsultationBody,
  AskTeamBody,
  AssignMissionBody,
  CoachingCardBody,
  DecideConsultationBody,
  MarkKudosReadBody,
  MoveIdeaBody,
  RecordMilestoneBody,
  ReplyCoachingBody,
  SendKudosBody,
  SubmitIdeaBody,
  TeamKudosBody,
  TeamKudosReply,
  ThankKudosBody,
  TickTaskBody,
  UpdateProfileBody,
  type OutboxActionKind,
} from './actions';
import {
  CreatePersonBody,
  CreateTeamBody,
  CreateTokenBody,
  CreatedToken,
  MergePersonBody,
  MergePreview,
  MergePreviewQuery,
  PeopleList,
  PeopleQuery,
  PersonRecord,
  TeamList,
  TeamRecord,
  TokenList,
  UpdatePersonBody,
  UpdateTeamBody,
} from './admin';
import {
  ConnectionList,
  ConnectionRecord,
  CreateConnectionBody,
  CredentialsCheck,
  UpdateConnectionBody,
} from './connections';
import { FeedPage, FeedQuery, LiveClientMessage, LiveMessage } from './feed';
import { ImportQuery, ImportReply } from './import';
import { IngestBatchBody, IngestResult, WebhookResult } from './ingest';
import { MetricsQuery } from './metrics';
import { Health, Ready } from './ops';
import { ExchangePairingCodeBody, PairedDevice, PairingCodeCreated } from './pairing';
import { Snapshot } from './snapshot';
import { MyRecap } from './recap';
import { TeamBriefing } from '../domain/recap-model';
import { AssignedMissions, CreatedId, TeamCoaching, TeamOverview } from './supervisor';
import { PersonPlan, RecordCheckInBody, SavePlanBody, TeamPlans } from './growth-plans';
import {
  ImpactSummary,
  ImprovementBoard,
  RecognitionSettings,
  ToughDaySuggestions,
} from '../domain/recognition-model';

/**
 * The one route table of the sync server, built like shared/ipc/contract.ts: each route's method, path, path
 * parameters, query, body, reply and who may call it. The server registers its routes from it (and refuses to
 * start with a route that is not here), the integration suite checks every reply against it, the sync client
 * and the supervisor calls parse replies with its schemas, and server/README.md's route reference is generated
 * from it.
 */

/** Who may call a route. The server's registrar enforces the coarse rule; actions check the finer one. */
export const ACCESS = {
  public: 'anyone, no token',
  person: 'anyone signed in with their own token',
  supervisor: 'supervisors of the team concerned, and admins',
  admin: 'admins',
  ingest: 'admins and ingest tokens',
  metrics: 'admins, or a scraper sending SIDEKICK_METRICS_TOKEN',
  webhook: 'the helpdesk, proving itself with a signature or shared secret',
} as const;
export type Access = keyof typeof ACCESS;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** Fastify-style template: `:name` segments are filled from `params`. */
  path: string;
  summary: string;
  access: Access;
  /** A finer "who" for people than `access` gives, when the action narrows it. */
  who?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body, parsed by this schema (a bad one is a 400 naming the path). */
  body?: z.ZodType;
  /** A body taken as it comes (a file, a vendor's signed JSON), said in words. */
  rawBody?: string;
  /** Actions a client retries send an Idempotency-Key: required for the agent's own, optional for supervisors'. */
  idempotencyKey?: 'required' | 'optional';
  /** The status of a success. */
  status: 101 | 200 | 201 | 204;
  /** The body of a success; null when there is none. Failures are ApiError (shared/api/actions.ts). */
  reply: z.ZodType | null;
  /** When the reply is not JSON. */
  replyType?: 'text/plain' | 'text/html';
  /** Other statuses that answer with a body of their own rather than an ApiError. */
  otherReplies?: Readonly<Record<number, z.ZodType>>;
  /** Answers hold personal data: never cached. */
  noStore?: true;
  /** A WebSocket: what the client sends and what the server sends. */
  socket?: { client: z.ZodType; server: z.ZodType };
}

const route = <const S extends RouteSpec>(spec: S): S => spec;

const IdParams = z.object({ id: Id });
const TeamParams = z.object({ teamId: Id });

/** One of the agent's own actions: POST JSON with an Idempotency-Key, acknowledged with ActionAck. */
const action = <const P extends string, B extends z.ZodType>(path: P, body: B, summary: string) =>
  route({
    method: 'POST',
    path,
    summary,
    access: 'person',
    body,
    idempotencyKey: 'required',
    status: 200,
    reply: ActionAck,
  });

export const apiRoutes = {
  app: route({
    method: 'GET',
    path: '/',
    summary: 'the companion in a browser tab (the built renderer; 404 with a sentence until it is built)',
    access: 'public',
    status: 200,
    reply: z.string(),
    replyType: 'text/html',
    /** Until the renderer is built: a sentence saying how to build it. */
    otherReplies: { 404: z.string() },
  }),
  appIndex: route({
    method: 'GET',
    path: '/index.html',
    summary: 'the same page by name',
    access: 'public',
    status: 200,
    reply: z.string(),
    replyType: 'text/html',
    /** Until the renderer is built: a sentence saying how to build it. */
    otherReplies: { 404: z.string() },
  }),
  health: route({
    method: 'GET',
    path: '/healthz',
    summary: 'health, with a database round trip (503 when the database does not answer)',
    access: 'public',
    status: 200,
    reply: Health,
    otherReplies: { 503: Health },
  }),
  ready: route({
    method: 'GET',
    path: '/readyz',
    summary:
      'readiness for a load balancer: the database answers, the feed bus is connected, not draining (else 503 and why)',
    access: 'public',
    status: 200,
    reply: Ready,
    otherReplies: { 503: Ready },
  }),
  metrics: route({
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics: requests and durations by route, events ingested, live sockets, process',
    access: 'metrics',
    status: 200,
    reply: z.string(),
    replyType: 'text/plain',
  }),
  live: route({
    method: 'GET',
    path: '/api/live',
    summary:
      'WebSocket: auth message (or bearer upgrade), hello, catch-up from `after`, live entries, heartbeats',
    access: 'person',
    status: 101,
    reply: null,
    socket: { client: LiveClientMessage, server: LiveMessage },
  }),

  createTeam: route({
    method: 'POST',
    path: '/api/admin/teams',
    summary: 'a team with its time zone, weekly schedule (default Mon–Fri 09–17) and daily goal',
    access: 'admin',
    body: CreateTeamBody,
    status: 201,
    reply: TeamRecord,
  }),
  listTeams: route({
    method: 'GET',
    path: '/api/admin/teams',
    summary: 'every team, by name',
    access: 'admin',
    status: 200,
    reply: TeamList,
  }),
  updateTeam: route({
    method: 'PATCH',
    path: '/api/admin/teams/:id',
    summary: 'rename a team, or change its time zone, weekly schedule or daily goal',
    access: 'admin',
    params: IdParams,
    body: UpdateTeamBody,
    status: 200,
    reply: TeamRecord,
  }),
  createPerson: route({
    method: 'POST',
    path: '/api/admin/people',
    summary: 'a person with role, teams, zone, handles (`zendesk:123`, `email:a@b.c`), schedule and absences',
    access: 'admin',
    body: CreatePersonBody,
    status: 201,
    reply: PersonRecord,
  }),
  listPeople: route({
    method: 'GET',
    path: '/api/admin/people',
    summary:
      'people, optionally by handle or claimed state (unclaimed ones come from unknown ingest handles)',
    access: 'admin',
    query: PeopleQuery,
    status: 200,
    reply: PeopleList,
  }),
  getPerson: route({
    method: 'GET',
    path: '/api/admin/people/:id',
    summary: 'one person',
    access: 'admin',
    params: IdParams,
    status: 200,
    reply: PersonRecord,
  }),
  updatePerson: route({
    method: 'PATCH',
    path: '/api/admin/people/:id',
    summary: 'change name, role, teams, zone, schedule, absences; add handles; `claimed: true` claims',
    access: 'admin',
    params: IdParams,
    body: UpdatePersonBody,
    status: 200,
    reply: PersonRecord,
  }),
  mergePerson: route({
    method: 'POST',
    path: '/api/admin/people/:id/merge',
    summary:
      'fold an unclaimed person (handles, events, kudos onto the target’s feed) into another; the merged one is deleted; a claimed person is refused (409)',
    access: 'admin',
    params: IdParams,
    body: MergePersonBody,
    status: 200,
    reply: PersonRecord,
  }),
  mergePreview: route({
    method: 'GET',
    path: '/api/admin/people/:id/merge',
    summary:
      'what merging this person into `into` would move (handles, events, kudos), and whether it would be refused',
    access: 'admin',
    params: IdParams,
    query: MergePreviewQuery,
    status: 200,
    reply: MergePreview,
  }),
  listTokens: route({
    method: 'GET',
    path: '/api/admin/people/:id/tokens',
    summary:
      'a person’s tokens (kind, label, created, last used, revoked — never the secret or its hash) and unused pairing codes',
    access: 'admin',
    params: IdParams,
    status: 200,
    reply: TokenList,
    noStore: true,
  }),
  createToken: route({
    method: 'POST',
    path: '/api/admin/people/:id/tokens',
    summary: 'a device (`person`) or `ingest` token, shown once, stored hashed',
    access: 'admin',
    params: IdParams,
    body: CreateTokenBody.prefault({}),
    status: 201,
    reply: CreatedToken,
    noStore: true,
  }),
  revokeToken: route({
    method: 'DELETE',
    path: '/api/admin/tokens/:id',
    summary: 'revoke a token',
    access: 'admin',
    params: IdParams,
    status: 204,
    reply: null,
  }),
  revokePairingCode: route({
    method: 'DELETE',
    path: '/api/admin/pairing-codes/:id',
    summary: 'withdraw a pairing code before it is used (404 when it is used, expired or unknown)',
    access: 'admin',
    params: IdParams,
    status: 204,
    reply: null,
  }),
  importHistory: route({
    method: 'POST',
    path: '/api/admin/import',
    summary: 'import a history file streamed as the body, mapped by `mapping` or a mapping file in `spec`',
    access: 'admin',
    query: ImportQuery,
    rawBody: 'a CSV or JSON Lines file, any content type',
    status: 200,
    reply: ImportReply,
  }),

  exchangePairingCode: route({
    method: 'POST',
    path: '/api/pairing/exchange',
    summary:
      'a one-time pairing code for a new device token: 401 unknown, 410 expired or used; failed tries are rate-limited per IP',
    access: 'public',
    who: 'a device with no token yet, holding a code from an admin or supervisor',
    body: ExchangePairingCodeBody,
    status: 200,
    reply: PairedDevice,
    noStore: true,
  }),
  createConnection: route({
    method: 'POST',
    path: '/api/admin/connections',
    summary:
      'a Zendesk or Freshdesk pull connection; its secret is encrypted with SIDEKICK_SECRET_KEY (422 without it) and never returned',
    access: 'admin',
    body: CreateConnectionBody,
    status: 201,
    reply: ConnectionRecord,
  }),
  checkNewConnection: route({
    method: 'POST',
    path: '/api/admin/connections/check',
    summary: 'test credentials before saving them: one read of the agent list, answered with a sentence',
    access: 'admin',
    body: CreateConnectionBody,
    status: 200,
    reply: CredentialsCheck,
  }),
  listConnections: route({
    method: 'GET',
    path: '/api/admin/connections',
    summary: 'every connection with its status: last sync, events imported, lag, last error, stream cursors',
    access: 'admin',
    status: 200,
    reply: ConnectionList,
  }),
  getConnection: route({
    method: 'GET',
    path: '/api/admin/connections/:id',
    summary: 'one connection and its status',
    access: 'admin',
    params: IdParams,
    status: 200,
    reply: ConnectionRecord,
  }),
  updateConnection: route({
    method: 'PATCH',
    path: '/api/admin/connections/:id',
    summary:
      'rename, change the poll interval, or give new credentials (which end a "needs credentials" state)',
    access: 'admin',
    params: IdParams,
    body: UpdateConnectionBody,
    status: 200,
    reply: ConnectionRecord,
  }),
  checkConnection: route({
    method: 'POST',
    path: '/api/admin/connections/:id/check',
    summary: 'test the stored credentials (one read of the agent list)',
    access: 'admin',
    params: IdParams,
    status: 200,
    reply: CredentialsCheck,
  }),
  pauseConnection: route({
    method: 'POST',
    path: '/api/admin/connections/:id/pause',
    summary: 'stop polling (takes effect at the next page)',
    access: 'admin',
    params: IdParams,
    status: 200,
    reply: ConnectionRecord,
  }),
  resumeConnection: route({
    method: 'POST',
    path: '/api/admin/connections/:id/resume',
    summary: 'poll again, from where the cursors stopped',
    access: 'admin',
    params: IdParams,
    status: 200,
    reply: ConnectionRecord,
  }),
  syncConnection: route({
    method: 'POST',
    path: '/api/admin/connections/:id/sync',
    summary: 'poll at the scheduler’s next check (within seconds) instead of waiting for the interval',
    access: 'admin',
    params: IdParams,
    status: 200,
    reply: ConnectionRecord,
  }),
  deleteConnection: route({
    method: 'DELETE',
    path: '/api/admin/connections/:id',
    summary: 'remove a connection and its cursors (imported events stay)',
    access: 'admin',
    params: IdParams,
    status: 204,
    reply: null,
  }),

  snapshot: route({
    method: 'GET',
    path: '/api/me/state',
    summary: 'the signed-in person’s snapshot and its cursor',
    access: 'person',
    who: 'a person (not the bootstrap admin)',
    status: 200,
    reply: Snapshot,
    noStore: true,
  }),
  myRecap: route({
    method: 'GET',
    path: '/api/me/recap',
    summary: 'the signed-in agent’s latest weekly recap (null before the first)',
    access: 'person',
    who: 'a person (not the bootstrap admin)',
    status: 200,
    reply: MyRecap,
    noStore: true,
  }),
  feed: route({
    method: 'GET',
    path: '/api/me/feed',
    summary: 'feed entries after a cursor, in seq order',
    access: 'person',
    who: 'a person (not the bootstrap admin)',
    query: FeedQuery,
    status: 200,
    reply: FeedPage,
    noStore: true,
  }),
  sendKudos: action('/api/me/kudos', SendKudosBody, 'kudos to someone in your teams (peers: 5 a day)'),
  thankKudos: action('/api/me/kudos/thank', ThankKudosBody, 'thank the sender of kudos you received'),
  markKudosRead: action('/api/me/kudos/read', MarkKudosReadBody, 'mark received kudos read'),
  acceptOffer: action('/api/me/offers/accept', AcceptOfferBody, 'accept one of this week’s offers'),
  updateProfile: action('/api/me/profile', UpdateProfileBody, 'the 3 Ps profile with per-field visibility'),
  tickTask: action('/api/me/coaching/tick', TickTaskBody, 'tick or untick a coaching task'),
  replyCoaching: action('/api/me/coaching/reply', ReplyCoachingBody, 'reply on a coaching card'),
  submitIdea: action('/api/me/ideas', SubmitIdeaBody, 'an idea or feedback, optionally anonymous'),
  answerConsultation: action(
    '/api/me/consultations/answer',
    AnswerConsultationBody,
    'answer a question your team was asked, once, until it closes (anonymous ones keep no trace of you)',
  ),
  savePlan: action(
    '/api/me/plan',
    SavePlanBody,
    'your growth plan: goal, skills, evidence, next check-in, and who sees it (3 Ps visibility)',
  ),
  personPlan: route({
    method: 'GET',
    path: '/api/people/:id/plan',
    summary: 'a growth plan with its progress; 404 when it is not shared with the caller',
    access: 'person',
    who: 'the person; their supervisor when shared with them; a teammate when shared with the team',
    params: IdParams,
    status: 200,
    reply: PersonPlan,
    noStore: true,
  }),

  personMetrics: route({
    method: 'GET',
    path: '/api/people/:id/metrics',
    summary: 'metrics over a window in the person’s zone; null with a reason below the minimum sample',
    access: 'person',
    who: 'the person, a supervisor of one of their teams, or an admin',
    params: IdParams,
    query: MetricsQuery,
    status: 200,
    reply: AgentMetrics,
  }),

  ingestEvents: route({
    method: 'POST',
    path: '/api/ingest/events',
    summary: 'normalised helpdesk events, idempotent by (source, externalId); bad ones named by index',
    access: 'ingest',
    body: IngestBatchBody,
    status: 200,
    reply: IngestResult,
  }),
  zendeskWebhook: route({
    method: 'POST',
    path: '/api/ingest/zendesk',
    summary: 'Zendesk event webhooks and the CSAT trigger',
    access: 'webhook',
    who: 'Zendesk, signing with SIDEKICK_ZENDESK_SECRET',
    rawBody: 'the webhook JSON, signed (X-Zendesk-Webhook-Signature)',
    status: 200,
    reply: WebhookResult,
  }),
  freshdeskWebhook: route({
    method: 'POST',
    path: '/api/ingest/freshdesk',
    summary: 'Freshdesk automation webhooks',
    access: 'webhook',
    who: 'Freshdesk, sending SIDEKICK_FRESHDESK_SECRET in X-Sidekick-Secret',
    rawBody: 'the automation rule’s JSON body',
    status: 200,
    reply: WebhookResult,
  }),

  teamOverview: route({
    method: 'GET',
    path: '/api/teams/:teamId/overview',
    summary: 'missions, streaks, nobody forgotten (with suggestions), shared 3 Ps prompts, ideas',
    access: 'supervisor',
    params: TeamParams,
    status: 200,
    reply: TeamOverview,
    noStore: true,
  }),
  teamBriefing: route({
    method: 'GET',
    path: '/api/teams/:teamId/briefing',
    summary:
      'the weekly briefing: who to recognise (everyone, the unrecognised first), ideas and consultations waiting, check-ins due on shared growth plans, overdue coaching',
    access: 'supervisor',
    params: TeamParams,
    status: 200,
    reply: TeamBriefing,
    noStore: true,
  }),
  teamCoaching: route({
    method: 'GET',
    path: '/api/teams/:teamId/coaching',
    summary: 'every agent of the team with the coaching cards written for them: tasks done, replies',
    access: 'supervisor',
    params: TeamParams,
    status: 200,
    reply: TeamCoaching,
    noStore: true,
  }),
  assignMission: route({
    method: 'POST',
    path: '/api/supervisor/missions',
    summary: 'a mission for named agents, or one team mission measured on the team total',
    access: 'supervisor',
    body: AssignMissionBody,
    idempotencyKey: 'optional',
    status: 201,
    reply: AssignedMissions,
  }),
  writeCoachingCard: route({
    method: 'POST',
    path: '/api/supervisor/coaching',
    summary: 'a coaching card with tasks for an agent of your team',
    access: 'supervisor',
    body: CoachingCardBody,
    idempotencyKey: 'optional',
    status: 201,
    reply: CreatedId,
  }),
  moveIdea: route({
    method: 'POST',
    path: '/api/supervisor/ideas/:ideaId/status',
    summary: 'move an idea new → heard → planned → done / declined, with an answer',
    access: 'supervisor',
    params: z.object({ ideaId: Id }),
    body: MoveIdeaBody,
    idempotencyKey: 'optional',
    status: 200,
    reply: CreatedId,
  }),
  createPairingCode: route({
    method: 'POST',
    path: '/api/supervisor/people/:personId/pairing-codes',
    summary: 'a one-time code (ABCD-EFGH, 10 minutes) the person exchanges for a device token; stored hashed',
    access: 'supervisor',
    who: 'admins for anyone; supervisors for the agents of their teams',
    params: z.object({ personId: Id }),
    status: 201,
    reply: PairingCodeCreated,
    noStore: true,
  }),
  recordMilestone: route({
    method: 'POST',
    path: '/api/supervisor/people/:personId/milestones',
    summary: 'a career milestone (promotion, certification) on an agent’s timeline',
    access: 'supervisor',
    params: z.object({ personId: Id }),
    body: RecordMilestoneBody,
    idempotencyKey: 'optional',
    status: 201,
    reply: CreatedId,
  }),
  askTeam: route({
    method: 'POST',
    path: '/api/supervisor/teams/:teamId/consultations',
    summary: 'ask the team before deciding: options or free text, optionally anonymous, until a closing date',
    access: 'supervisor',
    params: TeamParams,
    body: AskTeamBody,
    idempotencyKey: 'optional',
    status: 201,
    reply: CreatedId,
  }),
  decideConsultation: route({
    method: 'POST',
    path: '/api/supervisor/consultations/:consultationId/decision',
    summary: 'close the loop: what was decided and why, with the results, to every participant (once)',
    access: 'supervisor',
    params: z.object({ consultationId: Id }),
    body: DecideConsultationBody,
    idempotencyKey: 'optional',
    status: 200,
    reply: CreatedId,
  }),
  teamPlans: route({
    method: 'GET',
    path: '/api/teams/:teamId/plans',
    summary: 'the growth plans the team’s agents share with their supervisor, and check-ins due',
    access: 'supervisor',
    params: TeamParams,
    status: 200,
    reply: TeamPlans,
    noStore: true,
  }),
  recordCheckIn: route({
    method: 'POST',
    path: '/api/supervisor/people/:personId/plan/check-ins',
    summary:
      'a check-in held on an agent’s shared growth plan, with the next date agreed (on their timeline)',
    access: 'supervisor',
    params: z.object({ personId: Id }),
    body: RecordCheckInBody,
    idempotencyKey: 'optional',
    status: 201,
    reply: CreatedId,
  }),
  teamKudos: route({
    method: 'POST',
    path: '/api/supervisor/teams/:teamId/kudos',
    summary: 'kudos to every agent of the team in one transaction, each pushed live',
    access: 'supervisor',
    params: TeamParams,
    body: TeamKudosBody,
    idempotencyKey: 'optional',
    status: 201,
    reply: TeamKudosReply,
  }),

  // Recognition that reaches everyone (issue 18): impact, the opt-in most-improved board, tough days.
  recognitionSettings: route({
    method: 'GET',
    path: '/api/me/recognition',
    summary: 'your recognition choices: on the most-improved board or not (off unless you opt in)',
    access: 'person',
    who: 'a person (not the bootstrap admin)',
    status: 200,
    reply: RecognitionSettings,
    noStore: true,
  }),
  updateRecognitionSettings: route({
    method: 'POST',
    path: '/api/me/recognition',
    summary: 'opt in to (or out of) the most-improved board; answered once stored, the same twice is once',
    access: 'person',
    who: 'a person (not the bootstrap admin)',
    body: RecognitionSettings,
    idempotencyKey: 'optional',
    status: 200,
    reply: RecognitionSettings,
    noStore: true,
  }),
  myImpact: route({
    method: 'GET',
    path: '/api/me/impact',
    summary: 'this month: customers helped, thanks in their own words, tough tickets turned around',
    access: 'person',
    who: 'a person (not the bootstrap admin)',
    status: 200,
    reply: ImpactSummary,
    noStore: true,
  }),
  improvementBoard: route({
    method: 'GET',
    path: '/api/teams/:teamId/improvement-board',
    summary: 'most improved this month against their own baseline: opted-in agents only, top part only',
    access: 'person',
    who: 'the team’s agents who opted in (one who has not gets visible: false), its supervisors, admins',
    params: TeamParams,
    status: 200,
    reply: ImprovementBoard,
    noStore: true,
  }),
  toughDays: route({
    method: 'GET',
    path: '/api/teams/:teamId/tough-days',
    summary: 'reasons for kudos: agents’ tough days of the last 14 days not yet recognised (never a penalty)',
    access: 'supervisor',
    params: TeamParams,
    status: 200,
    reply: ToughDaySuggestions,
    noStore: true,
  }),
} as const satisfies Record<string, RouteSpec>;

export type ApiRoutes = typeof apiRoutes;
export type RouteName = keyof ApiRoutes;
export const ROUTE_NAMES = Object.keys(apiRoutes) as RouteName[];

type Field<N extends RouteName, K extends string> = ApiRoutes[N] extends {
  [P in K]: infer S extends z.ZodType;
}
  ? S
  : never;
/** Parsed path parameters, query and body of a route (`undefined` where it has none). */
export type RouteParams<N extends RouteName> = [Field<N, 'params'>] extends [never]
  ? Record<string, never>
  : z.output<Field<N, 'params'>>;
export type RouteQuery<N extends RouteName> = [Field<N, 'query'>] extends [never]
  ? undefined
  : z.output<Field<N, 'query'>>;
export type RouteBody<N extends RouteName> = [Field<N, 'body'>] extends [never]
  ? undefined
  : z.output<Field<N, 'body'>>;
/** What a client may send as the body (defaults not yet filled in). */
export type RouteBodyInput<N extends RouteName> = [Field<N, 'body'>] extends [never]
  ? undefined
  : z.input<Field<N, 'body'>>;
/** The body of a success; `void` for a route that answers without one (204, the WebSocket upgrade). */
export type RouteReply<N extends RouteName> = ApiRoutes[N]['reply'] extends infer R extends z.ZodType
  ? z.output<R>
  : void;

/** The agent's own actions are routes of the same names: an outbox item `{ kind, body }` goes to apiRoutes[kind]. */
export const actionRoute = (kind: OutboxActionKind) => apiRoutes[kind];

/** Fills `:name` segments, each URL-encoded, so an id can never add a path segment of its own. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
