import type { Access, RouteName } from '../../../../shared/api/routes';
import { FAULT_SUITE_NOW } from './fault-server';

/**
 * Who is refused what, kept next to the auth suite. The route table (shared/api/routes.ts) says who may call each
 * route (`access`); BY_ACCESS below turns that into the callers who must be refused, and each route's rule here
 * adds the finer refusals its action makes (another team's supervisor, another agent's object) and how to build
 * a request. The policy is a Record over every route name, so a route added to the table does not compile here
 * until it has a rule.
 *
 * Principals: none (no Authorization), wrong (a well-formed unknown token), revoked, admin (the bootstrap
 * token), supA / supB (supervisors of team A / team B), A1, A2 (agents in team A), B1 (agent in team B),
 * ingest (an ingest-only token).
 */
export type Who = 'none' | 'wrong' | 'revoked' | 'admin' | 'supA' | 'supB' | 'A1' | 'A2' | 'B1' | 'ingest';

export interface Fixtures {
  teamA: string;
  teamB: string;
  A1: string;
  A2: string;
  kudosToA1: string;
  cardOfA1: string;
  taskOfA1: string;
  ideaOfA1: string;
  /** A question team A's supervisor asked team A, still open. */
  consultationOfA: string;
  tokenOfA2: string;
  /** A second supervisor of team A, and an admin who is a member of team A: neither is supA's to act on. */
  peerSupA: string;
  adminInA: string;
}

export interface RouteRule {
  request?: (f: Fixtures) => { path: string; body?: unknown; query?: string };
  /** Who must be refused beyond what the route's access already refuses, and with which statuses. */
  denied?: Partial<Record<Who, number[]>>;
  /** One principal who is let through (not 401/403), which shows the refusals above are about who asks. */
  allowed?: Who;
}

const FORBIDDEN = [403];
/** Another person's object: 403, or 404 where the server does not reveal that it exists. */
const NOT_YOURS = [403, 404];

/**
 * What each access level of the table refuses, for every route with it: a bearer route always refuses no token,
 * a wrong one and a revoked one with 401, then those who are not in the access level with 403.
 */
export const BY_ACCESS: Record<Access, Partial<Record<Who, number[]>>> = {
  public: {},
  webhook: {},
  person: { ingest: FORBIDDEN },
  supervisor: { ingest: FORBIDDEN, A1: FORBIDDEN },
  admin: { supA: FORBIDDEN, A1: FORBIDDEN, ingest: FORBIDDEN },
  ingest: { A1: FORBIDDEN, supA: FORBIDDEN },
  metrics: { supA: FORBIDDEN, A1: FORBIDDEN, ingest: FORBIDDEN },
};
export const UNAUTHENTICATED: Partial<Record<Who, number[]>> = { none: [401], wrong: [401], revoked: [401] };
const TEAM_A = { supB: FORBIDDEN };
/** A closing date the server accepts: a week after its clock (the suite's FAULT_SUITE_NOW), within 90 days. */
export const inAWeek = () => new Date(Date.parse(FAULT_SUITE_NOW) + 7 * 86_400_000).toISOString();
const spec = {
  title: 'Solve 40 tickets',
  metric: 'solved',
  comparator: 'atLeast',
  target: 40,
  // The week of FAULT_SUITE_NOW (2026-03-11), so the mission is not already over on the server's clock.
  window: { start: '2026-03-09T00:00:00Z', end: '2026-03-16T00:00:00Z' },
};

const zendeskConnection = {
  vendor: 'zendesk',
  baseUrl: 'http://127.0.0.1:9',
  credentials: { kind: 'api_token', email: 'admin@example.com', token: 'not-a-real-token' },
};

