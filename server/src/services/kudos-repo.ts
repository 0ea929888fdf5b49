import type { Kysely } from 'kysely';
import { Kudos } from '../../../shared/domain/people-model';
import type { Database, KudosTable } from '../store/schema';
import { readJson, writeJson } from '../store/json';

/** Kudos rows keep the immutable Kudos JSON in `body`; thanked/read live in columns and win on read. */
export function kudosFromRow(row: KudosTable): Kudos {
  const body = readJson(Kudos, row.body);
  return { ...body, thankedAt: row.thanked_at, readAt: row.read_at };
}

export async function insertKudos(
  db: Kysely<Database>,
  kudos: Kudos,
  sourceKey: string | null,
): Promise<boolean> {
  const result = await db
    .insertInto('kudos')
    .values({
      id: kudos.id,
      kind: kudos.kind,
      from_person_id: kudos.fromPersonId,
      to_person_id: kudos.toPersonId,
      body: writeJson(kudos),
      at: kudos.at,
      thanked_at: kudos.thankedAt,
      read_at: kudos.readAt,
      source_key: sourceKey,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
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
