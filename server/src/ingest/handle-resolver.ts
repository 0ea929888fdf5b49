import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { insertPerson } from '../store/repos/people-repo';
import { handleOwner, insertHandle } from '../store/repos/handles-repo';

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
  const owner = await handleOwner(db, handle);
  if (owner !== null) {
    cache.set(handle, owner);
    return owner;
  }
  const id = randomUUID();
  await insertPerson(db, {
    id,
    name: handle,
    role: 'agent',
    timezone: 'UTC',
    schedule: null,
    absences: [],
    claimed: false,
    createdAt: now,
  });
  await insertHandle(db, handle, id);
  cache.set(handle, id);
  return id;
}
