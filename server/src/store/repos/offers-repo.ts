import type { Kysely } from 'kysely';
import { MissionOffer } from '../../../../shared/domain/mission-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

/** The week's mission offers of each agent (three per week; the agent accepts one). */
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

/** Inserts an offer unless one with its id exists (offer ids are deterministic per agent and week). */
export async function insertOfferOnce(db: Kysely<Database>, offer: MissionOffer): Promise<boolean> {
  const r = await db
    .insertInto('offers')
    .values({
      id: offer.id,
      agent_id: offer.agentId,
      week_start: offer.weekStart,
      status: offer.status,
      body: writeJson(offer),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** An agent's open offers of weeks before `weekStart` expire. */
export async function expireOffersBefore(
  db: Kysely<Database>,
  agentId: string,
  weekStart: string,
): Promise<void> {
  await db
    .updateTable('offers')
    .set({ status: 'expired' })
    .where('agent_id', '=', agentId)
    .where('status', '=', 'open')
    .where('week_start', '<', weekStart)
    .execute();
}

/** Every offer of one agent's week, whatever became of it (the weekly recap names the new week's three). */
export async function offersOfWeek(
  db: Kysely<Database>,
  agentId: string,
  weekStart: string,
): Promise<MissionOffer[]> {
  const rows = await db
    .selectFrom('offers')
    .select(['body', 'status'])
    .where('agent_id', '=', agentId)
    .where('week_start', '=', weekStart)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...readJson(MissionOffer, r.body), status: r.status as MissionOffer['status'] }));
}
