import type { Kysely } from 'kysely';
import {
  Mission,
  MissionProgress,
  MissionOffer,
  type MissionView,
} from '../../../shared/domain/mission-model';
import type { Database } from '../store/schema';
import { readJson, writeJson } from '../store/json';
import { toIsoUtc } from '../store/time';

export async function saveMission(db: Kysely<Database>, view: MissionView, now: string): Promise<void> {
  const { mission, progress } = view;
  const values = {
    agent_id: mission.agentId,
    team_id: mission.teamId,
    status: mission.status,
    // Normalised to UTC so text comparison is time comparison ("due" queries).
    window_start: toIsoUtc(mission.window.start),
    window_end: toIsoUtc(mission.window.end),
    body: writeJson(mission),
    progress: writeJson(progress),
    updated_at: now,
  };
  await db
    .insertInto('missions')
    .values({ id: mission.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

function viewOf(row: { body: string; progress: string }): MissionView {
  return { mission: readJson(Mission, row.body), progress: readJson(MissionProgress, row.progress) };
}

export async function activeMissions(db: Kysely<Database>, agentId: string): Promise<MissionView[]> {
  const rows = await db
    .selectFrom('missions')
    .select(['body', 'progress'])
    .where('agent_id', '=', agentId)
    .where('status', '=', 'active')
    .orderBy('window_end')
    .execute();
  return rows.map(viewOf);
}

/** Active missions plus those settled since `settledSince`, for the snapshot. */
export async function recentMissions(
  db: Kysely<Database>,
  agentId: string,
  settledSince: string,
): Promise<MissionView[]> {
  const rows = await db
    .selectFrom('missions')
    .select(['body', 'progress'])
    .where('agent_id', '=', agentId)
    .where((eb) => eb.or([eb('status', '=', 'active'), eb('window_end', '>=', settledSince)]))
    .orderBy('window_end')
    .execute();
  return rows.map(viewOf);
}

export async function loadMission(db: Kysely<Database>, id: string): Promise<MissionView | null> {
  const row = await db
    .selectFrom('missions')
    .select(['body', 'progress'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? viewOf(row) : null;
}

/** The agent's last settled mission statuses, oldest first (offers adapt to them). */
export async function lastResults(
  db: Kysely<Database>,
  agentId: string,
  count = 2,
): Promise<('completed' | 'missed')[]> {
  const rows = await db
    .selectFrom('missions')
    .select(['status'])
    .where('agent_id', '=', agentId)
    .where('status', 'in', ['completed', 'missed'])
    .orderBy('window_end', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.status as 'completed' | 'missed').reverse();
}

export async function openOffers(db: Kysely<Database>, agentId: string): Promise<MissionOffer[]> {
  const rows = await db
    .selectFrom('offers')
    .select('body')
    .where('agent_id', '=', agentId)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();
  return rows.map((r) => readJson(MissionOffer, r.body));
}

export async function loadOffer(db: Kysely<Database>, id: string): Promise<MissionOffer | null> {
  const row = await db
    .selectFrom('offers')
    .select(['body', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...readJson(MissionOffer, row.body), status: row.status as MissionOffer['status'] } : null;
}

export async function saveOffer(db: Kysely<Database>, offer: MissionOffer): Promise<void> {
  const values = {
    agent_id: offer.agentId,
    week_start: offer.weekStart,
    status: offer.status,
    body: writeJson(offer),
  };
  await db
    .insertInto('offers')
    .values({ id: offer.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
