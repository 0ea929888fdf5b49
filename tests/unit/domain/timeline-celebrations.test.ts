import { describe, expect, it } from 'vitest';
import {
  Celebration,
  POINTS,
  TimelineEntry,
  celebrationFor,
  timelineEntryFor,
  type Kudos,
} from '../../../shared/domain';
import { mission } from './fixtures';

const NOW = '2026-03-06T15:00:00Z';
const kudos: Kudos = {
  id: 'k1',
  kind: 'customer',
  fromPersonId: null,
  fromName: 'Maria',
  toPersonId: 'ana',
  toName: 'Ana',
  message: 'Maria rated ticket 812 as satisfied and left a comment.',
  value: 'Tough customer',
  ticketId: '812',
  ticketUrl: null,
  customerQuote: 'I was so frustrated and Ana stayed calm and fixed it.',
  at: NOW,
  thankedAt: null,
  readAt: null,
};

describe('celebrationFor', () => {
  it('sizes each moment', () => {
    const size = (t: Parameters<typeof celebrationFor>[0]) => celebrationFor(t, NOW, 'c1')?.size ?? null;
    expect(size({ kind: 'kudos', kudos })).toBe('toast');
    expect(size({ kind: 'mission_completed', mission: mission({ status: 'completed' }) })).toBe('burst');
    expect(size({ kind: 'streak_milestone', milestone: 3 })).toBe('burst');
    expect(size({ kind: 'streak_milestone', milestone: 5 })).toBe('burst');
    expect(size({ kind: 'streak_milestone', milestone: 10 })).toBe('confetti');
    expect(size({ kind: 'streak_milestone', milestone: 100 })).toBe('confetti');
    expect(
      size({
        kind: 'personal_best',
        best: { metric: 'csatPct', value: 97, weekStart: '2026-03-02', previous: 95 },
      }),
    ).toBe('burst');
    expect(size({ kind: 'level_up', level: 3, levelName: 'Reliable helper' })).toBe('confetti');
  });

  it('does not celebrate what is not a milestone or not completed', () => {
    expect(celebrationFor({ kind: 'streak_milestone', milestone: 4 }, NOW, 'c')).toBeNull();
    expect(
      celebrationFor({ kind: 'mission_completed', mission: mission({ status: 'missed' }) }, NOW, 'c'),
    ).toBeNull();
  });

  it('is specific: names the value and quotes the customer, and fits the contract', () => {
    const c = celebrationFor({ kind: 'kudos', kudos }, NOW, 'c1')!;
    expect(Celebration.parse(c)).toEqual(c);
    expect(c).toMatchObject({ id: 'c1', at: NOW, refId: 'k1', title: 'Tough customer — from Maria' });
    expect(c.message).toContain('stayed calm');
  });
});

describe('timelineEntryFor', () => {
  it('builds entries with deterministic ids and the points they earned', () => {
    const m = mission({ status: 'completed', reward: { points: 120 } });
    const e = timelineEntryFor({ kind: 'mission_completed', mission: m, at: NOW });
    expect(TimelineEntry.parse(e)).toEqual(e);
    expect(e).toMatchObject({
      id: 'mission_completed:m1',
      agentId: 'ana',
      points: 120,
      title: 'Mission completed: Solve 40 tickets this week',
    });
    expect(timelineEntryFor({ kind: 'mission_completed', mission: m, at: NOW })).toEqual(e);
  });

  it('a streak milestone is dated and identified by the day it was reached, not the day it was recorded', () => {
    const reached = { agentId: 'ana', milestone: 5, date: '2026-03-06', at: '2026-03-06T14:15:00Z' };
    const today = timelineEntryFor({ kind: 'streak_milestone', ...reached });
    expect(today).toMatchObject({ id: 'streak_milestone:5@2026-03-06', at: '2026-03-06T14:15:00Z' });
    // Reaching 5 again after a reset, on another day, is a new entry; the same day recorded twice is not.
    expect(timelineEntryFor({ kind: 'streak_milestone', ...reached, date: '2026-04-01' }).id).not.toBe(
      today.id,
    );
  });

  it('covers every kind of portfolio entry', () => {
    const entries = [
      timelineEntryFor({ kind: 'kudos_received', kudos }),
      timelineEntryFor({ kind: 'streak_milestone', agentId: 'ana', milestone: 10, at: NOW }),
      timelineEntryFor({ kind: 'streak_record', agentId: 'ana', longest: 12, at: NOW }),
      timelineEntryFor({
        kind: 'personal_best',
        agentId: 'ana',
        at: NOW,
        best: { metric: 'frtAvgMinutes', value: 22, weekStart: '2026-03-02', previous: 28 },
      }),
      timelineEntryFor({
        kind: 'idea_adopted',
        agentId: 'ana',
        at: NOW,
        idea: {
          id: 'i1',
          teamId: null,
          authorId: 'ana',
          anonymous: false,
          title: 'Macro for refunds',
          body: '',
          status: 'done',
          response: 'Shipped!',
          createdAt: NOW,
          updatedAt: NOW,
        },
      }),
      timelineEntryFor({
        kind: 'career_milestone',
        agentId: 'ana',
        milestoneId: 'cm1',
        milestone: { kind: 'certification', title: 'Tier 2 certified', detail: null, at: NOW },
      }),
      timelineEntryFor({ kind: 'level_up', agentId: 'ana', level: 4, levelName: 'Problem solver', at: NOW }),
    ];
    for (const e of entries) expect(TimelineEntry.parse(e)).toEqual(e);
    expect(entries.map((e) => e.points)).toEqual([
      POINTS.customerKudosReceived,
      50,
      0,
      POINTS.personalBest,
      POINTS.ideaAdopted,
      POINTS.careerMilestone,
      0,
    ]);
    expect(entries[0]!.detail).toBe('“I was so frustrated and Ana stayed calm and fixed it.”');
    expect(entries[3]!.title).toBe('Personal best: Average first reply 22 min (week of 2026-03-02)');
    expect(entries.every((e) => e.points >= 0)).toBe(true);
  });

  it('keeps ids within the contract length for long references', () => {
    const e = timelineEntryFor({
      kind: 'mission_completed',
      mission: mission({ id: 'x'.repeat(128), status: 'completed' }),
      at: NOW,
    });
    expect(e.id.length).toBeLessThanOrEqual(128);
    expect(TimelineEntry.parse(e).id).toBe(e.id);
  });
});
