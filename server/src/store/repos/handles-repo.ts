import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Helpdesk handles ("zendesk:123", "email:a@b.c") and the person each names. */
export async function handleOwner(db: Kysely<Database>, handle: string): Promise<string | null> {
  const row = await db
    .selectFrom('handles')
    .select('person_id')
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row?.person_id ?? null;
}

/** handleOwner for many handles, a query per 500: handle → person id, for the handles that have an owner. */
export async function handleOwners(
  db: Kysely<Database>,
  handles: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < handles.length; i += 500) {
    const rows = await db
      .selectFrom('handles')
      .select(['handle', 'person_id'])
      .where('handle', 'in', handles.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.handle, r.person_id);
  }
  return out;
}

export async function insertHandle(db: Kysely<Database>, handle: string, personId: string): Promise<void> {
  await db.insertInto('handles').values({ handle, person_id: personId }).execute();
}

/** Gives every handle of `fromId` to `intoId` (merging people). */
export async function moveHandles(db: Kysely<Database>, fromId: string, intoId: string): Promise<void> {
  await db.updateTable('handles').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
}

/** The people these handles name, with the handle that named them. */
export async function peopleByHandles(
  db: Kysely<Database>,
  handles: readonly string[],
): Promise<{ id: string; name: string; role: string; handle: string }[]> {
  if (handles.length === 0) return [];
  return db
    .selectFrom('handles')
    .innerJoin('people', 'people.id', 'handles.person_id')
    .select(['people.id', 'people.name', 'people.role', 'handles.handle'])
    .where('handles.handle', 'in', handles)
    .execute();
}
