import { describe, expect, it } from 'vitest';
import { CreateTeamBody } from '../../../shared/api/admin';
import { IngestEventUnion } from '../../../shared/api/ingest';
import {
  DEFAULT_DAILY_GOAL,
  DEFAULT_SCHEDULE,
  DailyGoal,
  HELPDESK_EVENT_TYPES,
  HelpdeskEvent,
  effectiveScheduleAndGoal,
  primaryTeamId,
} from '../../../shared/domain';

const NIGHTS = { '1': { start: '22:00', end: '06:00' } };
const WEEKEND = { '6': { start: '10:00', end: '18:00' }, '7': { start: '10:00', end: '18:00' } };
const strict = DailyGoal.parse({ minSatisfied: 2, minSolved: 1 });

describe('effectiveScheduleAndGoal: one rule for the schedule and goal a streak is judged by', () => {
  it('own schedule, else the primary team’s, else Mon–Fri 09–17; the team’s goal, else the default goal', () => {
    const team = { schedule: WEEKEND, dailyGoal: strict };
    expect(effectiveScheduleAndGoal({ schedule: NIGHTS }, team)).toEqual({ schedule: NIGHTS, goal: strict });
    expect(effectiveScheduleAndGoal({ schedule: null }, team)).toEqual({ schedule: WEEKEND, goal: strict });
    expect(effectiveScheduleAndGoal({ schedule: null }, null)).toEqual({
      schedule: DEFAULT_SCHEDULE,
      goal: DEFAULT_DAILY_GOAL,
    });
    expect(Object.keys(DEFAULT_SCHEDULE)).toEqual(['1', '2', '3', '4', '5']);
    expect(DEFAULT_DAILY_GOAL).toEqual({ minSatisfied: 1, minSolved: 0, noGuardrailBroken: true });
  });

  it('the primary team is the first by id, whatever order the ids come in', () => {
    expect(primaryTeamId(['t-b', 't-a'])).toBe('t-a');
    expect(primaryTeamId([])).toBeNull();
  });

  it('a team created without a goal or schedule gets exactly the domain’s defaults', () => {
    const team = CreateTeamBody.parse({ name: 'Care', timezone: 'Europe/Warsaw' });
    expect(team.dailyGoal).toEqual(DEFAULT_DAILY_GOAL);
    expect(team.schedule).toEqual(DEFAULT_SCHEDULE);
  });
});

describe('the event-type union is one schema', () => {
  it('ingest accepts exactly the engine’s event types, each naming its agent by handle where the engine has agentId', () => {
    const ingestTypes = IngestEventUnion.options.map((o) => o.shape.type.value);
    expect(ingestTypes).toEqual(HELPDESK_EVENT_TYPES);
    for (const [i, variant] of HelpdeskEvent.options.entries()) {
      const ingest = IngestEventUnion.options[i]!;
      const engineKeys = Object.keys(variant.shape).map((k) => (k === 'agentId' ? 'agent' : k));
      expect(Object.keys(ingest.shape).sort()).toEqual(engineKeys.sort());
      const optional = (s: { safeParse: (v: unknown) => { success: boolean } }) =>
        s.safeParse(undefined).success;
      const engineAgent = (
        variant.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>
      ).agentId!;
      const ingestAgent = (
        ingest.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>
      ).agent!;
      expect(optional(ingestAgent)).toBe(optional(engineAgent));
    }
  });

  it('an ingest event reads its handle; an engine event its person id', () => {
    const base = { source: 'zendesk', externalId: 'e1', ticketId: 't1', at: '2026-03-02T10:00:00Z' };
    expect(
      IngestEventUnion.parse({ ...base, type: 'ticket_solved', agent: 'email:Ana@Example.com' }),
    ).toMatchObject({
      agent: 'email:ana@example.com',
    });
    expect(HelpdeskEvent.parse({ ...base, type: 'ticket_solved', agentId: 'p-ana' })).toMatchObject({
      agentId: 'p-ana',
    });
    expect(IngestEventUnion.safeParse({ ...base, type: 'ticket_solved' }).success).toBe(false);
    expect(IngestEventUnion.safeParse({ ...base, type: 'ticket_reopened' }).success).toBe(true);
  });
});
