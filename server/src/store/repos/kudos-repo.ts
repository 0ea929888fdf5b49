import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database';
import { Kudos } from '../../../../shared/domain/people-model';
import type { Database, KudosTable } from '../schema';
import { readJson, writeJson } from '../json';

/** Kudos rows keep the immutable Kudos JSON in `body`; thanked/read live in columns and win on read. */
export function kudosFromRow(row: KudosTable): Kudos {
  const body = readJson(Kudos, row.body);
  return { ...body, thankedAt: row.thanked_at, readAt: row.read_at };
}

const kudosRow = (kudos: Kudos, sourceKey: string | null): KudosTable => ({
  id: kudos.id,
  kind: kudos.kind,
  from_person_id: kudos.fromPersonId,
  to_person_id: kudos.toPersonId,
  body: writeJson(kudos),
  at: kudos.at,
  thanked_at: kudos.thankedAt,
  read_at: kudos.readAt,
  source_key: sourceKey,
});

export async function insertKudos(
  db: Kysely<Database>,
  kudos: Kudos,
  sourceKey: string | null,
): Promise<boolean> {
  const result = await db
    .insertInto('kudos')
    .values(kudosRow(kudos, sourceKey))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Many new kudos (a team kudos) in one statement; an id already stored is left as it was. The rows travel as one
 * JSON array read with json_each on SQLite, as column arrays read with unnest on PostgreSQL: a statement whose
 * text does not grow with the rows, so nothing is built or compiled per row but the row itself.
 */
export async function insertKudosMany(
  db: Kysely<Database>,
  dialect: Dialect,
  items: readonly { kudos: Kudos; sourceKey: string | null }[],
): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map((k) => kudosRow(k.kudos, k.sourceKey));
  if (dialect === 'postgres') {
    const col = <K extends keyof KudosTable>(k: K) => rows.map((r) => r[k]);
    await sql`insert into kudos (id, kind, from_person_id, to_person_id, body, at, thanked_at, read_at, source_key)
      select * from unnest(${col('id')}::text[], ${col('kind')}::text[], ${col('from_person_id')}::text[],
        ${col('to_person_id')}::text[], ${col('body')}::text[], ${col('at')}::text[], ${col('thanked_at')}::text[],
        ${col('read_at')}::text[], ${col('source_key')}::text[])
      on conflict do nothing`.execute(db);
    return;
  }
  const json = JSON.stringify(
    rows.map((r) => [
      r.id,
      r.kind,
      r.from_person_id,
      r.to_person_id,
      r.body,
      r.at,
      r.thanked_at,
      r.read_at,
      r.source_key,
    ]),
  );
  // `where true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
  await sql`insert into kudos (id, kind, from_person_id, to_person_id, body, at, thanked_at, read_at, source_key)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
      value ->> 8 from json_each(${json}) where true
    on conflict do nothing`.execute(db);
}

export async function loadKudos(db: Kysely<Database>, id: string): Promise<Kudos | null> {
  const row = await db.selectFrom('kudos').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? kudosFromRow(row) : null;
}

export async function inbox(db: Kysely<Database>, personId: string, limit = 200): Promise<Kudos[]> {
  const rows = await db
    .selectFrom('kudos')
    .selectAll()
    .where('to_person_id', '=', personId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(kudosFromRow);
}

/**
 * Serialises one sender's peer kudos until the transaction ends, so counting against the daily cap and inserting
 * the new kudos happen as one step. SQLite needs nothing (BEGIN IMMEDIATE: one writer at a time); on PostgreSQL
 * two read-committed transactions would otherwise both count 4 and both insert. A transaction-scoped advisory
 * lock keyed by the sender touches no row other writers lock, so it adds no deadlock.
 */
export async function lockPeerKudosOf(
  db: Kysely<Database>,
  dialect: Dialect,
  personId: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`peer-kudos:${personId}`}))`.execute(db);
}

/** Instants of the peer kudos a person sent since `since` (for the daily cap). */
export async function peerKudosSentSince(
  db: Kysely<Database>,
  personId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('kudos')
    .select('at')
    .where('from_person_id', '=', personId)
    .where('kind', '=', 'peer')
    .where('at', '>=', since)
    .execute();
  return rows.map((r) => r.at);
}

export async function markKudosThanked(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('kudos').set({ thanked_at: at }).where('id', '=', id).execute();
}

/** Those of `ids` that were sent to `personId` and are still unread. */
export async function unreadKudosAmong(
  db: Kysely<Database>,
  personId: string,
  ids: readonly string[],
): Promise<Kudos[]> {
  const rows = await db
    .selectFrom('kudos')
    .selectAll()
    .where('id', 'in', ids)
    .where('to_person_id', '=', personId)
    .where('read_at', 'is', null)
    .execute();
  return rows.map(kudosFromRow);
}

export async function markKudosReadAt(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('kudos').set({ read_at: at }).where('id', '=', id).execute();
}

/** Ids of the kudos whose source key starts with `prefix` (one team kudos batch), by recipient. */
export async function kudosIdsWithSourcePrefix(db: Kysely<Database>, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('kudos')
    .select('id')
    .where('source_key', 'like', `${prefix}%`)
    .orderBy('to_person_id')
    .execute();
  return rows.map((r) => r.id);
}

/** The latest kudos a person received (at most one), for "last recognised". */
export async function latestKudosTo(
  db: Kysely<Database>,
  personId: string,
): Promise<{ id: string; toPersonId: string; at: string }[]> {
  const rows = await db
    .selectFrom('kudos')
    .select(['id', 'to_person_id', 'at'])
    .where('to_person_id', '=', personId)
    .orderBy('at', 'desc')
    .limit(1)
    .execute();
  return rows.map((k) => ({ id: k.id, toPersonId: k.to_person_id, at: k.at }));
}

/** Kudos a person received in [from, to), oldest first (the weekly recap and briefing). */
export async function kudosToBetween(
  db: Kysely<Database>,
  personId: string,
  from: string,
  to: string,
): Promise<Kudos[]> {
  const rows = await db
    .selectFrom('kudos')
    .selectAll()
    .where('to_person_id', '=', personId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .execute();
  return rows.map(kudosFromRow);
}

/** Kudos received by `fromId` now belong to `intoId` (merging people). */
/** Re-addresses the kudos `from` received to `into` (column and the kudos JSON alike); returns them as moved. */
export async function moveKudosReceived(
  db: Kysely<Database>,
  from: string,
  into: { id: string; name: string },
): Promise<Kudos[]> {
  const rows = await db.selectFrom('kudos').selectAll().where('to_person_id', '=', from).execute();
  const moved: Kudos[] = [];
  for (const row of rows) {
    const kudos = { ...kudosFromRow(row), toPersonId: into.id, toName: into.name };
    await db
      .updateTable('kudos')
      .set({ to_person_id: into.id, body: writeJson(kudos) })
      .where('id', '=', row.id)
      .execute();
    moved.push(kudos);
  }
  return moved;
}

/** How many kudos this person has received (what a merge would move). */
export async function countKudosTo(db: Kysely<Database>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('kudos')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('to_person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
