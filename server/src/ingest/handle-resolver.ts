import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { writeJson } from '../store/json';
import { EMPTY_PROFILE } from '../services/people-repo';

/**
 * Resolves helpdesk handles ("zendesk:123") to people. An unknown handle creates an unclaimed agent named after
 * the handle, so no event is dropped; the admin later claims it or merges it into the right person.
 * Results are cached per batch in `cache`.
 */
export async function resolveHandle(
  db: Kysely<Database>,
  handle: string,
  now: string,
  cache: Map<string, string>,
): Promise<string> {
  const cached = cache.get(handle);
  if (cached) return cached;
  const row = await db
    .selectFrom('handles')
    .select('person_id')
    .where('handle', '=', handle)
    .executeTakeFirst();
  if (row) {
    cache.set(handle, row.person_id);
    return row.person_id;
  }
  const id = randomUUID();
  await db
    .insertInto('people')
    .values({
      id,
      name: handle,
      role: 'agent',
      timezone: 'UTC',
      schedule: null,
      absences: '[]',
      claimed: 0,
      profile: writeJson(EMPTY_PROFILE),
      created_at: now,
    })
    .execute();
  await db.insertInto('handles').values({ handle, person_id: id }).execute();
  cache.set(handle, id);
  return id;
}
