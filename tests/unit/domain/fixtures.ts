import {
  HelpdeskEvent,
  type AgentMetrics,
  type Mission,
  type WeeklyTrendPoint,
} from '../../../shared/domain';

/**
 * Real-shaped helpdesk events for tests. Every builder goes through the HelpdeskEvent schema, so a fixture
 * that would not pass ingest cannot be used here either. externalIds are derived from the content unless given.
 */
type Opt = { id?: string; source?: string };
const make = (e: Record<string, unknown>, o: Opt = {}): HelpdeskEvent =>
  HelpdeskEvent.parse({
    source: o.source ?? 'zendesk',
    externalId: o.id ?? `${e.type}:${e.ticketId}:${e.at}:${e.agentId ?? ''}`,
    ...e,
  });

export const created = (ticketId: string, at: string, o?: Opt) =>
  make({ type: 'ticket_created', ticketId, at, channel: 'email' }, o);
export const assigned = (ticketId: string, agentId: string, at: string, o?: Opt) =>
  make({ type: 'ticket_assigned', ticketId, agentId, at }, o);
export const replied = (ticketId: string, agentId: string, at: string, isPublic = true, o?: Opt) =>
  make({ type: 'agent_replied', ticketId, agentId, at, public: isPublic }, o);
export const solved = (ticketId: string, agentId: string, at: string, o?: Opt) =>
  make({ type: 'ticket_solved', ticketId, agentId, at }, o);
export const reopened = (ticketId: string, at: string, agentId?: string, o?: Opt) =>
  make({ type: 'ticket_reopened', ticketId, at, ...(agentId ? { agentId } : {}) }, o);
export const rated = (
  ticketId: string,
  agentId: string,
  at: string,
  satisfied: boolean,
  extra: { comment?: string; customerName?: string } = {},
  o?: Opt,
) =>
  make(
    {
      type: 'csat_rated',
      ticketId,
      agentId,
      at,
      satisfied,
      originalScore: satisfied ? 'good' : 'bad',
      ...extra,
    },
    o,
  );
export const qa = (ticketId: string, agentId: string, at: string, score: number, o?: Opt) =>
  make({ type: 'qa_scored', ticketId, agentId, at, score }, o);
export const call = (
  ticketId: string,
  agentId: string,
  at: string,
  talk: number,
  hold: number,
  wrap: number,
  o?: Opt,
) =>
  make(
    { type: 'call_handled', ticketId, agentId, at, talkSeconds: talk, holdSeconds: hold, wrapSeconds: wrap },
    o,
  );

/** Adds minutes to an instant, returning an ISO instant in UTC. */
export const plus = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

/** A ticket created at `at`, answered publicly after `frt` minutes and solved after `res` minutes by `agentId`. */
export function ticketFlow(
  ticketId: string,
  agentId: string,
  at: string,
  frt: number,
  res: number,
): HelpdeskEvent[] {
  return [
    created(ticketId, at),
    replied(ticketId, agentId, plus(at, frt)),
    solved(ticketId, agentId, plus(at, res)),
  ];
}

/** Metrics with every value given directly (for mission and offer tests that do not need events). */
export function metricsOf(
  agentId: string,
  values: Partial<Record<keyof AgentMetrics, number | null>>,
  sample = 10,
): AgentMetrics {
  const mv = (k: keyof AgentMetrics) => {
    const v = values[k];
    return v === undefined || v === null
      ? { value: null, sample: 0, reason: 'not_enough_data' as const }
      : { value: v, sample: k === 'solved' ? v : sample };
  };
  return {
    agentId,
    from: '2026-03-02T00:00:00.000Z',
    to: '2026-03-09T00:00:00.000Z',
    timezone: 'Europe/Warsaw',
    solved: values.solved === undefined ? { value: 0, sample: 0 } : mv('solved'),
    frtAvgMinutes: mv('frtAvgMinutes'),
    frtMedianMinutes: mv('frtMedianMinutes'),
    resolutionAvgMinutes: mv('resolutionAvgMinutes'),
    csatPct: mv('csatPct'),
    qaAvg: mv('qaAvg'),
    reopenRate: mv('reopenRate'),
    reopened: { value: 0, sample: 0 },
    ahtSeconds: mv('ahtSeconds'),
  };
}

export function mission(over: Partial<Mission> = {}): Mission {
  return {
    id: 'm1',
    title: 'Solve 40 tickets this week',
    metric: 'solved',
    comparator: 'atLeast',
    target: 40,
    window: { start: '2026-03-02T00:00:00Z', end: '2026-03-09T00:00:00Z' },
    minSample: 1,
    guardrails: [],
    reward: { points: 50 },
    scope: 'agent',
    agentId: 'ana',
    teamId: null,
    origin: 'supervisor',
    kind: null,
    status: 'active',
    createdAt: '2026-03-01T12:00:00Z',
    settledAt: null,
    ...over,
  };
}

/** A weekly trend point with no data on any metric except those given. */
export function trendWeek(weekStart: string, values: Partial<WeeklyTrendPoint> = {}): WeeklyTrendPoint {
  return {
    weekStart,
    solved: null,
    frtAvgMinutes: null,
    resolutionAvgMinutes: null,
    csatPct: null,
    qaAvg: null,
    reopenRate: null,
    ahtSeconds: null,
    ...values,
  };
}
