import type { Celebration, TimelineEntry } from '../../../shared/domain/growth-model';
import { growthState, levelsGained } from '../../../shared/domain/growth';
import { personalBests } from '../../../shared/domain/personal-bests';
import type { UnitOfWork } from '../store/unit-of-work';
import { insertTimeline } from '../store/repos/timeline-repo';
import type { PersonState } from '../store/repos/person-state-repo';
import { personStateOf, pointsAdded, pointsOf, storePersonState } from './batch-state';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';

/**
 * Records an achievement on the agent's timeline once (entry ids are deterministic), with its celebration,
 * then refreshes growth. Returns false when the achievement was already recorded (a replay changes nothing).
 */
export async function recordAchievement(
  uow: UnitOfWork,
  entry: TimelineEntry,
  celebration: Celebration | null,
): Promise<boolean> {
  const inserted = await insertTimeline(uow.trx, entry);
  if (!inserted) return false;
  pointsAdded(uow, entry.agentId, entry.points);
  uow.feed(entry.agentId, 'timeline.added', entry);
  if (celebration) uow.feed(entry.agentId, 'celebration', celebration);
  await refreshGrowth(uow, entry.agentId);
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
  for (const level of levelsGained(current.growth.points, points)) {
    const entry = timelineEntryFor({
      kind: 'level_up',
      agentId,
      level: level.level,
      levelName: level.levelName,
      at: uow.now,
    });
    if (await insertTimeline(uow.trx, entry)) {
      pointsAdded(uow, agentId, entry.points);
      uow.feed(agentId, 'timeline.added', entry);
      const c = celebrationFor({ kind: 'level_up', ...level }, uow.now, `level:${level.level}`);
      if (c) uow.feed(agentId, 'celebration', c);
    }
  }
  return next;
}
