import { describe, expect, it } from 'vitest';
import { AssignMissionBody } from '../../../shared/api/actions';
import { MissionSpec, Mission, missionSpecProblems, type MissionSpecDraft } from '../../../shared/domain';
import { mission } from './fixtures';

const spec = (over: Partial<MissionSpecDraft> = {}): MissionSpecDraft => ({
  title: 'Clear the refund backlog',
  metric: 'solved',
  comparator: 'atLeast',
  target: 40,
  window: { start: '2026-03-02T08:00:00Z', end: '2026-03-06T22:59:00Z' },
  minSample: 1,
  guardrails: [],
  ...over,
});

/** The messages the supervisor's API would answer with for this spec (through the real request schema). */
function refusals(over: Partial<MissionSpecDraft>): string[] {
  const parsed = AssignMissionBody.safeParse({ agentIds: ['ana'], teamId: null, spec: spec(over) });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('mission targets, windows and minimum samples (per metric)', () => {
  it('accepts a sensible mission of every kind', () => {
    expect(refusals({})).toEqual([]);
    expect(refusals({ metric: 'csatPct', target: 92, minSample: 5 })).toEqual([]);
    expect(refusals({ metric: 'reopenRate', comparator: 'atMost', target: 0 })).toEqual([]);
    expect(refusals({ metric: 'qaAvg', target: 100, minSample: 2 })).toEqual([]);
    expect(refusals({ metric: 'frtAvgMinutes', comparator: 'atMost', target: 30, minSample: 5 })).toEqual([]);
    expect(refusals({ metric: 'ahtSeconds', comparator: 'atMost', target: 0.5 })).toEqual([]);
  });

  it('refuses "0 of -5 solved" and fractional counts, saying what a count target is', () => {
    expect(refusals({ target: -5 })).toEqual([
      'spec.target: The tickets solved target is a whole number of tickets, 1 or more (got -5).',
    ]);
    expect(refusals({ target: 0 })).toHaveLength(1);
    expect(refusals({ target: 2.5 })[0]).toContain('whole number of tickets');
  });

  it('refuses "CSAT 150% or more" and scores outside 0–100', () => {
    expect(refusals({ metric: 'csatPct', target: 150 })).toEqual([
      'spec.target: The CSAT target is a percentage from 0 to 100 (got 150).',
    ]);
    expect(refusals({ metric: 'reopenRate', comparator: 'atMost', target: -1 })[0]).toContain(
      'reopen rate target is a percentage from 0 to 100',
    );
    expect(refusals({ metric: 'qaAvg', target: 101 })[0]).toContain(
      'QA average target is a score from 0 to 100',
    );
  });

  it('refuses times of zero or less, and absurdly long ones', () => {
    expect(refusals({ metric: 'frtAvgMinutes', comparator: 'atMost', target: 0 })).toEqual([
      'spec.target: The average first reply target is a number of minutes above 0 and at most 43200 (30 days) (got 0).',
    ]);
    expect(refusals({ metric: 'resolutionAvgMinutes', comparator: 'atMost', target: 50_000 })).toHaveLength(
      1,
    );
    expect(refusals({ metric: 'ahtSeconds', comparator: 'atMost', target: -30 })[0]).toContain(
      'number of seconds above 0',
    );
  });

  it('refuses a window that ends before it starts, lasts less than an hour or more than 92 days', () => {
    const at = (start: string, end: string) => ({ window: { start, end } });
    expect(refusals(at('2026-03-06T10:00:00Z', '2026-03-02T10:00:00Z'))).toEqual([
      'spec.window: The mission must end after it starts.',
    ]);
    expect(refusals(at('2026-03-06T10:00:00Z', '2026-03-06T10:00:00Z'))).toHaveLength(1);
    expect(refusals(at('2026-03-06T10:00:00Z', '2026-03-06T10:30:00Z'))).toEqual([
      'spec.window: A mission runs for at least an hour.',
    ]);
    expect(refusals(at('2026-01-01T00:00:00Z', '2026-04-03T00:00:00Z'))).toEqual([]); // 92 days
    expect(refusals(at('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'))).toEqual([
      'spec.window: A mission runs for at most 92 days (about a quarter); this one would run 151 days.',
    ]);
  });

  it('refuses a minimum sample that is not 1…1000, or above a count target', () => {
    expect(refusals({ metric: 'csatPct', target: 90, minSample: 0 })).toEqual([
      'spec.minSample: The minimum sample is a whole number from 1 to 1000 (got 0).',
    ]);
    expect(refusals({ metric: 'csatPct', target: 90, minSample: 5000 })).toHaveLength(1);
    expect(refusals({ metric: 'csatPct', target: 90, minSample: 2.5 })).toHaveLength(1);
    expect(refusals({ target: 10, minSample: 12 })).toEqual([
      'spec.minSample: A tickets solved mission cannot need a minimum sample (12) larger than its target (10).',
    ]);
  });

  it('judges guardrail thresholds by the same rules, at the guardrail', () => {
    expect(refusals({ guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 150 }] })).toEqual([
      'spec.guardrails.0.threshold: The CSAT guardrail is a percentage from 0 to 100 (got 150).',
    ]);
  });

  it('refuses an empty title in words, and lists every problem at once', () => {
    const problems = missionSpecProblems(spec({ title: '   ', target: -5, minSample: 0 }));
    expect(problems.map((p) => p.path.join('.'))).toEqual(['title', 'target', 'minSample']);
    expect(problems[0]!.message).toBe('Give the mission a title.');
  });

  it('with `now`, refuses a window that has already ended (the schema cannot know the time)', () => {
    expect(missionSpecProblems(spec(), { now: '2026-03-07T09:00:00Z' })).toEqual([
      { path: ['window'], message: 'The mission’s end date has already passed.' },
    ]);
    expect(missionSpecProblems(spec(), { now: '2026-03-04T09:00:00Z' })).toEqual([]);
  });

  it('a non-number target (what a form may hold) is a sentence, not a crash', () => {
    expect(missionSpecProblems(spec({ target: Number.NaN }))).toEqual([
      { path: ['target'], message: 'The tickets solved target must be a number.' },
    ]);
  });

  it('stored missions are read back as they were, whatever the rules say now', () => {
    const old = mission({ target: -5, title: '' });
    expect(Mission.parse(old)).toEqual(old);
    expect(MissionSpec.safeParse(old).success).toBe(false);
  });
});
