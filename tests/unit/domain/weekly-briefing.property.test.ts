import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  briefingOf,
  type BriefingInput,
  type CoachingCard,
  type Idea,
  type StoredConsultation,
} from '../../../shared/domain';

const TZ = 'Europe/Warsaw';
const NOW = '2026-03-30T07:00:00.000Z';
const MEMBERS = ['ana', 'ben', 'cai', 'dee', 'eli'] as const;

const arbAt = fc
  .integer({ min: 0, max: 40 * 24 })
  .map((h) => new Date(Date.parse('2026-02-20T00:00:00Z') + h * 3_600_000).toISOString());
const arbKudos = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom(...MEMBERS, 'outsider'), arbAt)
  .map(([i, to, at]) => ({ id: `k${i}-${to}-${at}`, toPersonId: to, at }));

const STATUSES = ['none', 'later', 'soon', 'due', 'overdue'] as const;
const arbCheckIn = fc
  .tuple(
    fc.constantFrom(...MEMBERS, 'outsider'),
    fc.integer({ min: 20, max: 31 }),
    fc.constantFrom(...STATUSES),
    fc.constantFrom('Team lead', 'Learn SQL'),
  )
  .map(([agentId, day, checkIn, goal]) => ({
    agentId,
    name: agentId,
    goal,
    nextCheckIn: `2026-03-${String(day).padStart(2, '0')}`,
    checkIn,
  }));

const idea = (id: string, status: Idea['status'], createdAt: string, over: Partial<Idea> = {}): Idea => ({
  id,
  teamId: 't1',
  authorId: 'ana',
  anonymous: false,
  title: `Idea ${id}`,
  body: '',
  status,
  response: null,
  createdAt,
  updatedAt: createdAt,
  ...over,
});
const consultation = (id: string, closesAt: string, decided = false): StoredConsultation => ({
  id,
  teamId: 't1',
  authorId: 'sam',
  authorName: 'Sam',
  question: `Question ${id}?`,
  details: '',
  kind: 'text',
  options: [],
  anonymous: false,
  closesAt,
  createdAt: '2026-03-01T09:00:00Z',
  decision: decided ? { decided: 'Yes', why: 'Because', at: closesAt } : null,
  publishedResults: null,
});
const card = (
  id: string,
  agentId: string,
  tasks: CoachingCard['tasks'],
  completedAt: string | null = null,
): CoachingCard => ({
  id,
  agentId,
  authorId: 'sam',
  authorName: 'Sam',
  focusMetric: 'csatPct',
  current: '',
  potential: '',
  advice: '',
  tasks,
  replies: [],
  createdAt: '2026-03-01T09:00:00Z',
  completedAt,
});

const base = (over: Partial<BriefingInput> = {}): BriefingInput => ({
  teamId: 't1',
  teamName: 'Billing',
  timezone: TZ,
  forWeek: '2026-03-30',
  now: NOW,
  members: MEMBERS.map((personId) => ({
    personId,
    name: personId.toUpperCase(),
    joinedAt: '2026-01-01T00:00:00Z',
  })),
  kudos: [],
  ideas: [],
  consultations: [],
  cards: [],
  checkIns: [],
  names: new Map([['ana', 'Ana']]),
  ...over,
});

