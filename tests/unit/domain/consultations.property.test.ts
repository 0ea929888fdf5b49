import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS_MIN_ANSWERS,
  addToTally,
  answerProblem,
  consultationPhase,
  consultationsAwaitingDecision,
  emptyTally,
  resultsOf,
  youSaidWeDid,
  type ConsultationAnswer,
  type Idea,
  type StoredConsultation,
} from '../../../shared/domain';

const OPTIONS = [
  { id: 'a', label: 'Keep Friday lates' },
  { id: 'b', label: 'Rotate them' },
  { id: 'c', label: 'Drop them' },
];
const base: StoredConsultation = {
  id: 'c-1',
  teamId: 't-1',
  authorId: 'sup',
  authorName: 'Sam Supervisor',
  question: 'Friday lates: keep, rotate or drop?',
  details: '',
  kind: 'options',
  options: OPTIONS,
  anonymous: true,
  closesAt: '2026-03-13T17:00:00.000Z',
  createdAt: '2026-03-10T09:00:00.000Z',
  decision: null,
  publishedResults: null,
};

const arbAnswer: fc.Arbitrary<ConsultationAnswer> = fc.record({
  optionId: fc.constantFrom('a', 'b', 'c'),
  text: fc.oneof(fc.constant(''), fc.string({ maxLength: 12 })),
});
const fold = (answers: readonly ConsultationAnswer[]) => answers.reduce(addToTally, emptyTally());
const instant = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());

describe('consultation tally', () => {
  it('is the same whatever order the answers arrive in (nothing in it tells answers apart by arrival)', () => {
    fc.assert(
      fc.property(
        fc
          .array(arbAnswer, { maxLength: 30 })
          .chain((answers) =>
            fc.tuple(fc.constant(answers), fc.shuffledSubarray(answers, { minLength: answers.length })),
          ),
        ([answers, shuffled]) => {
          expect(fold(shuffled)).toEqual(fold(answers));
        },
      ),
    );
  });

  it('counts every answer once, and the option counts add up to the answers', () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { maxLength: 30 }), (answers) => {
        const tally = fold(answers);
        expect(tally.answers).toBe(answers.length);
        expect(Object.values(tally.counts).reduce((s, n) => s + n, 0)).toBe(answers.length);
        expect(tally.texts).toEqual([...tally.texts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        expect(tally.texts).toHaveLength(answers.filter((a) => a.text.trim() !== '').length);
      }),
    );
  });

  it('an anonymous question shows no counts or texts below the minimum; a named one always does', () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { maxLength: 8 }), fc.boolean(), (answers, anonymous) => {
        const results = resultsOf({ ...base, anonymous }, fold(answers));
        const held = anonymous && answers.length < ANONYMOUS_MIN_ANSWERS;
        expect(results.withheld).toBe(held);
        expect(results.answers).toBe(answers.length);
        if (held) {
          expect(results.texts).toEqual([]);
          expect(results.options.every((o) => o.count === 0)).toBe(true);
        } else {
          expect(results.options.reduce((s, o) => s + o.count, 0)).toBe(answers.length);
        }
      }),
    );
  });
});

describe('answering', () => {
  it('is refused once closed or decided, or a second time; accepted for a listed option while open', () => {
    fc.assert(
      fc.property(instant, fc.boolean(), fc.boolean(), arbAnswer, (now, decided, again, answer) => {
        const c = {
          ...base,
          decision: decided ? { decided: 'Rotate', why: 'Most asked for it', at: base.createdAt } : null,
        };
        const problem = answerProblem(c, answer, now, again);
        const open = consultationPhase(c, now) === 'open';
        expect(problem === null).toBe(open && !again);
      }),
    );
  });

  it('an option question needs one of its options; a text question needs words and no option', () => {
    const now = '2026-03-11T12:00:00.000Z';
    expect(answerProblem(base, { optionId: 'zz', text: '' }, now, false)).toMatch(/not one of/);
    expect(answerProblem(base, { optionId: null, text: 'rotate' }, now, false)).toMatch(/Pick one/);
    const text = { ...base, kind: 'text' as const, options: [] };
    expect(answerProblem(text, { optionId: null, text: '  ' }, now, false)).toMatch(/Write/);
    expect(answerProblem(text, { optionId: 'a', text: 'x' }, now, false)).toMatch(/written answer/);
    expect(answerProblem(text, { optionId: null, text: 'Rotate, please' }, now, false)).toBeNull();
  });

  it('awaits a decision exactly between the closing date and the decision', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.boolean()), { maxLength: 10 }), instant, (items, now) => {
        const cs = items.map(([closesAt, decided], i) => ({
          ...base,
          id: `c-${i}`,
          closesAt,
          decision: decided ? { decided: 'x', why: 'y', at: closesAt } : null,
        }));
        const waiting = consultationsAwaitingDecision(cs, now);
        expect(waiting.map((c) => c.id)).toEqual(
          cs.filter((c) => !c.decision && Date.parse(c.closesAt) <= Date.parse(now)).map((c) => c.id),
        );
      }),
    );
  });
});

describe('you said, we did', () => {
  const arbIdea: fc.Arbitrary<Idea> = fc.record({
    id: fc.constantFrom('i-1', 'i-2', 'i-3', 'i-4'),
    teamId: fc.constant('t-1'),
    authorId: fc.constant(null),
    anonymous: fc.constant(true),
    title: fc.constantFrom('Refund macro', 'Less overtime'),
    body: fc.constant(''),
    status: fc.constantFrom('new', 'heard', 'planned', 'done', 'declined'),
    response: fc.option(fc.constantFrom('Shipped', 'Not this quarter'), { nil: null }),
    createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
    updatedAt: instant,
  });
  const arbConsultation = fc.record({
    id: fc.constantFrom('c-1', 'c-2', 'c-3'),
    question: fc.constantFrom('Friday lates?', 'New macro?'),
    decision: fc.option(
      fc.record({ decided: fc.constantFrom('Rotate'), why: fc.constantFrom('Most asked'), at: instant }),
      { nil: null },
    ),
  });

  it('is order- and duplicate-independent, newest first, one line per idea or consultation', () => {
    fc.assert(
      fc.property(
        fc.array(arbIdea, { maxLength: 8 }),
        fc.array(arbConsultation, { maxLength: 6 }),
        (ideas, consultations) => {
          const history = youSaidWeDid(ideas, consultations);
          expect(youSaidWeDid([...ideas].reverse(), [...consultations, ...consultations].reverse())).toEqual(
            history,
          );
          const keys = history.map((h) => `${h.kind}:${h.id}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (let i = 1; i < history.length; i++)
            expect(Date.parse(history[i - 1]!.at)).toBeGreaterThanOrEqual(Date.parse(history[i]!.at));
          expect(history.some((h) => h.kind === 'consultation' && h.why === null)).toBe(false);
        },
      ),
    );
  });

  it('leaves out ideas not yet answered and consultations not yet decided', () => {
    const idea = (status: Idea['status']): Idea => ({
      id: `i-${status}`,
      teamId: 't-1',
      authorId: null,
      anonymous: false,
      title: status,
      body: '',
      status,
      response: null,
      createdAt: base.createdAt,
      updatedAt: base.createdAt,
    });
    const history = youSaidWeDid([idea('new'), idea('heard'), idea('done')], [base]);
    expect(history).toEqual([
      {
        kind: 'idea',
        id: 'i-done',
        said: 'done',
        did: 'Done',
        why: null,
        outcome: 'done',
        at: base.createdAt,
      },
    ]);
  });
});
