import type { Mission, MissionView } from '../../../shared/domain/mission-model';
import type { UnitOfWork } from '../store/unit-of-work';
import {
  loadPersonState,
  loadPersonStates,
  savePersonState,
  savePersonStates,
  type PersonState,
} from '../store/repos/person-state-repo';
import { totalPoints, totalPointsOf } from '../store/repos/timeline-repo';
import {
  activeMissions,
  activeMissionsOfAgents,
  missionsEndingSince,
  missionsEndingSinceOfAgents,
  saveMission,
  saveMissions,
} from '../store/repos/missions-repo';
import { endRefreshBatch, refreshBatchOf } from './refresh-batch';

/**
 * The per-agent rows an ingest batch's refresh reads and writes — person state, timeline points, active
 * missions, the streak's missions — read for all touched agents in a few statements up front and written back
 * in a few multi-row upserts at the end (flushBatchState), instead of several round trips per agent. Outside a
 * batch (recompute, settling, the hourly streaks) every accessor reads and writes the store directly.
 *
 * Valid for one transaction in which only the engine, through these accessors, writes these rows.
 */
export class BatchState {
  readonly states = new Map<string, PersonState>();
  readonly dirtyStates = new Set<string>();
  readonly points = new Map<string, number>();
  readonly active = new Map<string, MissionView[]>();
  readonly endingSince = new Map<string, { since: string; missions: Mission[] }>();
  /** Missions written during the batch, by id: the latest view wins over anything read before. */
  readonly dirtyMissions = new Map<string, MissionView>();

  async preload(uow: UnitOfWork, agentIds: readonly string[], streakIds: readonly string[], since: string) {
    for (const [id, s] of await loadPersonStates(uow.trx, agentIds)) this.states.set(id, s);
    // An agent with no timeline points yet is absent from the grouped read: 0, not a read of its own later.
    const points = await totalPointsOf(uow.trx, agentIds);
    for (const id of agentIds) this.points.set(id, points.get(id) ?? 0);
    for (const [id, views] of await activeMissionsOfAgents(uow.trx, agentIds)) this.active.set(id, views);
    for (const [id, missions] of await missionsEndingSinceOfAgents(uow.trx, streakIds, since))
      this.endingSince.set(id, { since, missions });
  }

  /** Views read before the batch wrote some of them: the written view replaces the one read. */
  overlay(views: readonly MissionView[]): MissionView[] {
    return views.map((v) => this.dirtyMissions.get(v.mission.id) ?? v);
  }
}

const stateOfBatch = (uow: UnitOfWork) => refreshBatchOf(uow)?.state;

export async function personStateOf(uow: UnitOfWork, personId: string): Promise<PersonState> {
  const batch = stateOfBatch(uow);
  if (!batch) return loadPersonState(uow.trx, personId);
  let state = batch.states.get(personId);
  if (!state) batch.states.set(personId, (state = await loadPersonState(uow.trx, personId)));
  return state;
}

export async function storePersonState(uow: UnitOfWork, personId: string, state: PersonState): Promise<void> {
  const batch = stateOfBatch(uow);
  if (!batch) return savePersonState(uow.trx, personId, state, uow.now);
  batch.states.set(personId, state);
  batch.dirtyStates.add(personId);
}

export async function pointsOf(uow: UnitOfWork, agentId: string): Promise<number> {
  const batch = stateOfBatch(uow);
  if (!batch) return totalPoints(uow.trx, agentId);
  let points = batch.points.get(agentId);
  if (points === undefined) batch.points.set(agentId, (points = await totalPoints(uow.trx, agentId)));
  return points;
}

/** A timeline entry was inserted: its points count from now on. */
export function pointsAdded(uow: UnitOfWork, agentId: string, points: number): void {
  const batch = stateOfBatch(uow);
  const held = batch?.points.get(agentId);
  if (batch && held !== undefined) batch.points.set(agentId, held + points);
}

export async function activeMissionsFor(uow: UnitOfWork, agentId: string): Promise<MissionView[]> {
  const batch = stateOfBatch(uow);
  if (!batch) return activeMissions(uow.trx, agentId);
  let views = batch.active.get(agentId);
  if (!views) batch.active.set(agentId, (views = await activeMissions(uow.trx, agentId)));
  return batch.overlay(views).filter((v) => v.mission.status === 'active');
}

export async function storeMission(uow: UnitOfWork, view: MissionView): Promise<void> {
  const batch = stateOfBatch(uow);
  if (!batch) return saveMission(uow.trx, view, uow.now);
  batch.dirtyMissions.set(view.mission.id, view);
}

/** Team mission rows read from the store, with what this batch already wrote over them. */
export function withBatchWrites(uow: UnitOfWork, views: readonly MissionView[]): MissionView[] {
  const batch = stateOfBatch(uow);
  return batch ? batch.overlay(views).filter((v) => v.mission.status === 'active') : [...views];
}

export async function missionsEndingSinceFor(
  uow: UnitOfWork,
  agentId: string,
  since: string,
): Promise<Mission[]> {
  const batch = stateOfBatch(uow);
  const held = batch?.endingSince.get(agentId);
  const missions =
    held && held.since === since ? held.missions : await missionsEndingSince(uow.trx, agentId, since);
  return batch ? missions.map((m) => batch.dirtyMissions.get(m.id)?.mission ?? m) : missions;
}

/**
 * Writes what the batch changed — a few multi-row statements, whatever the number of agents — and ends the
 * batch: anything after it in the same transaction reads and writes the store directly.
 */
export async function flushBatchState(uow: UnitOfWork): Promise<void> {
  const batch = stateOfBatch(uow);
  if (!batch) return;
  endRefreshBatch(uow);
  const states = new Map<string, PersonState>();
  for (const id of [...batch.dirtyStates].sort()) {
    const s = batch.states.get(id);
    if (s) states.set(id, s);
  }
  if (states.size > 0) await savePersonStates(uow.trx, [...states], uow.now);
  const missions = [...batch.dirtyMissions.values()].sort((a, b) => (a.mission.id < b.mission.id ? -1 : 1));
  if (missions.length > 0) await saveMissions(uow.trx, missions, uow.now);
}
