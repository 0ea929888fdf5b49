import { Snapshot, type FeedEntry } from '../../../shared/api';
import type { Kudos } from '../../../shared/domain';

const field = (text: string) => ({ text, visibility: 'me' as const });

/** A snapshot shaped like the server's: one agent on the Care Crew team, one running mission. */
export function agentSnapshot(cursor = 0): Snapshot {
  return Snapshot.parse({
    person: {
      id: 'p-ana',
      name: 'Ana Kowalska',
      role: 'agent',
      timezone: 'Europe/Warsaw',
      teamIds: ['t-care'],
    },
    team: {
      id: 't-care',
      name: 'Care Crew',
      timezone: 'Europe/Warsaw',
      members: [
        { id: 'p-ana', name: 'Ana Kowalska' },
        { id: 'p-ben', name: 'Ben Ode' },
      ],
    },
    missions: [
      {
        mission: {
          id: 'm-1',
          title: 'Solve 40 tickets this week',
          metric: 'solved',
          comparator: 'atLeast',
          target: 40,
          window: { start: '2026-11-16T00:00:00+01:00', end: '2026-11-23T00:00:00+01:00' },
          minSample: 1,
          guardrails: [],
          reward: { points: 50 },
          scope: 'agent',
          agentId: 'p-ana',
          teamId: 't-care',
          origin: 'offer',
          kind: 'steady',
          status: 'active',
          createdAt: '2026-11-16T08:00:00Z',
          settledAt: null,
        },
        progress: {
          value: 12,
          sample: 12,
          ratio: 0.3,
          state: 'on_track',
          guardrails: [],
          sentence: '12 of 40 solved, 3 days left',
          msLeft: 259_200_000,
        },
      },
    ],
    offers: [],
    streak: {
      current: 4,
      longest: 9,
      freezesLeft: 1,
      nextMilestone: 5,
      recent: [{ date: '2026-11-19', outcome: 'met' }],
      todayMet: false,
    },
    growth: {
      points: 320,
      level: 2,
      levelName: 'Practitioner',
      pointsIntoLevel: 70,
      pointsForNextLevel: 250,
      personalBests: [],
    },
    kudos: { inbox: [], sentToday: 0, dailyCap: 5 },
    timeline: [],
    trends: [],
    profile: {
      purposeWhy: field('I like untangling problems'),
      purposeWhere: field(''),
      passions: field('climbing'),
      strengths: field(''),
      skillsToGrow: field(''),
    },
    coaching: [],
    ideas: [],
    consultations: [],
    cursor,
  });
}

export function kudos(
  id: string,
  at: string,
  message = 'Turned an angry refund request into a thank-you note',
): Kudos {
  return {
    id,
    kind: 'supervisor',
    fromPersonId: 'p-sup',
    fromName: 'Sam Lead',
    toPersonId: 'p-ana',
    toName: 'Ana Kowalska',
    message,
    value: 'Tough customer',
    ticketId: '4711',
    ticketUrl: 'https://help.example.com/tickets/4711',
    customerQuote: null,
    at,
    thankedAt: null,
    readAt: null,
  };
}

export function kudosEntry(seq: number, id = `k-${seq}`): FeedEntry {
  const at = new Date(Date.UTC(2026, 10, 20, 9, seq)).toISOString();
  return { seq, personId: 'p-ana', at, type: 'kudos.upserted', payload: kudos(id, at) };
}

export function streakEntry(seq: number, current: number): FeedEntry {
  return {
    seq,
    personId: 'p-ana',
    at: '2026-11-20T17:00:00Z',
    type: 'streak.updated',
    payload: {
      current,
      longest: Math.max(9, current),
      freezesLeft: 1,
      nextMilestone: 5,
      recent: [],
      todayMet: true,
    },
  };
}

export function celebrationEntry(seq: number): FeedEntry {
  return {
    seq,
    personId: 'p-ana',
    at: '2026-11-20T17:00:00Z',
    type: 'celebration',
    payload: {
      id: `c-${seq}`,
      kind: 'streak_milestone',
      size: 'burst',
      title: '5 days in a row',
      message: 'Five scheduled days, every goal met.',
      at: '2026-11-20T17:00:00Z',
      refId: null,
    },
  };
}
