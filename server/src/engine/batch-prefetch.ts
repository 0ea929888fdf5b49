import { weekStartOf } from '../../../shared/domain/time';
import { keptWeekStarts, weekWindow } from './week-memo';
import type { UnitOfWork } from '../store/unit-of-work';
import { earliestActiveMissionStart } from '../store/repos/missions-repo';
import type { PersonFull } from '../store/repos/people-repo';
import type { RefreshBatch } from './refresh-batch';
import { TREND_WEEKS } from './trends-refresh';
import { STREAK_EVENT_TYPES, streakEventsSince } from './streak-refresh';

/**
 * Loads, for all agents an ingest batch touches, the events their refresh will read: from the earliest window
 * any of them needs (a touched trend week or an active mission's start) in one query per 500 agents, and the
 * streak's ratings and solves the same way. Only a read plan: anything it misses is read by the refresh itself.
 */
export async function prefetchBatchEvents(
  uow: UnitOfWork,
  batch: RefreshBatch,
  people: ReadonlyMap<string, PersonFull>,
  instantsByAgent: ReadonlyMap<string, readonly string[]>,
  streakTouched: ReadonlySet<string>,
): Promise<void> {
  const ids = [...people.keys()];
  if (ids.length === 0) return;
  let since: string | null = null;
  const earlier = (a: string) => {
    if (since === null || a < since) since = a;
  };
  const missionStart = await earliestActiveMissionStart(uow.trx, ids);
  if (missionStart) earlier(missionStart);
  for (const person of people.values()) {
    if (person.role !== 'agent') continue;
    const kept = keptWeekStarts(uow.now, person.timezone, TREND_WEEKS, true);
    const oldestKept = kept[0];
    if (!oldestKept) continue;
    const instants = instantsByAgent.get(person.id) ?? [];
    // No instants: every kept week is recomputed. Otherwise the week of the earliest instant, if still kept.
    const first = instants.reduce<string | null>((min, at) => (min === null || at < min ? at : min), null);
    const week = first === null ? oldestKept : weekStartOf(first, person.timezone);
    earlier(new Date(weekWindow(week < oldestKept ? oldestKept : week, person.timezone).from).toISOString());
  }
  if (since !== null) await batch.events.prefetch(ids, since);
  const streakIds = ids.filter((id) => streakTouched.has(id) && people.get(id)?.role === 'agent');
  if (streakIds.length > 0)
    await batch.events.prefetchOwn(streakIds, streakEventsSince(uow.now), STREAK_EVENT_TYPES);
}