export const AUTH_POLICY: Record<RouteName, RouteRule> = {
  app: {},
  appIndex: {},
  health: {},
  ready: {},
  metrics: { allowed: 'admin' },
  live: {},
  zendeskWebhook: {},
  freshdeskWebhook: {},

  listTeams: { allowed: 'admin' },
  createTeam: { request: () => ({ path: '/api/admin/teams', body: { name: 'Intruders', timezone: 'UTC' } }) },
  updateTeam: {
    request: (f) => ({ path: `/api/admin/teams/${f.teamA}`, body: { name: 'Taken over' } }),
    denied: { supB: FORBIDDEN },
  },
  listPeople: { allowed: 'admin' },
  createPerson: { request: () => ({ path: '/api/admin/people', body: { name: 'Mallory', role: 'admin' } }) },
  getPerson: {
    request: (f) => ({ path: `/api/admin/people/${f.A1}` }),
    denied: { A2: FORBIDDEN },
    allowed: 'admin',
  },
  updatePerson: {
    request: (f) => ({ path: `/api/admin/people/${f.A1}`, body: { role: 'admin' } }),
    denied: { A2: FORBIDDEN },
  },
  mergePerson: {
    request: (f) => ({ path: `/api/admin/people/${f.A2}/merge`, body: { intoPersonId: f.A1 } }),
  },
  mergePreview: {
    request: (f) => ({ path: `/api/admin/people/${f.A2}/merge`, query: `into=${f.A1}` }),
    allowed: 'admin',
  },
  listTokens: {
    request: (f) => ({ path: `/api/admin/people/${f.A1}/tokens` }),
    denied: { A2: FORBIDDEN },
    allowed: 'admin',
  },
  revokePairingCode: { request: () => ({ path: '/api/admin/pairing-codes/some-code' }) },
  createToken: {
    request: (f) => ({ path: `/api/admin/people/${f.A1}/tokens`, body: {} }),
    denied: { A2: FORBIDDEN },
  },
  revokeToken: { request: (f) => ({ path: `/api/admin/tokens/${f.tokenOfA2}` }) },
  importHistory: {
    request: () => ({
      path: '/api/admin/import',
      query: 'mapping=generic',
      body: 'ticket_id,agent\n1,zendesk:1\n',
    }),
  },

  // Connections: admin-only; a non-admin never learns whether an id exists, and never reaches a vendor.
  createConnection: { request: () => ({ path: '/api/admin/connections', body: zendeskConnection }) },
  checkNewConnection: { request: () => ({ path: '/api/admin/connections/check', body: zendeskConnection }) },
  listConnections: { allowed: 'admin' },
  getConnection: { request: () => ({ path: '/api/admin/connections/some-connection' }) },
  updateConnection: {
    request: () => ({ path: '/api/admin/connections/some-connection', body: { name: 'x' } }),
  },
  checkConnection: { request: () => ({ path: '/api/admin/connections/some-connection/check' }) },
  pauseConnection: { request: () => ({ path: '/api/admin/connections/some-connection/pause' }) },
  resumeConnection: { request: () => ({ path: '/api/admin/connections/some-connection/resume' }) },
  syncConnection: { request: () => ({ path: '/api/admin/connections/some-connection/sync' }) },
  deleteConnection: { request: () => ({ path: '/api/admin/connections/some-connection' }) },

  snapshot: { denied: { admin: FORBIDDEN }, allowed: 'A1' },
  feed: { denied: { admin: FORBIDDEN }, allowed: 'A1' },
  myRecap: { denied: { admin: FORBIDDEN }, allowed: 'A1' },
  sendKudos: {
    request: (f) => ({ path: '/api/me/kudos', body: { toPersonId: f.A1, value: 'Teamwork', message: 'x' } }),
    denied: { admin: FORBIDDEN, B1: FORBIDDEN },
  },
  thankKudos: {
    request: (f) => ({ path: '/api/me/kudos/thank', body: { kudosId: f.kudosToA1 } }),
    denied: { A2: NOT_YOURS, B1: NOT_YOURS },
  },
  markKudosRead: { request: (f) => ({ path: '/api/me/kudos/read', body: { kudosIds: [f.kudosToA1] } }) },
  acceptOffer: {
    request: () => ({ path: '/api/me/offers/accept', body: { offerId: 'someone-elses-offer' } }),
  },
  updateProfile: { request: () => ({ path: '/api/me/profile', body: profile }) },
  tickTask: {
    request: (f) => ({
      path: '/api/me/coaching/tick',
      body: { cardId: f.cardOfA1, taskId: f.taskOfA1, done: true },
    }),
    denied: { A2: NOT_YOURS, B1: NOT_YOURS, supB: NOT_YOURS },
  },
  replyCoaching: {
    request: (f) => ({ path: '/api/me/coaching/reply', body: { cardId: f.cardOfA1, text: 'not my card' } }),
    denied: { A2: NOT_YOURS, B1: NOT_YOURS, supB: NOT_YOURS },
  },
  submitIdea: { request: () => ({ path: '/api/me/ideas', body: { title: 'x' } }) },
  answerConsultation: {
    request: (f) => ({
      path: '/api/me/consultations/answer',
      body: { consultationId: f.consultationOfA, optionId: 'o1' },
    }),
    // Another team's question is not there for them (404); a supervisor of another team is not in it either.
    denied: { B1: NOT_YOURS, supB: NOT_YOURS },
  },

  savePlan: {
    request: () => ({
      path: '/api/me/plan',
      body: {
        goal: { kind: 'role_here', text: 'Team lead' },
        skills: [],
        visibility: 'me',
        nextCheckIn: null,
      },
    }),
  },
  personPlan: {
    // A1's plan is shared with their supervisor only (auth-matrix setup): a teammate is told there is none.
    request: (f) => ({ path: `/api/people/${f.A1}/plan` }),
    denied: { A2: [404], B1: FORBIDDEN, supB: FORBIDDEN },
    allowed: 'supA',
  },
  personMetrics: {
    request: (f) => ({
      path: `/api/people/${f.A1}/metrics`,
      query: 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z',
    }),
    denied: { A2: FORBIDDEN, B1: FORBIDDEN, supB: FORBIDDEN },
    allowed: 'supA',
  },
  ingestEvents: {
    request: () => ({
      path: '/api/ingest/events',
      body: {
        events: [
          {
            type: 'ticket_created',
            source: 'zendesk',
            externalId: 'auth-x',
            ticketId: 'T',
            at: '2026-03-02T10:00:00Z',
          },
        ],
      },
    }),
  },
  teamOverview: {
    request: (f) => ({ path: `/api/teams/${f.teamA}/overview` }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
    allowed: 'supA',
  },
  teamBriefing: {
    request: (f) => ({ path: `/api/teams/${f.teamA}/briefing` }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
    allowed: 'supA',
  },
  teamCoaching: {
    request: (f) => ({ path: `/api/teams/${f.teamA}/coaching` }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
    allowed: 'supA',
  },
  assignMission: {
    request: (f) => ({ path: '/api/supervisor/missions', body: { agentIds: [f.A1], teamId: null, spec } }),
    denied: TEAM_A,
  },
  writeCoachingCard: {
    request: (f) => ({
      path: '/api/supervisor/coaching',
      body: { agentId: f.A1, focusMetric: 'csatPct', current: 'a', potential: 'b', advice: 'c', tasks: [] },
    }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
  },
  moveIdea: {
    request: (f) => ({
      path: `/api/supervisor/ideas/${f.ideaOfA1}/status`,
      body: { status: 'declined', response: null },
    }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
  },
  askTeam: {
    request: (f) => ({
      path: `/api/supervisor/teams/${f.teamA}/consultations`,
      body: { question: 'Rotate Friday lates?', kind: 'text', closesAt: inAWeek() },
    }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
  },
  decideConsultation: {
    request: (f) => ({
      path: `/api/supervisor/consultations/${f.consultationOfA}/decision`,
      body: { decided: 'Rotate', why: 'You asked' },
    }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
  },
  teamPlans: {
    request: (f) => ({ path: `/api/teams/${f.teamA}/plans` }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
    allowed: 'supA',
  },
  recordCheckIn: {
    // A1's plan is shared with supA (auth-matrix setup); B1 is not theirs to check in with.
    request: (f) => ({
      path: `/api/supervisor/people/${f.A1}/plan/check-ins`,
      body: { note: 'Talked through the lead role', nextCheckIn: null },
    }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
  },
  teamKudos: {
    request: (f) => ({
      path: `/api/supervisor/teams/${f.teamA}/kudos`,
      body: { value: 'Teamwork', message: 'Great week, everyone' },
    }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
  },
  createPairingCode: {
    request: (f) => ({ path: `/api/supervisor/people/${f.A1}/pairing-codes` }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
    allowed: 'supA',
  },
  exchangePairingCode: {},
  recordMilestone: {
    request: (f) => ({
      path: `/api/supervisor/people/${f.A1}/milestones`,
      body: { kind: 'promotion', title: 'Team lead', detail: null, at: '2026-03-02T10:00:00Z' },
    }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
  },

  // Recognition: the person's own; the board for the team's members (an agent who has not opted in gets a
  // 200 with visible: false) and supervisors; tough days for the team's supervisors only.
  recognitionSettings: { denied: { admin: FORBIDDEN }, allowed: 'A1' },
  updateRecognitionSettings: {
    request: () => ({ path: '/api/me/recognition', body: { boardOptIn: false } }),
    denied: { admin: FORBIDDEN },
    allowed: 'A1',
  },
  myImpact: { denied: { admin: FORBIDDEN }, allowed: 'A1' },
  improvementBoard: {
    request: (f) => ({ path: `/api/teams/${f.teamA}/improvement-board` }),
    denied: { supB: FORBIDDEN, B1: FORBIDDEN },
    allowed: 'A1',
  },
  toughDays: {
    request: (f) => ({ path: `/api/teams/${f.teamA}/tough-days` }),
    denied: { ...TEAM_A, A2: FORBIDDEN },
    allowed: 'supA',
  },
};

const field = (text: string, visibility: 'me' | 'supervisor' | 'team') => ({ text, visibility });
const profile = {
  purposeWhy: field('x', 'me'),
  purposeWhere: field('', 'me'),
  passions: field('', 'me'),
  strengths: field('', 'me'),
  skillsToGrow: field('', 'me'),
};

/** A supervisor sending team A's agent a mission is also checked through team-wide assignment. */
export const EXTRA_CASES: {
  name: string;
  method: string;
  request: (f: Fixtures) => { path: string; body: unknown };
  who: Who;
  status: number[];
}[] = [
  {
    name: "another team's supervisor assigns a mission to the whole of team A",
    method: 'POST',
    request: (f) => ({ path: '/api/supervisor/missions', body: { agentIds: [], teamId: f.teamA, spec } }),
    who: 'supB',
    status: FORBIDDEN,
  },
  {
    name: 'an agent assigns a mission to their own team',
    method: 'POST',
    request: (f) => ({ path: '/api/supervisor/missions', body: { agentIds: [], teamId: f.teamA, spec } }),
    who: 'A1',
    status: FORBIDDEN,
  },
  {
    name: 'an agent reads a teammate’s metrics',
    method: 'GET',
    request: (f) => ({
      path: `/api/people/${f.A2}/metrics?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`,
      body: undefined,
    }),
    who: 'A1',
    status: FORBIDDEN,
  },
  // Issue 12 item 6: a supervisor's reach is the agents of their teams, not a peer supervisor or an admin there.
  ...(['peerSupA', 'adminInA'] as const).flatMap((target) => [
    {
      name: `a supervisor reads the metrics of ${target} in their team`,
      method: 'GET',
      request: (f: Fixtures) => ({
        path: `/api/people/${f[target]}/metrics?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`,
        body: undefined,
      }),
      who: 'supA' as Who,
      status: FORBIDDEN,
    },
    {
      name: `a supervisor gives ${target} in their team a mission`,
      method: 'POST',
      request: (f: Fixtures) => ({
        path: '/api/supervisor/missions',
        body: { agentIds: [f[target]], teamId: null, spec },
      }),
      who: 'supA' as Who,
      status: FORBIDDEN,
    },
    {
      name: `a supervisor writes ${target} in their team a coaching card`,
      method: 'POST',
      request: (f: Fixtures) => ({
        path: '/api/supervisor/coaching',
        body: {
          agentId: f[target],
          focusMetric: 'csatPct',
          current: 'a',
          potential: 'b',
          advice: 'c',
          tasks: [],
        },
      }),
      who: 'supA' as Who,
      status: FORBIDDEN,
    },
    {
      name: `a supervisor records a career milestone for ${target} in their team`,
      method: 'POST',
      request: (f: Fixtures) => ({
        path: `/api/supervisor/people/${f[target]}/milestones`,
        body: { kind: 'promotion', title: 'Team lead', detail: null, at: '2026-03-02T10:00:00Z' },
      }),
      who: 'supA' as Who,
      status: FORBIDDEN,
    },
  ]),
];
