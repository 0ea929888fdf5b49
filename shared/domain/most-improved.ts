import type { BoardEntry, Improvement, RatingCounts } from './recognition-model';

/**
 * The most-improved board ranks those who opted in by how far their satisfied share this month rose above
 * their own baseline (the BOARD_BASELINE_MONTHS months before), never by raw totals: someone with 40 tickets
 * who went from 70% to 85% is ahead of someone with 400 who stayed at 95%.
 */
export const BOARD_BASELINE_MONTHS = 3;
/** Rated tickets needed in the month and in the baseline, so three lucky ratings cannot win. */
export const BOARD_MIN_RATED = 10;
/** At most this many are shown; see mostImprovedBoard for why it is also at most half. */
export const BOARD_TOP = 5;

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (c: RatingCounts) => (100 * c.satisfied) / c.rated;

/**
 * Someone's improvement against their own baseline, in percentage points of satisfied ratings (1 decimal, as
 * shown). Below `minRated` ratings in either window it is "not enough data", never a number.
 */
export function improvementOf(
  month: RatingCounts,
  baseline: RatingCounts,
  minRated = BOARD_MIN_RATED,
): Improvement {
  if (month.rated < minRated || baseline.rated < minRated)
    return {
      status: 'not_enough_data',
      monthRated: month.rated,
      baselineRated: baseline.rated,
      minRated,
    };
  const monthPct = round1(pct(month));
  const baselinePct = round1(pct(baseline));
  return { status: 'measured', points: round1(monthPct - baselinePct), monthPct, baselinePct };
}

export interface BoardCandidate {
  personId: string;
  name: string;
  /** Only people who opted in are considered at all; the others are dropped before anything is ranked. */
  optedIn: boolean;
  month: RatingCounts;
  baseline: RatingCounts;
}

export interface Board {
  entries: BoardEntry[];
  /** Each opted-in candidate's own standing (for them alone to see). */
  standings: Map<string, { improvement: Improvement; shown: boolean }>;
}

/**
 * The board: opted-in candidates measured against their own baselines, ranked by improvement, of which only the
 * top part is shown — at most `top`, at most half of those measured, only real improvements (more than 0
 * points), and whole ties only (two people with the same improvement are both shown or both not). So the
 * bottom of the ranking is never shown, nor is anyone who did not opt in, and with fewer than two measured
 * people nobody is. Ranks are shared by ties ("1, 2, 2, 4"). One candidate per person; the order candidates
 * come in never changes the board.
 */
export function mostImprovedBoard(
  candidates: readonly BoardCandidate[],
  opts: { top?: number; minRated?: number } = {},
): Board {
  const top = opts.top ?? BOARD_TOP;
  const standings = new Map<string, { improvement: Improvement; shown: boolean }>();
  const measured: (BoardCandidate & { points: number; monthPct: number; baselinePct: number })[] = [];
  for (const c of candidates) {
    if (!c.optedIn) continue;
    const improvement = improvementOf(c.month, c.baseline, opts.minRated);
    standings.set(c.personId, { improvement, shown: false });
    if (improvement.status === 'measured') measured.push({ ...c, ...improvement });
  }
  measured.sort(
    (a, b) =>
      b.points - a.points ||
      a.name.localeCompare(b.name) ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  const limit = Math.min(top, Math.floor(measured.length / 2));
  const shown: typeof measured = [];
  let i = 0;
  while (i < measured.length) {
    const points = measured[i]!.points;
    let j = i;
    while (j < measured.length && measured[j]!.points === points) j++;
    if (points <= 0 || j > limit) break;
    shown.push(...measured.slice(i, j));
    i = j;
  }
  const entries = shown.map((c) => ({
    rank: 1 + shown.filter((o) => o.points > c.points).length,
    personId: c.personId,
    name: c.name,
    points: c.points,
    monthPct: c.monthPct,
    baselinePct: c.baselinePct,
  }));
  for (const e of entries) standings.get(e.personId)!.shown = true;
  return { entries, standings };
}
