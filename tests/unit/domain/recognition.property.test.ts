import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOARD_MIN_RATED,
  BOARD_TOP,
  TOUGH_DAY_MIN_CONTACTS,
  impactSummary,
  improvementOf,
  localDateOf,
  monthWindow,
  mostImprovedBoard,
  toughDays,
  toughDaySuggestions,
  turnedAround,
  type BoardCandidate,
  type HelpdeskEvent,
} from '../../../shared/domain';

const MARCH = monthWindow('2026-03', 'Europe/Warsaw');
const counts = fc
  .tuple(fc.nat(60), fc.nat(60))
  .map(([a, b]) => ({ satisfied: Math.min(a, b), rated: Math.max(a, b) }));
const arbCandidates = fc.uniqueArray(
  fc.record({
    personId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12'),
    name: fc.constantFrom('Ana', 'Ben', 'Chen', 'Dara', 'Eli'),
    optedIn: fc.boolean(),
    month: counts,
    baseline: counts,
  }),
  { selector: (c) => c.personId, maxLength: 12 },
);

describe('improvement against one’s own baseline', () => {
  it('is the change in satisfied share, and never a number below the minimum sample', () => {
    fc.assert(
      fc.property(counts, counts, (month, baseline) => {
        const i = improvementOf(month, baseline);
        if (month.rated < BOARD_MIN_RATED || baseline.rated < BOARD_MIN_RATED) {
          expect(i.status).toBe('not_enough_data');
          return;
        }
        expect(i.status).toBe('measured');
        if (i.status !== 'measured') return;
        expect(i.points).toBeCloseTo(i.monthPct - i.baselinePct, 5);
        // Scaling both windows (more tickets, same shares) changes nothing: raw totals never win.
        const scaled = improvementOf(
          { satisfied: month.satisfied * 3, rated: month.rated * 3 },
          { satisfied: baseline.satisfied * 3, rated: baseline.rated * 3 },
        );
        expect(scaled).toEqual(i);
      }),
    );
  });

  it('ranks a small team’s real improver above a big team’s steady high scorer', () => {
    expect(improvementOf({ satisfied: 34, rated: 40 }, { satisfied: 28, rated: 40 })).toMatchObject({
      points: 15,
    });
    expect(improvementOf({ satisfied: 380, rated: 400 }, { satisfied: 380, rated: 400 })).toMatchObject({
      points: 0,
    });
    // Three lucky ratings are not enough.
    expect(improvementOf({ satisfied: 3, rated: 3 }, { satisfied: 10, rated: 20 }).status).toBe(
      'not_enough_data',
    );
  });
});

describe('the most-improved board', () => {
  it('shows only opted-in people, only the top part, never the bottom, whole ties only', () => {
    fc.assert(
      fc.property(arbCandidates, fc.integer({ min: 1, max: 8 }), (candidates, top) => {
        const { entries, standings } = mostImprovedBoard(candidates, { top });
        const byId = new Map<string, BoardCandidate>(candidates.map((c) => [c.personId, c]));
        const measured = candidates
          .filter((c) => c.optedIn)
          .map((c) => ({ c, i: improvementOf(c.month, c.baseline) }))
          .filter((m) => m.i.status === 'measured')
          .map((m) => ({ id: m.c.personId, points: m.i.status === 'measured' ? m.i.points : 0 }));
        for (const e of entries) {
          expect(byId.get(e.personId)!.optedIn).toBe(true);
          expect(e.points).toBeGreaterThan(0);
        }
        expect(entries.length).toBeLessThanOrEqual(Math.min(top, Math.floor(measured.length / 2)));
        // Never the bottom: everyone shown improved strictly more than the least improved of those measured.
        if (entries.length > 0) {
          const lowest = Math.min(...measured.map((m) => m.points));
          for (const e of entries) expect(e.points).toBeGreaterThan(lowest);
        }
        // The shown are the top: nobody left out improved more than someone shown, or as much (ties whole).
        const shown = new Set<string>(entries.map((e) => e.personId));
        const cut = Math.min(...entries.map((e) => e.points));
        for (const m of measured) if (!shown.has(m.id)) expect(m.points).toBeLessThan(cut);
        // Ranks: 1 + how many shown improved more.
        for (const e of entries) expect(e.rank).toBe(1 + entries.filter((o) => o.points > e.points).length);
        // Standings exist only for those who opted in.
        for (const id of standings.keys()) expect(byId.get(id)!.optedIn).toBe(true);
        for (const [id, s] of standings) expect(s.shown).toBe(shown.has(id));
      }),
    );
  });

  it('is the same whatever order the candidates come in', () => {
    fc.assert(
      fc.property(arbCandidates, (candidates) => {
        const a = mostImprovedBoard(candidates);
        const b = mostImprovedBoard([...candidates].reverse());
        expect(b.entries).toEqual(a.entries);
        expect(new Map(b.standings)).toEqual(new Map(a.standings));
      }),
    );
  });

  it('never changes when a non-opted-in person’s numbers change', () => {
    fc.assert(
      fc.property(arbCandidates, counts, counts, (candidates, month, baseline) => {
        const outsider: BoardCandidate = { personId: 'out', name: 'Zed', optedIn: false, month, baseline };
        expect(mostImprovedBoard([...candidates, outsider])).toEqual(mostImprovedBoard(candidates));
      }),
    );
  });

  it('shows nobody with fewer than two measured, and at most BOARD_TOP', () => {
    const c = (id: string, sat: number): BoardCandidate => ({
      personId: id,
      name: id,
      optedIn: true,
      month: { satisfied: sat, rated: 20 },
      baseline: { satisfied: 10, rated: 20 },
    });
    expect(mostImprovedBoard([c('a', 20)]).entries).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => c(`p${String(i).padStart(2, '0')}`, 11 + (i % 10)));
    expect(mostImprovedBoard(many).entries.length).toBeLessThanOrEqual(BOARD_TOP);
  });
});

