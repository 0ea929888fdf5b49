import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ConnectionsTable, Database } from '../schema';

export type ConnectionRow = Selectable<ConnectionsTable>;

/** Helpdesk pull connections and their per-stream cursors (connectors/). */
export async function insertConnection(
  db: Kysely<Database>,
  row: Insertable<ConnectionsTable>,
): Promise<void> {
  await db.insertInto('connections').values(row).execute();
}

export async function connectionRows(db: Kysely<Database>): Promise<ConnectionRow[]> {
  return db.selectFrom('connections').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function connectionRow(db: Kysely<Database>, id: string): Promise<ConnectionRow | null> {
  return (await db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function updateConnection(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<ConnectionsTable>,
): Promise<void> {
  await db.updateTable('connections').set(changes).where('id', '=', id).execute();
}

/** Adds to the running count of imported events (an increment, so two writers never lose one). */
export async function addImportedEvents(db: Kysely<Database>, id: string, accepted: number): Promise<void> {
  if (accepted === 0) return;
  await db
    .updateTable('connections')
    .set((eb) => ({ events_imported: eb('events_imported', '+', accepted) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteConnection(db: Kysely<Database>, id: string): Promise<boolean> {
  await db.deleteFrom('connection_cursors').where('connection_id', '=', id).execute();
  const result = await db.deleteFrom('connections').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Active connections whose next poll is due at `now`, oldest due first. */
export async function dueConnectionIds(db: Kysely<Database>, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('connections')
    .select('id')
    .where('status', '=', 'active')
    .where('next_poll_at', '<=', now)
    .orderBy('next_poll_at')
    .execute();
  return rows.map((r) => r.id);
}

export async function readCursor(
  db: Kysely<Database>,
  connectionId: string,
  stream: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('connection_cursors')
    .select('cursor')
    .where('connection_id', '=', connectionId)
    .where('stream', '=', stream)
    .executeTakeFirst();
  return row?.cursor ?? null;
}

export async function cursorRows(
  db: Kysely<Database>,
  connectionId: string,
): Promise<{ stream: string; cursor: string; updated_at: string }[]> {
  return db
    .selectFrom('connection_cursors')
    .select(['stream', 'cursor', 'updated_at'])
    .where('connection_id', '=', connectionId)
    .orderBy('stream')
    .execute();
}

export async function writeCursor(
  db: Kysely<Database>,
  connectionId: string,
  stream: string,
  cursor: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('connection_cursors')
    .values({ connection_id: connectionId, stream, cursor, updated_at: at })
    .onConflict((oc) => oc.columns(['connection_id', 'stream']).doUpdateSet({ cursor, updated_at: at }))
    .execute();
}
