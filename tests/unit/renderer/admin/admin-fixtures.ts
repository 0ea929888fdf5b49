import { vi } from 'vitest';
import type { PersonRecord, TeamRecord, TokenList } from '../../../../shared/api/admin';
import type { ConnectionRecord } from '../../../../shared/api/connections';
import type { ImportReply } from '../../../../shared/api/import';
import type { AgentMetrics, MetricValue } from '../../../../shared/domain/metrics-model';
import { Snapshot } from '../../../../shared/api/snapshot';
import { DEFAULT_DAILY_GOAL, DEFAULT_SCHEDULE } from '../../../../shared/api/admin';
import { supervisorWeek } from '../fixtures/agent-week';

/** An admin's snapshot: the supervisor fixture with the admin role. */
export const adminWeek = (): Snapshot => {
  const s = supervisorWeek();
  return Snapshot.parse({ ...s, person: { ...s.person, id: 'p-ada', name: 'Ada Admin', role: 'admin' } });
};

export const team = (over: Partial<TeamRecord> = {}): TeamRecord => ({
  id: 't-billing',
  name: 'Billing',
  timezone: 'Europe/Warsaw',
  dailyGoal: DEFAULT_DAILY_GOAL,
  schedule: DEFAULT_SCHEDULE,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

export const person = (over: Partial<PersonRecord> = {}): PersonRecord => ({
  id: 'p-ana',
  name: 'Ana Alvarez',
  role: 'agent',
  timezone: 'UTC',
  teamIds: [],
  handles: ['email:ana@acme.example', 'zendesk:101'],
  schedule: null,
  effectiveSchedule: DEFAULT_SCHEDULE,
  absences: [],
  claimed: false,
  createdAt: '2026-03-12T14:00:00.000Z',
  ...over,
});

export const connection = (over: Partial<ConnectionRecord> = {}): ConnectionRecord => ({
  id: 'c-1',
  vendor: 'zendesk',
  name: 'Acme Zendesk',
  baseUrl: 'https://acme.zendesk.com',
  authKind: 'api_token',
  login: 'admin@acme.example',
  status: 'active',
  statusMessage: 'Polling on schedule.',
  startFrom: '2026-02-10T00:00:00.000Z',
  pollSeconds: 300,
  nextPollAt: '2026-03-12T14:35:00.000Z',
  lastSyncAt: '2026-03-12T14:28:00.000Z',
  lastSuccessAt: '2026-03-12T14:28:00.000Z',
  syncedThrough: '2026-03-12T14:27:00.000Z',
  lagSeconds: 180,
  caughtUp: true,
  eventsImported: 28,
  lastError: null,
  lastErrorAt: null,
  streams: [],
  createdAt: '2026-03-12T14:00:00.000Z',
  ...over,
});

const v = (value: number | null, sample: number): MetricValue =>
  value === null ? { value, sample, reason: 'not_enough_data' } : { value, sample };
export const metrics = (agentId: string): AgentMetrics => ({
  agentId,
  from: '2026-02-10T14:30:00.000Z',
  to: '2026-03-12T14:30:00.000Z',
  timezone: 'UTC',
  solved: v(5, 5),
  frtAvgMinutes: v(10, 5),
  frtMedianMinutes: v(10, 5),
  resolutionAvgMinutes: v(60, 5),
  csatPct: v(null, 2),
  qaAvg: v(null, 0),
  reopenRate: v(20, 5),
  reopened: v(1, 1),
  ahtSeconds: v(null, 0),
});

export const emptyTokens = (): TokenList => ({ tokens: [], pairingCodes: [] });

export const importReply = (over: Partial<ImportReply> = {}): ImportReply => ({
  records: 4,
  events: 6,
  accepted: 5,
  duplicates: 1,
  rejectedCount: 2,
  rejected: [
    { line: 3, reason: 'created_at: not an ISO-8601 time ("yesterday")' },
    { line: 4, reason: 'the assignee has no id' },
  ],
  recordsWithoutEvents: 0,
  seconds: 0.4,
  filtered: 0,
  warnings: [],
  recomputed: true,
  ...over,
});

/** The admin methods of a fake host, each a vi.fn with a believable answer; override per test. */
export function adminHost(state: {
  teams?: TeamRecord[];
  people?: PersonRecord[];
  connections?: ConnectionRecord[];
}) {
  return {
    adminListTeams: vi.fn(async () => ({ teams: state.teams ?? [team()] })),
    adminListPeople: vi.fn(async () => ({ people: state.people ?? [] })),
    adminListConnections: vi.fn(async () => ({ connections: state.connections ?? [] })),
    adminPersonMetrics: vi.fn(async (request: { id: string }) => metrics(request.id)),
    adminListTokens: vi.fn(async () => emptyTokens()),
  };
}