const T = '2026-03-10T';
const ev = {
  created: (ticketId: string, at: string): HelpdeskEvent => ({
    type: 'ticket_created',
    source: 'zd',
    externalId: `${ticketId}:c:${at}`,
    ticketId,
    at,
  }),
  reply: (agentId: string, ticketId: string, at: string, isPublic = true): HelpdeskEvent => ({
    type: 'agent_replied',
    source: 'zd',
    externalId: `${ticketId}:r:${agentId}:${at}`,
    ticketId,
    agentId,
    at,
    public: isPublic,
  }),
  solved: (agentId: string, ticketId: string, at: string, customerAbusive?: boolean): HelpdeskEvent => ({
    type: 'ticket_solved',
    source: 'zd',
    externalId: `${ticketId}:s:${agentId}:${at}`,
    ticketId,
    agentId,
    at,
    ...(customerAbusive !== undefined ? { customerAbusive } : {}),
  }),
  rated: (
    agentId: string,
    ticketId: string,
    at: string,
    satisfied: boolean,
    comment?: string,
  ): HelpdeskEvent => ({
    type: 'csat_rated',
    source: 'zd',
    externalId: `${ticketId}:q:${at}`,
    ticketId,
    agentId,
    at,
    satisfied,
    originalScore: satisfied ? 'good' : 'bad',
    ...(comment !== undefined ? { comment, customerName: 'Lena' } : {}),
  }),
};

const arbEvents = fc.array(
  fc
    .tuple(
      fc.constantFrom('reply', 'note', 'solved', 'abusive', 'good', 'bad', 'thanks'),
      fc.constantFrom('ana', 'ben'),
      fc.constantFrom('t1', 't2', 't3', 't4', 't5'),
      fc.integer({ min: 0, max: 40 * 24 }),
    )
    .map(([kind, agent, ticket, hours]): HelpdeskEvent => {
      const at = new Date(Date.parse('2026-02-20T00:00:00Z') + hours * 3_600_000).toISOString();
      switch (kind) {
        case 'reply':
          return ev.reply(agent, ticket, at);
        case 'note':
          return ev.reply(agent, ticket, at, false);
        case 'solved':
          return ev.solved(agent, ticket, at);
        case 'abusive':
          return ev.solved(agent, ticket, at, true);
        case 'good':
          return ev.rated(agent, ticket, at, true);
        case 'bad':
          return ev.rated(agent, ticket, at, false);
        default:
          return ev.rated(agent, ticket, at, true, 'Thank you so much!');
      }
    }),
  { maxLength: 40 },
);

