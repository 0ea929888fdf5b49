import type { Celebration, TimelineEntry } from '../../../shared/domain/growth-model';
import { growthState, levelsGained } from '../../../shared/domain/growth';
import { personalBests } from '../../../shared/domain/personal-bests';
import type { UnitOfWork } from '../store/unit-of-work';
import { insertTimeline, insertTimelines, timelineKey, totalPointsOf } from '../store/repos/timeline-repo';
import { loadPersonStates, savePersonStates, type PersonState } from '../store/repos/person-state-repo';
import { agentIdsWithPlans } from '../store/repos/growth-plans-repo';
import { personStateOf, pointsAdded, pointsOf, storePersonState } from './batch-state';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import { planProgressAfter } from './plan-progress';
import { refreshBatchOf } from './refresh-batch';

/**
 * Records an achievement on the agent's timeline once (entry ids are deterministic), with its celebration,
 * then refreshes growth. Returns false when the achievement was already recorded (a replay changes nothing).
 * Inside an ingest batch it is queued instead (true: not known yet) and recorded with the batch's other
 * achievements after the batch's rows are written (recordBatchAchievements), a few statements for all of them.
 */
export async function recordAchievement(
  uow: UnitOfWork,
  entry: TimelineEntry,
  celebration: Celebration | null,
): Promise<boolean> {
  const batch = refreshBatchOf(uow);
  if (batch) {
    batch.pendingAchievements.push({ entry, celebration });
    return true;
  }
  const inserted = await insertTimeline(uow.trx, entry);
  if (!inserted) return false;
  pointsAdded(uow, entry.agentId, entry.points);
  feedAchievement(uow, { entry, celebration });
  await refreshGrowth(uow, entry.agentId);
  await planProgressAfter(uow, entry);
  return true;
}

/** Growth = the sum of timeline points (never deducted) + personal bests from trends; level-ups are celebrated. */
export async function refreshGrowth(
  uow: UnitOfWork,
  agentId: string,
  state?: PersonState,
): Promise<PersonState> {
  const current = state ?? (await personStateOf(uow, agentId));
  const points = await pointsOf(uow, agentId);
  const growth = growthState(points, personalBests(current.trends));
  const next = { ...current, growth };
  if (JSON.stringify(growth) === JSON.stringify(current.growth)) return next;
  await storePersonState(uow, agentId, next);
  uow.feed(agentId, 'growth.updated', growth);
  for (const levelUp of levelUpsOf(agentId, current, points, uow.now)) {
    if (await insertTimeline(uow.trx, levelUp.entry)) {
      pointsAdded(uow, agentId, levelUp.entry.points);
      feedAchievement(uow, levelUp);
    }
  }
  return next;
}

export interface Achievement {
  entry: TimelineEntry;
  celebration: Celebration | null;
}

/**
 * The achievements an ingest batch queued, recorded once its person states and missions are written (so the
 * growth read here sees them): each distinct entry once, in the order queued, as recordAchievements does.
 */
export async function recordBatchAchievements(
  uow: UnitOfWork,
  queued: readonly Achievement[],
): Promise<void> {
  const seen = new Set<string>();
  const distinct = queued.filter((a) => {
    const key = timelineKey(a.entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (distinct.length > 0) await recordAchievements(uow, distinct);
}

function feedAchievement(uow: UnitOfWork, { entry, celebration }: Achievement): void {
  uow.feed(entry.agentId, 'timeline.added', entry);
  if (celebration) uow.feed(entry.agentId, 'celebration', celebration);
}

/**
 * feedAchievement for each, with the fields the entries share stored once (uow.feedMany) when each agent has
 * one achievement (a team kudos): every agent still gets its timeline entry, then its celebration.
 */
function feedAchievements(uow: UnitOfWork, achievements: readonly Achievement[]): void {
  if (new Set(achievements.map((a) => a.entry.agentId)).size !== achievements.length) {
    for (const a of achievements) feedAchievement(uow, a);
    return;
  }
  uow.feedMany(
    'timeline.added',
    achievements.map((a) => ({ personId: a.entry.agentId, payload: a.entry })),
  );
  uow.feedMany(
    'celebration',
    achievements.flatMap((a) =>
      a.celebration ? [{ personId: a.entry.agentId, payload: a.celebration }] : [],
    ),
  );
}

function levelUpsOf(agentId: string, current: PersonState, points: number, at: string): Achievement[] {
  return levelsGained(current.growth.points, points).map((level) => ({
    entry: timelineEntryFor({
      kind: 'level_up',
      agentId,
      level: level.level,
      levelName: level.levelName,
      at,
    }),
    celebration: celebrationFor({ kind: 'level_up', ...level }, at, `level:${level.level}`),
  }));
}

/**
 * `recordAchievement` for many agents at once (a team kudos: one achievement each): the same entries in the same
 * per-person order, but a few multi-row statements for all of them instead of five round trips per agent. Only
 * the members who keep a growth plan (one read for all) have it read again, as recordAchievement would.
 */
export async function recordAchievements(
  uow: UnitOfWork,
  achievements: readonly Achievement[],
): Promise<void> {
  const inserted = await insertTimelines(
    uow.trx,
    uow.dialect,
    achievements.map((a) => a.entry),
  );
  const fresh = achievements.filter((a) => inserted.has(timelineKey(a.entry)));
  feedAchievements(uow, fresh);
  const agentIds = [...new Set(fresh.map((a) => a.entry.agentId))];
  await refreshGrowthMany(uow, agentIds);
  const planners = await agentIdsWithPlans(uow.trx, agentIds);
  for (const a of fresh) if (planners.has(a.entry.agentId)) await planProgressAfter(uow, a.entry);
}

/** `refreshGrowth` for many agents: their state and points read in a few statements, changes upserted in a few. */
async function refreshGrowthMany(uow: UnitOfWork, agentIds: readonly string[]): Promise<void> {
  if (agentIds.length === 0) return;
  const states = await loadPersonStates(uow.trx, agentIds);
  const pointsOfAgents = await totalPointsOf(uow.trx, agentIds);
  const changed: [string, PersonState][] = [];
  const levelUps: Achievement[] = [];
  for (const agentId of agentIds) {
    const current = states.get(agentId) as PersonState;
    const points = pointsOfAgents.get(agentId) ?? 0;
    const growth = growthState(points, personalBests(current.trends));
    if (JSON.stringify(growth) === JSON.stringify(current.growth)) continue;
    changed.push([agentId, { ...current, growth }]);
    levelUps.push(...levelUpsOf(agentId, current, points, uow.now));
  }
  // agentIds are distinct: one growth entry each, the fields they share (level names, often more) stored once.
  uow.feedMany(
    'growth.updated',
    changed.map(([agentId, state]) => ({ personId: agentId, payload: state.growth })),
  );
  await savePersonStates(uow.trx, changed, uow.now);
  if (levelUps.length === 0) return;
  const inserted = await insertTimelines(
    uow.trx,
    uow.dialect,
    levelUps.map((l) => l.entry),
  );
  for (const l of levelUps) if (inserted.has(timelineKey(l.entry))) feedAchievement(uow, l);
}
