import { metricsFromTallies } from '../../../shared/domain/metric-tallies';
import { trendPointOf } from '../../../shared/domain/trends';
import { keptWeekStarts, weekWindow } from './week-memo';
import type { TimeWindow } from '../../../shared/domain/primitives';
import type { WeeklyTrendPoint } from '../../../shared/domain/metrics-model';
import type { UnitOfWork } from '../store/unit-of-work';
import type { PersonFull } from '../store/repos/people-repo';
import type { PersonState } from '../store/repos/person-state-repo';
import { storePersonState } from './batch-state';
import { talliesOver } from './tallies';
import { newPersonalBests } from '../../../shared/domain/personal-bests';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import { recordAchievement } from './growth-updater';
import { refreshBatchOf } from './refresh-batch';
import { existingTimelineKeys } from '../store/repos/timeline-repo';

/** Weeks of trends kept for the timeline chart and personal bests. */
export const TREND_WEEKS = 12;

const inWindowOf = (window: TimeWindow) => {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  return (t: number) => t >= from && t < to;
};

/**
 * Recomputes only the trend weeks that hold one of `instants` (all kept weeks when omitted), from the stored
 * tallies of the week's days, so the cost follows what an event touches. Feeds `trends.updated` when a point changed.
 */
export async function refreshTrends(
  uow: UnitOfWork,
  person: PersonFull,
  state: PersonState,
  instants?: string[],
): Promise<PersonState> {
  const kept = keptWeekStarts(uow.now, person.timezone, TREND_WEEKS, true);
  // A kept week is touched when one of the instants falls in its window (the week weekStartOf would name);
  // testing 12 windows is cheaper than converting hundreds of instants to local weeks.
  const times = instants?.map((at) => Date.parse(at));
  const touched = new Set(
    kept.filter((w) => !times || times.some(inWindowOf(weekWindow(w, person.timezone)))),
  );
  const byWeek = new Map(state.trends.map((p) => [p.weekStart, p]));
  let changed = false;
  for (const weekStart of kept) {
    if (!touched.has(weekStart) && byWeek.has(weekStart)) continue;
    const window = weekWindow(weekStart, person.timezone);
    const tallies = await talliesOver(uow, [person.id], window);
    const point = trendPointOf(
      metricsFromTallies({ agentId: person.id, tallies, window, timezone: person.timezone }),
      weekStart,
    );
    if (JSON.stringify(point) !== JSON.stringify(byWeek.get(weekStart))) {
      byWeek.set(weekStart, point);
      changed = true;
    }
  }
  const trends: WeeklyTrendPoint[] = kept
    .map((w) => byWeek.get(w))
    .filter((p): p is WeeklyTrendPoint => p !== undefined);
  if (!changed && trends.length === state.trends.length) return state;
  const next = { ...state, trends };
  await storePersonState(uow, person.id, next);
  uow.feed(person.id, 'trends.updated', { trends });
  return next;
}

/**
 * Personal bests set in the last closed week are celebrated once that week is over (ids are deterministic per
 * metric and week, so the hourly refresh records each best once).
 */
export async function celebrateClosedWeekBests(
  uow: UnitOfWork,
  person: PersonFull,
  state: PersonState,
): Promise<void> {
  const [lastClosed] = keptWeekStarts(uow.now, person.timezone, 1);
  if (!lastClosed) return;
  const batch = refreshBatchOf(uow);
  for (const best of newPersonalBests(state.trends, lastClosed)) {
    const entry = timelineEntryFor({ kind: 'personal_best', agentId: person.id, best, at: uow.now });
    const celebration = celebrationFor(
      { kind: 'personal_best', best },
      uow.now,
      `best:${best.metric}:${best.weekStart}`,
    );
    // In a batch they are all looked up at once (recordPendingBests): most were recorded long ago.
    if (batch) batch.pendingBests.push({ entry, celebration });
    else await recordAchievement(uow, entry, celebration);
  }
}

/** The batch's best celebrations: one read of which are recorded already, then the new ones recorded. */
export async function recordPendingBests(uow: UnitOfWork): Promise<void> {
  const batch = refreshBatchOf(uow);
  if (!batch || batch.pendingBests.length === 0) return;
  const pending = batch.pendingBests.splice(0);
  const recorded = await existingTimelineKeys(
    uow.trx,
    pending.map((p) => p.entry),
  );
  for (const { entry, celebration } of pending)
    if (!recorded.has(`${entry.agentId}\u0000${entry.id}`)) await recordAchievement(uow, entry, celebration);
}
