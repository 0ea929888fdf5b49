import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/ipc';
import {
  decidePopup,
  emptyBudget,
  takeDigest,
  type BudgetContext,
  type BudgetState,
} from '../../../shared/notify';

const HOUR = 3_600_000;
/** A run of pop-ups and digest checks at increasing times, with settings that may change between steps. */
const step = fc.record({
  gapMs: fc.integer({ min: 0, max: 40 * 60_000 }),
  kind: fc.constantFrom('offer', 'offer', 'offer', 'digest'),
  focusMode: fc.boolean(),
  quiet: fc.boolean(),
  popupsOff: fc.constantFrom(false, false, false, true),
});
const maxPerHour = fc.integer({ min: 1, max: 8 });

function contextFor(
  now: number,
  max: number,
  s: { focusMode: boolean; quiet: boolean; popupsOff: boolean },
): BudgetContext {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    focusMode: s.focusMode,
    maxPopupsPerHour: max,
    // Quiet all day but the last minute: "quiet" steps land in it, the others do not.
    quietHours: { enabled: s.quiet, start: '00:00', end: '23:59' },
    optOut: { ...DEFAULT_SETTINGS.optOut, popups: s.popupsOff },
  };
  return { now, localMinutes: 600, settings };
}

type Step = { gapMs: number; kind: string; focusMode: boolean; quiet: boolean; popupsOff: boolean };
type Outcome = { at: number; shown: number[]; digested: number[]; dropped: number[]; ctx: BudgetContext };

function run(steps: Step[], max: number) {
  let state: BudgetState<number> = emptyBudget<number>();
  let now = 1_000_000;
  let next = 0;
  const outcomes: Outcome[] = [];
  for (const s of steps) {
    now += s.gapMs;
    const ctx = contextFor(now, max, s);
    const outcome: Outcome = { at: now, shown: [], digested: [], dropped: [], ctx };
    if (s.kind === 'offer') {
      const item = next++;
      const before = structuredClone(state);
      const result = decidePopup(state, item, ctx);
      // Pure: the state handed in is never changed.
      expect(state).toEqual(before);
      state = result.state;
      if (result.decision === 'show') outcome.shown.push(item);
      if (result.decision === 'drop') outcome.dropped.push(item);
    } else {
      const result = takeDigest(state, ctx);
      state = result.state;
      outcome.digested.push(...result.items);
    }
    outcomes.push(outcome);
  }
  return { outcomes, state, offered: next };
}

describe('the notification budget, for any run of pop-ups', () => {
  it('never shows more than N pop-ups (a digest counts as one) in any rolling hour', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), maxPerHour, (steps, max) => {
        const { outcomes } = run(steps, max);
        const popups = outcomes.filter((o) => o.shown.length > 0 || o.digested.length > 0).map((o) => o.at);
        for (const t of popups)
          expect(popups.filter((u) => u > t - HOUR && u <= t).length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('shows nothing in focus mode or quiet hours, and nothing at all to someone who opted out', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), maxPerHour, (steps, max) => {
        for (const o of run(steps, max).outcomes) {
          const s = o.ctx.settings;
          if (s.focusMode || s.quietHours.enabled || s.optOut.popups) {
            expect(o.shown).toEqual([]);
            expect(o.digested).toEqual([]);
          }
        }
      }),
    );
  });

  it('loses nothing: every pop-up is shown, dropped for an opt-out, handed to a digest once, or still held', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), maxPerHour, (steps, max) => {
        const { outcomes, state, offered } = run(steps, max);
        const all = [
          ...outcomes.flatMap((o) => [...o.shown, ...o.dropped, ...o.digested]),
          ...state.held,
        ].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: offered }, (_, i) => i));
        // A digest hands items over oldest first.
        for (const o of outcomes) expect(o.digested).toEqual([...o.digested].sort((a, b) => a - b));
      }),
    );
  });
});
