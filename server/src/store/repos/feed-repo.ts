import type { Kysely } from 'kysely';
import { FeedEntry } from '../../../../shared/api/feed';
import type { Database } from '../schema';

export async function feedHead(db: Kysely<Database>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('feed_heads')
    .select('seq')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Entries after `after`, in seq order, at most `limit`. */
export async function readFeed(
  db: Kysely<Database>,
  personId: string,
  after: number,
  limit: number,
): Promise<FeedEntry[]> {
  const rows = await db
    .selectFrom('feed')
    .selectAll()
    .where('person_id', '=', personId)
    .where('seq', '>', after)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) =>
    FeedEntry.parse({
      seq: Number(r.seq),
      personId: r.person_id,
      at: r.at,
      type: r.type,
      payload: JSON.parse(r.payload),
    }),
  );
}
