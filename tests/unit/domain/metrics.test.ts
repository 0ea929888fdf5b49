import { describe, expect, it } from 'vitest';
import {
  computeMetrics,
  dedupeEvents,
  metricEventsFor,
  weeklyTrends,
  type HelpdeskEvent,
} from '../../../shared/domain';
import { assigned, call, created, plus, qa, rated, reopened, replied, solved, ticketFlow } from './fixtures';

const window = { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' };
const base = { agentId: 'ana', window, timezone: 'Europe/Warsaw' };
const T = '2026-03-03T09:00:00Z';

function fiveTickets(): HelpdeskEvent[] {
  // FRT 10, 20, 30, 40, 100 minutes; resolution 60, 120, 180, 240, 300.
  return [10, 20, 30, 40, 100].flatMap((frt, i) =>
    ticketFlow(`t${i}`, 'ana', plus(T, i * 600), frt, (i + 1) * 60),
  );
}

describe('computeMetrics', () => {
  it('computes solved, FRT average and median, and resolution time', () => {
    const m = computeMetrics({ ...base, events: fiveTickets() });
    expect(m.solved).toEqual({ value: 5, sample: 5 });
    expect(m.frtAvgMinutes).toEqual({ value: 40, sample: 5 });
    expect(m.frtMedianMinutes).toEqual({ value: 30, sample: 5 });
    expect(m.resolutionAvgMinutes).toEqual({ value: 180, sample: 5 });
  });

  it('reports "not enough data" below the minimum sample, and honours an override', () => {
    const events = fiveTickets().slice(0, 6); // two tickets
    const m = computeMetrics({ ...base, events });
    expect(m.frtAvgMinutes).toEqual({ value: null, sample: 2, reason: 'not_enough_data' });
    expect(m.csatPct.reason).toBe('not_enough_data');
    expect(computeMetrics({ ...base, events, minSamples: { frt: 2 } }).frtAvgMinutes).toEqual({
      value: 15,
      sample: 2,
    });
  });

  it('FRT uses the first public reply, credited to whoever made it, ignoring internal notes', () => {
    const events = [
      created('x', T),
      replied('x', 'ana', plus(T, 5), false), // internal note: not a reply to the customer
      replied('x', 'ben', plus(T, 12)),
      replied('x', 'ana', plus(T, 30)),
      created('y', T),
      replied('y', 'ana', plus(T, 8)),
    ];
    const ana = computeMetrics({ ...base, events, minSamples: { frt: 1 } });
    const ben = computeMetrics({ ...base, agentId: 'ben', events, minSamples: { frt: 1 } });
    expect(ana.frtAvgMinutes).toEqual({ value: 8, sample: 1 });
    expect(ben.frtAvgMinutes).toEqual({ value: 12, sample: 1 });
  });

  it('FRT counts in the window containing the reply, even when the ticket was created before it', () => {
    const events = [created('old', '2026-03-01T22:00:00Z'), replied('old', 'ana', '2026-03-02T01:00:00Z')];
    expect(computeMetrics({ ...base, events, minSamples: { frt: 1 } }).frtAvgMinutes).toEqual({
      value: 180,
      sample: 1,
    });
    const before = { from: '2026-02-23T00:00:00Z', to: '2026-03-02T00:00:00Z' };
    expect(
      computeMetrics({ ...base, window: before, events, minSamples: { frt: 1 } }).frtAvgMinutes.sample,
    ).toBe(0);
  });

  it('resolution uses the last solve by the agent in the window; a ticket solved twice counts once', () => {
    const events = [
      created('r', T),
      solved('r', 'ana', plus(T, 60)),
      reopened('r', plus(T, 90)),
      solved('r', 'ana', plus(T, 150)),
    ];
    const m = computeMetrics({ ...base, events, minSamples: { resolution: 1 } });
    expect(m.solved.value).toBe(1);
    expect(m.resolutionAvgMinutes.value).toBe(150);
  });

  it('CSAT counts the latest rating per ticket', () => {
    const events = [
      rated('a', 'ana', plus(T, 10), false),
      rated('a', 'ana', plus(T, 50), true), // customer changed their mind: satisfied counts
      rated('b', 'ana', plus(T, 10), true),
      rated('c', 'ana', plus(T, 10), false),
      rated('d', 'ana', plus(T, 10), true),
    ];
    const m = computeMetrics({ ...base, events, minSamples: { csat: 4 } });
    expect(m.csatPct).toEqual({ value: 75, sample: 4 });
  });

  it('QA average and AHT (talk + hold + wrap)', () => {
    const events = [
      qa('a', 'ana', T, 80),
      qa('b', 'ana', T, 95),
      ...[300, 400, 500, 600, 700].map((talk, i) => call(`c${i}`, 'ana', plus(T, i), talk, 30, 30)),
    ];
    const m = computeMetrics({ ...base, events });
    expect(m.qaAvg).toEqual({ value: 87.5, sample: 2 });
    expect(m.ahtSeconds).toEqual({ value: 560, sample: 5 });
  });

  it('reopens count against the named agent, else the last solver before the reopen', () => {
    const events: HelpdeskEvent[] = [];
    for (let i = 0; i < 5; i++) events.push(solved(`s${i}`, 'ana', plus(T, i)));
    events.push(reopened('s0', plus(T, 100))); // no agent named: ana solved it last
    events.push(solved('s1', 'ben', plus(T, 50)), reopened('s1', plus(T, 100))); // ben solved it last: his
    events.push(reopened('s2', plus(T, 100), 'ana'));
    const m = computeMetrics({ ...base, events });
    expect(m.reopened).toEqual({ value: 2, sample: 2 });
    expect(m.reopenRate).toEqual({ value: 40, sample: 5 });
  });

  it('ignores events outside the window and of other agents', () => {
    const events = [
      solved('a', 'ana', '2026-03-09T00:00:00Z'),
      solved('b', 'ben', T),
      solved('c', 'ana', '2026-03-02T00:00:00Z'),
    ];
    expect(computeMetrics({ ...base, events }).solved.value).toBe(1);
  });

  it('a duplicate and a late out-of-order event change nothing', () => {
    const events = fiveTickets();
    const before = computeMetrics({ ...base, events });
    const dup = { ...events[4]! };
    const shuffled = [events[8]!, dup, ...events.slice().reverse(), events[0]!];
    expect(computeMetrics({ ...base, events: shuffled })).toEqual(before);
    // A created event arriving after its reply and solve gives the same FRT as one that arrived first.
    const late = [
      ...events.filter((e) => e.type !== 'ticket_created'),
      ...events.filter((e) => e.type === 'ticket_created'),
    ];
    expect(computeMetrics({ ...base, events: late })).toEqual(before);
  });

  it('dedupes by (source, externalId) only: the same id from two sources are two events', () => {
    const a = solved('a', 'ana', T, { id: 'e1', source: 'zendesk' });
    const b = solved('b', 'ana', T, { id: 'e1', source: 'freshdesk' });
    expect(dedupeEvents([a, b, a])).toHaveLength(2);
  });

  it('team metrics count several agents together under one name', () => {
    const events = [
      ...ticketFlow('a', 'ana', T, 10, 60),
      ...ticketFlow('b', 'ben', T, 20, 60),
      ...ticketFlow('c', 'cy', T, 30, 60),
    ];
    const team = computeMetrics({
      ...base,
      agentId: 'team-1',
      agentIds: ['ana', 'ben'],
      events,
      minSamples: { frt: 2 },
    });
    expect(team.agentId).toBe('team-1');
    expect(team.solved.value).toBe(2);
    expect(team.frtAvgMinutes).toEqual({ value: 15, sample: 2 });
  });

  it('rejects an empty or inverted window with a clear error', () => {
    const inverted = { from: window.to, to: window.from };
    expect(() => computeMetrics({ ...base, window: inverted, events: [] })).toThrow(/from < to/);
  });

  it('throws on an unknown time zone', () => {
    expect(() => computeMetrics({ ...base, timezone: 'Nowhere/Else', events: [] })).toThrow(
      /unknown IANA time zone/,
    );
  });
});

describe('weeklyTrends', () => {
  it('one point per week, not enough data as null, a week without any activity as a gap (null), not a zero', () => {
    const events = fiveTickets();
    const points = weeklyTrends({
      agentId: 'ana',
      events,
      timezone: 'Europe/Warsaw',
      weekStarts: ['2026-02-23', '2026-03-02'],
    });
    expect(points.map((p) => [p.weekStart, p.solved, p.frtAvgMinutes, p.csatPct])).toEqual([
      ['2026-02-23', null, null, null],
      ['2026-03-02', 5, 40, null],
    ]);
  });
});

describe('first reply time on tickets touched by two or three agents', () => {
  const frt = { frt: 1 };
  /** FRT of each agent, computed from exactly what metricEventsFor selects for them from all events. */
  const frtOf = (events: HelpdeskEvent[], agents: string[]) =>
    Object.fromEntries(
      agents.map((agentId) => {
        const needed = metricEventsFor({ agentIds: [agentId], window, events });
        const m = computeMetrics({ ...base, agentId, events: needed, minSamples: frt });
        return [agentId, m.frtAvgMinutes.value];
      }),
    );

  it('a transfer: ana is assigned but never replies; ben, who answers first after the transfer, is credited', () => {
    const events = [
      created('tr', T),
      assigned('tr', 'ana', plus(T, 1)),
      replied('tr', 'ana', plus(T, 20), false), // an internal note is not a reply to the customer
      assigned('tr', 'ben', plus(T, 30)),
      replied('tr', 'ben', plus(T, 45)),
      replied('tr', 'ana', plus(T, 90)), // ana chimes in later: not a first reply
    ];
    expect(frtOf(events, ['ana', 'ben'])).toEqual({ ana: null, ben: 45 });
  });

  it('a collision: two agents answer within the same minute; only the earlier reply is the first', () => {
    const events = [created('co', T), replied('co', 'cai', plus(T, 12)), replied('co', 'ben', plus(T, 12.5))];
    expect(frtOf(events, ['ben', 'cai'])).toEqual({ ben: null, cai: 12 });
    // At the very same instant the canonical order (source, external id) decides, whatever the arrival order.
    const tie = [
      created('tie', T),
      replied('tie', 'ben', plus(T, 7), true, { id: 'b-reply' }),
      replied('tie', 'ana', plus(T, 7), true, { id: 'a-reply' }),
    ];
    expect(frtOf(tie, ['ana', 'ben'])).toEqual({ ana: 7, ben: null });
    expect(frtOf([...tie].reverse(), ['ana', 'ben'])).toEqual({ ana: 7, ben: null });
  });

  it('a reply after a reassignment: ana answered first, the ticket moved to ben, then cai; only ana has an FRT', () => {
    const events = [
      created('ra', T),
      assigned('ra', 'ana', plus(T, 1)),
      replied('ra', 'ana', plus(T, 25)),
      assigned('ra', 'ben', plus(T, 60)),
      replied('ra', 'ben', plus(T, 70)),
      assigned('ra', 'cai', plus(T, 200)),
      replied('ra', 'cai', plus(T, 210)),
    ];
    expect(frtOf(events, ['ana', 'ben', 'cai'])).toEqual({ ana: 25, ben: null, cai: null });
  });

  it('the first reply made before the window still decides: a later reply in the window is not a first reply', () => {
    const events = [
      created('pre', '2026-03-01T20:00:00Z'),
      replied('pre', 'ben', '2026-03-01T21:00:00Z'), // last week's window
      replied('pre', 'ana', plus(T, 5)),
    ];
    expect(frtOf(events, ['ana'])).toEqual({ ana: null });
  });

  it('without the other agents’ replies (own events + created/solved/reopened only) FRT goes to the wrong person', () => {
    const events = [created('x', T), replied('x', 'ben', plus(T, 10)), replied('x', 'ana', plus(T, 40))];
    const partial = events.filter((e) => e.agentId === 'ana' || e.type === 'ticket_created');
    expect(computeMetrics({ ...base, events: partial, minSamples: frt }).frtAvgMinutes.value).toBe(40);
    expect(frtOf(events, ['ana'])).toEqual({ ana: null });
  });
});
