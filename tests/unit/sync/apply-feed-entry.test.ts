import { describe, expect, it } from 'vitest';
import { applyFeedEntries, applyFeedEntry } from '../../../shared/sync';
import type { FeedEntry } from '../../../shared/api';
import type { Consultation, PlanView } from '../../../shared/domain';
import { agentSnapshot, celebrationEntry, kudos, kudosEntry, streakEntry } from './fixtures';

describe('applyFeedEntry', () => {
  it('upserts a consultation: answered, then decided, replaces it in place; a replay changes nothing', () => {
    const asked: Consultation = {
      id: 'q-1',
      teamId: 't-1',
      authorId: 'p-sam',
      authorName: 'Sam',
      question: 'Rotate Friday lates?',
      details: '',
      kind: 'text',
      options: [],
      anonymous: true,
      closesAt: '2026-11-20T17:00:00Z',
      createdAt: '2026-11-16T09:00:00Z',
      decision: null,
      publishedResults: null,
      answered: false,
    };
    const entry = (seq: number, payload: Consultation): FeedEntry => ({
      seq,
      personId: 'p-ana',
      at: '2026-11-17T09:00:00Z',
      type: 'consultation.upserted',
      payload,
    });
    const decided: Consultation = {
      ...asked,
      answered: true,
      decision: { decided: 'Rotate', why: 'Most asked for it', at: '2026-11-21T09:00:00Z' },
    };
    const entries = [entry(1, asked), entry(2, { ...asked, answered: true }), entry(3, decided)];
    const s = applyFeedEntries(agentSnapshot(), entries);
    expect(s.consultations).toEqual([decided]);
    expect(applyFeedEntries(s, entries)).toBe(s);
  });

  it('replaces the growth plan with each plan.updated; a replay changes nothing', () => {
    const view = (met: number): PlanView => ({
      plan: {
        agentId: 'p-ana',
        goal: { kind: 'role_here', text: 'Team lead' },
        skills: [{ name: 'De-escalation', evidence: [{ kind: 'kudos', value: 'Empathy', count: 2 }] }],
        visibility: 'supervisor',
        nextCheckIn: '2026-11-20',
        lastCheckIn: null,
        createdAt: '2026-11-16T09:00:00Z',
        updatedAt: '2026-11-16T09:00:00Z',
      },
      progress: {
        met,
        total: 1,
        ratio: met,
        skills: [
          {
            name: 'De-escalation',
            met,
            total: 1,
            evidence: [
              {
                key: 'kudos:Empathy:2',
                label: '2 kudos for Empathy',
                met: met === 1,
                have: met + 1,
                need: 2,
              },
            ],
          },
        ],
      },
      checkIn: 'later',
    });
    const entry = (seq: number, payload: PlanView): FeedEntry => ({
      seq,
      personId: 'p-ana',
      at: '2026-11-17T09:00:00Z',
      type: 'plan.updated',
      payload,
    });
    const start = agentSnapshot();
    expect(start.plan).toBeNull();
    const entries = [entry(1, view(0)), entry(2, view(1))];
    const s = applyFeedEntries(start, entries);
    expect(s.plan).toEqual(view(1));
    expect(applyFeedEntries(s, entries)).toBe(s);
  });

  it('upserts kudos newest first and advances the cursor', () => {
    const s = applyFeedEntries(agentSnapshot(), [kudosEntry(1), kudosEntry(2)]);
    expect(s.kudos.inbox.map((k) => k.id)).toEqual(['k-2', 'k-1']);
    expect(s.cursor).toBe(2);
  });

  it('replaces a kudos in place when it is thanked', () => {
    const first = kudosEntry(1, 'k-a');
    const thanked: FeedEntry = {
      seq: 2,
      personId: 'p-ana',
      at: first.at,
      type: 'kudos.upserted',
      payload: { ...kudos('k-a', first.at), thankedAt: '2026-11-20T10:00:00Z' },
    };
    const s = applyFeedEntries(agentSnapshot(), [first, thanked]);
    expect(s.kudos.inbox).toHaveLength(1);
    expect(s.kudos.inbox[0]?.thankedAt).toBe('2026-11-20T10:00:00Z');
  });

  it('places a late kudos by its time, in any zone offset, not by when it arrived', () => {
    const entry = (seq: number, id: string, at: string): FeedEntry => ({
      seq,
      personId: 'p-ana',
      at,
      type: 'kudos.upserted',
      payload: kudos(id, at),
    });
    const s = applyFeedEntries(agentSnapshot(), [
      entry(1, 'monday', '2026-11-16T09:00:00Z'),
      entry(2, 'wednesday', '2026-11-18T09:00:00Z'),
      // Tuesday 23:30 in Warsaw is 22:30Z: between the two, though it arrives last.
      entry(3, 'tuesday', '2026-11-17T23:30:00+01:00'),
    ]);
    expect(s.kudos.inbox.map((k) => k.id)).toEqual(['wednesday', 'tuesday', 'monday']);
  });

  it('applying the same entry twice is harmless', () => {
    const once = applyFeedEntry(agentSnapshot(), kudosEntry(1));
    const twice = applyFeedEntry(once, kudosEntry(1));
    expect(twice).toEqual(once);
    expect(twice.kudos.inbox).toHaveLength(1);
  });

  it('never lets an older entry roll newer state back', () => {
    const s = applyFeedEntries(agentSnapshot(), [streakEntry(1, 5), streakEntry(2, 6)]);
    expect(applyFeedEntry(s, streakEntry(1, 5)).streak.current).toBe(6);
  });

  it('upserts a mission by id and replaces offers, quota, profile and trends', () => {
    const base = agentSnapshot();
    const view = base.missions[0]!;
    const entries: FeedEntry[] = [
      {
        seq: 1,
        personId: 'p-ana',
        at: '2026-11-20T10:00:00Z',
        type: 'mission.upserted',
        payload: { ...view, progress: { ...view.progress, value: 13, sentence: '13 of 40 solved' } },
      },
      {
        seq: 2,
        personId: 'p-ana',
        at: '2026-11-20T10:00:00Z',
        type: 'offers.replaced',
        payload: { offers: [] },
      },
      {
        seq: 3,
        personId: 'p-ana',
        at: '2026-11-20T10:00:00Z',
        type: 'kudos.quota',
        payload: { sentToday: 2, dailyCap: 5 },
      },
      {
        seq: 4,
        personId: 'p-ana',
        at: '2026-11-20T10:00:00Z',
        type: 'profile.updated',
        payload: { ...base.profile, passions: { text: 'bouldering', visibility: 'team' } },
      },
      {
        seq: 5,
        personId: 'p-ana',
        at: '2026-11-20T10:00:00Z',
        type: 'trends.updated',
        payload: {
          trends: [
            {
              weekStart: '2026-11-16',
              solved: 12,
              frtAvgMinutes: 31,
              resolutionAvgMinutes: null,
              csatPct: 94,
              qaAvg: null,
              reopenRate: null,
              ahtSeconds: null,
            },
          ],
        },
      },
    ];
    const s = applyFeedEntries(base, entries);
    expect(s.missions).toHaveLength(1);
    expect(s.missions[0]?.progress.sentence).toBe('13 of 40 solved');
    expect(s.kudos.sentToday).toBe(2);
    expect(s.profile.passions.text).toBe('bouldering');
    expect(s.trends).toHaveLength(1);
    expect(s.cursor).toBe(5);
  });

  it('a celebration changes no state but moves the cursor', () => {
    const base = agentSnapshot();
    const s = applyFeedEntry(base, celebrationEntry(1));
    expect({ ...s, cursor: 0 }).toEqual(base);
    expect(s.cursor).toBe(1);
  });
});
