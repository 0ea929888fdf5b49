import type { Kysely } from 'kysely';
import type { Database } from '../schema';

const CHUNK = 500;

/** Whether the person opted in to the most-improved board; no row is "no". */
export async function boardOptInOf(db: Kysely<Database>, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('recognition_settings')
    .select('board_opt_in')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.board_opt_in === 1;
}

/** Sets the person's choice (one row per person, replaced in place). */
export async function saveBoardOptIn(
  db: Kysely<Database>,
  personId: string,
  optIn: boolean,
  now: string,
): Promise<void> {
  const values = { board_opt_in: optIn ? 1 : 0, updated_at: now };
  await db
    .insertInto('recognition_settings')
    .values({ person_id: personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .execute();
}

/** Which of these people opted in to the board: the only ones the board may ever read or show. */
export async function optedInAmong(db: Kysely<Database>, personIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('recognition_settings')
      .select('person_id')
      .where('person_id', 'in', personIds.slice(i, i + CHUNK))
      .where('board_opt_in', '=', 1)
      .execute();
    for (const r of rows) out.add(r.person_id);
  }
  return out;
}
