/**
 * Who may call what, kept next to the auth suite. Every API route the server registers must have an entry
 * here (the suite fails on a new route without one), and every entry must still exist on the server.
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
  tokenOfA2: string;
}

export interface RouteRule {
  /** "public": no token needed. "bearer": a token is needed; `denied` lists who must be refused and how. */
  kind: 'public' | 'bearer' | 'signed-webhook' | 'websocket';
  request?: (f: Fixtures) => { path: string; body?: unknown; query?: string };
  denied?: Partial<Record<Who, number[]>>;
  /** One principal who is let through (not 401/403), which shows the refusals above are about who asks. */
  allowed?: Who;
}

const UNAUTHENTICATED: Partial<Record<Who, number[]>> = { none: [401], wrong: [401], revoked: [401] };
const FORBIDDEN = [403];
/** Another person's object: 403, or 404 where the server does not reveal that it exists. */
const NOT_YOURS = [403, 404];
const ADMIN_ONLY = { ...UNAUTHENTICATED, supA: FORBIDDEN, A1: FORBIDDEN, ingest: FORBIDDEN };
const PERSON = { ...UNAUTHENTICATED, ingest: FORBIDDEN };
const TEAM_A_SUPERVISORS = { ...PERSON, A1: FORBIDDEN, supB: FORBIDDEN };
const spec = {
  title: 'Solve 40 tickets',
  metric: 'solved',
  comparator: 'atLeast',
  target: 40,
  window: { start: '2026-03-02T00:00:00Z', end: '2026-03-07T00:00:00Z' },
};