describe('impact this month', () => {
  it('counts customers helped, thanks in their own words and tickets turned around', () => {
    const events = [
      ev.created('t1', `${T}08:00:00Z`),
      ev.reply('ana', 't1', `${T}08:10:00Z`),
      ev.reply('ana', 't2', `${T}08:20:00Z`, false),
      ev.solved('ana', 't3', `${T}09:00:00Z`),
      ev.rated('ana', 't1', `${T}10:00:00Z`, true, '  She sorted my refund in minutes.  '),
      ev.rated('ana', 't3', `${T}10:30:00Z`, false),
      ev.reply('ana', 't3', `${T}11:00:00Z`),
      ev.solved('ana', 't3', `${T}12:00:00Z`),
      ev.rated('ana', 't3', `${T}13:00:00Z`, true, 'Thanks for not giving up.'),
      ev.rated('ben', 't9', `${T}13:00:00Z`, true, 'Ben was great'),
    ];
    const impact = impactSummary({ agentId: 'ana', events, month: '2026-03', window: MARCH });
    expect(impact.helped).toBe(2);
    expect(impact.thanked).toBe(2);
    expect(impact.words.map((w) => [w.text, w.from, w.ticketId])).toEqual([
      ['Thanks for not giving up.', 'Lena', 't3'],
      ['She sorted my refund in minutes.', 'Lena', 't1'],
    ]);
    expect(impact.turnedAround).toEqual([{ ticketId: 't3', at: `${T}12:00:00Z` }]);
  });

  it('is independent of order and duplicates, and only counts the agent’s own work in the month', () => {
    fc.assert(
      fc.property(arbEvents, (events) => {
        const a = impactSummary({ agentId: 'ana', events, month: '2026-03', window: MARCH });
        const b = impactSummary({
          agentId: 'ana',
          events: [...events, ...events].reverse(),
          month: '2026-03',
          window: MARCH,
        });
        expect(b).toEqual(a);
        expect(a.words.length).toBeLessThanOrEqual(Math.min(3, a.thanked));
        for (const t of a.turnedAround) {
          expect(Date.parse(t.at)).toBeGreaterThanOrEqual(Date.parse(MARCH.from));
          expect(Date.parse(t.at)).toBeLessThan(Date.parse(MARCH.to));
        }
      }),
    );
  });

  it('turns a ticket around only after its last complaint', () => {
    fc.assert(
      fc.property(arbEvents, (events) => {
        const window = { from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
        for (const t of turnedAround({ agentId: 'ana', events, window })) {
          const complaints = events.filter(
            (e) => e.ticketId === t.ticketId && e.type === 'csat_rated' && !e.satisfied,
          );
          expect(complaints.length).toBeGreaterThan(0);
          for (const c of complaints) expect(Date.parse(c.at)).toBeLessThan(Date.parse(t.at));
          const recovery = events.find(
            (e) =>
              e.ticketId === t.ticketId &&
              e.at === t.at &&
              e.agentId === 'ana' &&
              (e.type === 'ticket_solved' || (e.type === 'csat_rated' && e.satisfied)),
          );
          expect(recovery).toBeDefined();
        }
      }),
    );
  });
});

describe('tough days', () => {
  const day = (tickets: string[], extra: HelpdeskEvent[] = []) => [
    ...extra,
    ...tickets.map((t, i) => ev.solved('ana', t, `${T}${String(9 + i).padStart(2, '0')}:00:00Z`)),
  ];

  it('recognises a day with several unhappy or abusive customers handled to the end', () => {
    const events = [
      // a: unhappy the day before with Ben, solved by Ana at 09:00; b: unhappy at 08:00, solved at 10:00.
      ...day(['a', 'b'], [ev.rated('ben', 'a', '2026-03-09T15:00:00Z', false)]),
      ev.rated('ana', 'b', `${T}08:00:00Z`, false),
      ev.solved('ana', 'c', `${T}15:00:00Z`, true),
      // d: the complaint only came after the solve, so Ana did not stay with an unhappy customer.
      ev.solved('ana', 'd', `${T}16:00:00Z`),
      ev.rated('ana', 'd', `${T}18:00:00Z`, false),
    ];
    const days = toughDays({ agentId: 'ana', events, window: MARCH, timezone: 'Europe/Warsaw' });
    expect(days).toEqual([
      { date: '2026-03-10', contacts: 3, unhappy: 2, abusive: 1, ticketIds: ['a', 'b', 'c'] },
    ]);
    // Two tough contacts are an ordinary day.
    const twoOnly = events.filter((e) => e.ticketId !== 'c');
    expect(toughDays({ agentId: 'ana', events: twoOnly, window: MARCH, timezone: 'Europe/Warsaw' })).toEqual(
      [],
    );
  });

  it('is independent of order and duplicates, and every tough day has at least the minimum', () => {
    fc.assert(
      fc.property(arbEvents, fc.constantFrom('Europe/Warsaw', 'Pacific/Auckland'), (events, tz) => {
        const window = { from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
        const a = toughDays({ agentId: 'ana', events, window, timezone: tz, minContacts: 2 });
        const b = toughDays({
          agentId: 'ana',
          events: [...events, ...events].reverse(),
          window,
          timezone: tz,
          minContacts: 2,
        });
        expect(b).toEqual(a);
        for (const d of a) {
          expect(d.contacts).toBeGreaterThanOrEqual(2);
          expect(d.ticketIds.length).toBe(d.contacts);
          expect(d.unhappy + d.abusive).toBeGreaterThanOrEqual(d.contacts);
          // Each was solved by the agent that day, after a complaint or marked abusive at that solve.
          for (const ticketId of d.ticketIds) {
            const solves = events.filter(
              (e) =>
                e.type === 'ticket_solved' &&
                e.agentId === 'ana' &&
                e.ticketId === ticketId &&
                localDateOf(e.at, tz) === d.date,
            );
            expect(solves.length).toBeGreaterThan(0);
            const tough = solves.some(
              (s) =>
                (s.type === 'ticket_solved' && s.customerAbusive === true) ||
                events.some(
                  (c) =>
                    c.type === 'csat_rated' &&
                    !c.satisfied &&
                    c.ticketId === ticketId &&
                    Date.parse(c.at) < Date.parse(s.at),
                ),
            );
            expect(tough).toBe(true);
          }
        }
        expect(
          toughDays({ agentId: 'ana', events, window, timezone: tz }).every(
            (d) => d.contacts >= TOUGH_DAY_MIN_CONTACTS,
          ),
        ).toBe(true);
      }),
    );
  });

  it('suggests a tough day as a reason for kudos until a “Tough customer” kudos recognises it', () => {
    const events = [
      ev.rated('ana', 'a', '2026-03-09T15:00:00Z', false),
      ev.rated('ana', 'b', '2026-03-09T15:00:00Z', false),
      ...day(['a', 'b']),
      ev.solved('ana', 'c', `${T}15:00:00Z`, true),
    ];
    const people = [{ personId: 'ana', name: 'Ana Silva', timezone: 'Europe/Warsaw' }];
    const input = { people, eventsByAgent: { ana: events }, window: MARCH };
    const [s] = toughDaySuggestions({ ...input, kudos: [] });
    expect(s).toMatchObject({
      personId: 'ana',
      date: '2026-03-10',
      reason: 'Ana handled 3 tough customers to the end on Tuesday 10 March (2 unhappy, 1 abusive).',
      kudos: { value: 'Tough customer' },
    });
    expect(s!.kudos.message).toContain('3 tough customers');
    const recognised = [
      {
        kind: 'supervisor' as const,
        toPersonId: 'ana',
        value: 'Tough customer' as const,
        at: '2026-03-11T08:00:00Z',
      },
    ];
    expect(toughDaySuggestions({ ...input, kudos: recognised })).toEqual([]);
    const other = [
      { kind: 'peer' as const, toPersonId: 'ana', value: 'Speed' as const, at: '2026-03-11T08:00:00Z' },
      // A customer's thanks (customer kudos) is not the team noticing: the suggestion stays.
      {
        kind: 'customer' as const,
        toPersonId: 'ana',
        value: 'Tough customer' as const,
        at: '2026-03-10T18:00:00Z',
      },
      // Kudos from before the day recognised something else.
      {
        kind: 'supervisor' as const,
        toPersonId: 'ana',
        value: 'Tough customer' as const,
        at: '2026-03-09T12:00:00Z',
      },
    ];
    expect(toughDaySuggestions({ ...input, kudos: other })).toHaveLength(1);
  });
});