describe('briefingOf', () => {
  it('lists every member exactly once (nobody forgotten), the unrecognised first, oldest kudos first', () => {
    fc.assert(
      fc.property(
        fc.array(arbKudos, { maxLength: 40 }),
        fc.subarray([...MEMBERS], { minLength: 1 }),
        (kudos, members) => {
          const b = briefingOf(
            base({
              kudos,
              members: members.map((personId) => ({ personId, name: personId, joinedAt: null })),
            }),
          );
          expect(b.recognise.map((r) => r.personId).sort()).toEqual([...members].sort());
          const flags = b.recognise.map((r) => r.notRecognised);
          expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
          for (const r of b.recognise) {
            const mine = kudos.filter(
              (k) => k.toPersonId === r.personId && Date.parse(k.at) <= Date.parse(NOW),
            );
            expect(r.lastRecognisedAt === null).toBe(mine.length === 0);
            if (r.lastRecognisedAt === null) expect(r.notRecognised).toBe(true);
          }
          const recognised = b.recognise
            .filter((r) => !r.notRecognised)
            .map((r) => Date.parse(r.lastRecognisedAt!));
          expect(recognised).toEqual([...recognised].sort((x, y) => x - y));
        },
      ),
    );
  });

  it('is the same whatever the order of its facts, and with every fact given twice', () => {
    fc.assert(
      fc.property(
        fc.array(arbKudos, { maxLength: 40 }),
        fc.array(arbAt, { maxLength: 6 }),
        fc.array(arbCheckIn, { maxLength: 12 }),
        (kudos, ats, checkIns) => {
          const given = base({
            kudos,
            checkIns,
            ideas: ats.map((at, i) => idea(`i${i}`, i % 2 ? 'new' : 'heard', at)),
            consultations: ats.map((at, i) => consultation(`c${i}`, at, i % 3 === 0)),
            cards: ats.map((at, i) =>
              card(`card${i}`, MEMBERS[i % MEMBERS.length]!, [
                { id: `t${i}`, text: 'Do it', due: at.slice(0, 10), doneAt: null },
              ]),
            ),
          });
          const twice = <T>(xs: readonly T[]) => [...xs, ...xs].reverse();
          const again = briefingOf({
            ...given,
            members: twice(given.members),
            kudos: twice(given.kudos),
            ideas: twice(given.ideas),
            consultations: twice(given.consultations),
            cards: twice(given.cards),
            checkIns: twice(given.checkIns),
          });
          expect(again).toEqual(briefingOf(given));
        },
      ),
    );
  });

  it('has the ideas nobody answered, the consultations closed without a decision and the overdue open tasks', () => {
    const b = briefingOf(
      base({
        ideas: [
          idea('new-old', 'new', '2026-03-02T09:00:00Z'),
          idea('anon', 'new', '2026-03-20T09:00:00Z', { anonymous: true, authorId: null }),
          idea('heard', 'heard', '2026-03-01T09:00:00Z'),
          idea('other-team', 'new', '2026-03-01T09:00:00Z', { teamId: 't2' }),
        ],
        consultations: [
          consultation('closed', '2026-03-25T09:00:00Z'),
          consultation('decided', '2026-03-25T09:00:00Z', true),
          consultation('open', '2026-04-02T09:00:00Z'),
        ],
        cards: [
          card('open-card', 'ben', [
            { id: 'late', text: 'Shadow a call', due: '2026-03-27', doneAt: null },
            { id: 'done', text: 'Read the guide', due: '2026-03-20', doneAt: '2026-03-19T10:00:00Z' },
            { id: 'today', text: 'Due today', due: '2026-03-30', doneAt: null },
            { id: 'undated', text: 'Whenever', due: null, doneAt: null },
          ]),
          card(
            'finished',
            'cai',
            [{ id: 'x', text: 'Old', due: '2026-03-01', doneAt: null }],
            '2026-03-10T10:00:00Z',
          ),
          card('outsider', 'zed', [{ id: 'y', text: 'Not ours', due: '2026-03-01', doneAt: null }]),
        ],
      }),
    );
    expect(b.ideasWaiting.map((i) => [i.id, i.authorName, i.daysWaiting])).toEqual([
      ['new-old', 'Ana', 27],
      ['anon', null, 9],
    ]);
    expect(b.consultationsWaiting.map((c) => c.id)).toEqual(['closed']);
    expect(b.coachingOverdue).toEqual([
      {
        agentId: 'ben',
        agentName: 'BEN',
        cardId: 'open-card',
        taskId: 'late',
        text: 'Shadow a call',
        due: '2026-03-27',
        daysOverdue: 3,
      },
    ]);
    expect(b.weekStart).toBe('2026-03-23');
  });

  it('lists at most one check-in a member, only the overdue, due and soon ones, earliest first, never an outsider', () => {
    fc.assert(
      fc.property(fc.array(arbCheckIn, { maxLength: 20 }), (checkIns) => {
        const due = briefingOf(base({ checkIns })).checkInsDue;
        const ids = due.map((c) => c.agentId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of due) {
          expect(MEMBERS as readonly string[]).toContain(c.agentId);
          expect(['overdue', 'due', 'soon']).toContain(c.checkIn);
          expect(c.name).toBe(c.agentId.toUpperCase());
          expect(checkIns).toContainEqual({ ...c, name: c.agentId });
        }
        const dates = due.map((c) => c.nextCheckIn);
        expect(dates).toEqual([...dates].sort());
        // Every member whose earliest check-in given needs a reminder is there.
        for (const m of MEMBERS) {
          const first = checkIns
            .filter((c) => c.agentId === m)
            .sort(
              (a, b) =>
                a.nextCheckIn.localeCompare(b.nextCheckIn) ||
                a.goal.localeCompare(b.goal) ||
                a.checkIn.localeCompare(b.checkIn),
            )[0];
          expect(ids.includes(m)).toBe(
            first !== undefined && ['overdue', 'due', 'soon'].includes(first.checkIn),
          );
        }
      }),
    );
  });

  it('does not call someone who joined this week forgotten', () => {
    const b = briefingOf(
      base({ members: [{ personId: 'new', name: 'New', joinedAt: '2026-03-27T09:00:00Z' }] }),
    );
    expect(b.recognise).toEqual([
      {
        personId: 'new',
        name: 'New',
        lastRecognisedAt: null,
        daysSince: null,
        notRecognised: false,
        kudosThisWeek: 0,
      },
    ]);
  });
});