export const AUTH_POLICY: Record<string, RouteRule> = {
  'GET /': { kind: 'public' },
  'GET /index.html': { kind: 'public' },
  'GET /healthz': { kind: 'public' },
  'GET /metrics': {
    kind: 'bearer',
    request: () => ({ path: '/metrics' }),
    denied: ADMIN_ONLY,
    allowed: 'admin',
  },
  'GET /api/live': { kind: 'websocket' },
  'POST /api/ingest/zendesk': { kind: 'signed-webhook' },
  'POST /api/ingest/freshdesk': { kind: 'signed-webhook' },

  'GET /api/admin/teams': { kind: 'bearer', denied: ADMIN_ONLY, allowed: 'admin' },
  'POST /api/admin/teams': {
    kind: 'bearer',
    request: () => ({ path: '/api/admin/teams', body: { name: 'Intruders', timezone: 'UTC' } }),
    denied: ADMIN_ONLY,
  },
  'GET /api/admin/people': { kind: 'bearer', denied: ADMIN_ONLY, allowed: 'admin' },
  'POST /api/admin/people': {
    kind: 'bearer',
    request: () => ({ path: '/api/admin/people', body: { name: 'Mallory', role: 'admin' } }),
    denied: ADMIN_ONLY,
  },
  'GET /api/admin/people/:id': {
    kind: 'bearer',
    request: (f) => ({ path: `/api/admin/people/${f.A1}` }),
    denied: { ...ADMIN_ONLY, A2: FORBIDDEN },
    allowed: 'admin',
  },
  'PATCH /api/admin/people/:id': {
    kind: 'bearer',
    request: (f) => ({ path: `/api/admin/people/${f.A1}`, body: { role: 'admin' } }),
    denied: { ...ADMIN_ONLY, A2: FORBIDDEN },
  },
  'POST /api/admin/people/:id/merge': {
    kind: 'bearer',
    request: (f) => ({ path: `/api/admin/people/${f.A2}/merge`, body: { intoPersonId: f.A1 } }),
    denied: ADMIN_ONLY,
  },
  'POST /api/admin/people/:id/tokens': {
    kind: 'bearer',
    request: (f) => ({ path: `/api/admin/people/${f.A1}/tokens`, body: {} }),
    denied: { ...ADMIN_ONLY, A2: FORBIDDEN },
  },
  'DELETE /api/admin/tokens/:id': {
    kind: 'bearer',
    request: (f) => ({ path: `/api/admin/tokens/${f.tokenOfA2}` }),
    denied: ADMIN_ONLY,
  },
  'POST /api/admin/import': {
    kind: 'bearer',
    request: () => ({
      path: '/api/admin/import',
      query: 'mapping=generic',
      body: 'ticket_id,agent\n1,zendesk:1\n',
    }),
    denied: ADMIN_ONLY,
  },

  'GET /api/me/state': { kind: 'bearer', denied: { ...PERSON, admin: FORBIDDEN }, allowed: 'A1' },
  'GET /api/me/feed': { kind: 'bearer', denied: { ...PERSON, admin: FORBIDDEN }, allowed: 'A1' },
  'POST /api/me/kudos': {
    kind: 'bearer',
    request: (f) => ({ path: '/api/me/kudos', body: { toPersonId: f.A1, value: 'Teamwork', message: 'x' } }),
    denied: { ...PERSON, admin: FORBIDDEN, B1: FORBIDDEN },
  },
  'POST /api/me/kudos/thank': {
    kind: 'bearer',
    request: (f) => ({ path: '/api/me/kudos/thank', body: { kudosId: f.kudosToA1 } }),
    denied: { ...PERSON, A2: NOT_YOURS, B1: NOT_YOURS },
  },
  'POST /api/me/kudos/read': {
    kind: 'bearer',
    request: (f) => ({ path: '/api/me/kudos/read', body: { kudosIds: [f.kudosToA1] } }),
    denied: PERSON,
  },
  'POST /api/me/offers/accept': {
    kind: 'bearer',
    request: () => ({ path: '/api/me/offers/accept', body: { offerId: 'someone-elses-offer' } }),
    denied: PERSON,
  },
  'POST /api/me/profile': {
    kind: 'bearer',
    request: () => ({ path: '/api/me/profile', body: profile }),
    denied: PERSON,
  },
  'POST /api/me/coaching/tick': {
    kind: 'bearer',
    request: (f) => ({
      path: '/api/me/coaching/tick',
      body: { cardId: f.cardOfA1, taskId: f.taskOfA1, done: true },
    }),
    denied: { ...PERSON, A2: NOT_YOURS, B1: NOT_YOURS, supB: NOT_YOURS },
  },
  'POST /api/me/coaching/reply': {
    kind: 'bearer',
    request: (f) => ({ path: '/api/me/coaching/reply', body: { cardId: f.cardOfA1, text: 'not my card' } }),
    denied: { ...PERSON, A2: NOT_YOURS, B1: NOT_YOURS, supB: NOT_YOURS },
  },
  'POST /api/me/ideas': {
    kind: 'bearer',
    request: () => ({ path: '/api/me/ideas', body: { title: 'x' } }),
    denied: PERSON,
  },

  'GET /api/people/:id/metrics': {
    kind: 'bearer',
    request: (f) => ({
      path: `/api/people/${f.A1}/metrics`,
      query: 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z',
    }),
    denied: { ...PERSON, A2: FORBIDDEN, B1: FORBIDDEN, supB: FORBIDDEN },
    allowed: 'supA',
  },
  'POST /api/ingest/events': {
    kind: 'bearer',
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
    denied: { ...UNAUTHENTICATED, A1: FORBIDDEN, supA: FORBIDDEN },
  },
  'GET /api/teams/:teamId/overview': {
    kind: 'bearer',
    request: (f) => ({ path: `/api/teams/${f.teamA}/overview` }),
    denied: { ...TEAM_A_SUPERVISORS, A2: FORBIDDEN },
    allowed: 'supA',
  },
  'POST /api/supervisor/missions': {
    kind: 'bearer',
    request: (f) => ({ path: '/api/supervisor/missions', body: { agentIds: [f.A1], teamId: null, spec } }),
    denied: TEAM_A_SUPERVISORS,
  },
  'POST /api/supervisor/coaching': {
    kind: 'bearer',
    request: (f) => ({
      path: '/api/supervisor/coaching',
      body: { agentId: f.A1, focusMetric: 'csatPct', current: 'a', potential: 'b', advice: 'c', tasks: [] },
    }),
    denied: { ...TEAM_A_SUPERVISORS, A2: FORBIDDEN },
  },
  'POST /api/supervisor/ideas/:ideaId/status': {
    kind: 'bearer',
    request: (f) => ({
      path: `/api/supervisor/ideas/${f.ideaOfA1}/status`,
      body: { status: 'declined', response: null },
    }),
    denied: { ...TEAM_A_SUPERVISORS, A2: FORBIDDEN },
  },
  'POST /api/supervisor/teams/:teamId/kudos': {
    kind: 'bearer',
    request: (f) => ({
      path: `/api/supervisor/teams/${f.teamA}/kudos`,
      body: { value: 'Teamwork', message: 'Great week, everyone' },
    }),
    denied: { ...TEAM_A_SUPERVISORS, A2: FORBIDDEN },
  },
  'POST /api/supervisor/people/:personId/milestones': {
    kind: 'bearer',
    request: (f) => ({
      path: `/api/supervisor/people/${f.A1}/milestones`,
      body: { kind: 'promotion', title: 'Team lead', detail: null, at: '2026-03-02T10:00:00Z' },
    }),
    denied: { ...TEAM_A_SUPERVISORS, A2: FORBIDDEN },
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
];
