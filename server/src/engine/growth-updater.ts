import type { Celebration, TimelineEntry } from '../../../shared/domain/growth-model';
import { growthState, levelsGained } from '../../../shared/domain/growth';
import { personalBests } from '../../../shared/domain/personal-bests';
import type { UnitOfWork } from '../store/unit-of-work';
import { insertTimeline, totalPoints } from '../store/repos/timeline-repo';
import { loadPersonState, savePersonState, type PersonState } from '../store/repos/person-state-repo';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import { planProgressAfter } from './plan-progress';

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
  uow.feed(entry.agentId, 'timeline.added', entry);
  if (celebration) uow.feed(entry.agentId, 'celebration', celebration);
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
  const current = state ?? (await loadPersonState(uow.trx, agentId));
  const points = await totalPoints(uow.trx, agentId);
  const growth = growthState(points, personalBests(current.trends));
  const next = { ...current, growth };
  if (JSON.stringify(growth) === JSON.stringify(current.growth)) return next;
  await savePersonState(uow.trx, agentId, next, uow.now);
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
      uow.feed(agentId, 'timeline.added', entry);
      const c = celebrationFor({ kind: 'level_up', ...level }, uow.now, `level:${level.level}`);
      if (c) uow.feed(agentId, 'celebration', c);
    }
  }
  return next;
}
