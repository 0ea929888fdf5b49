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
  return rows.map(toEntry);
}

/** A run of one person's seqs, `after` exclusive, `upTo` inclusive. */
export interface FeedRange {
  personId: string;
  after: number;
  upTo: number;
}

/** The entries of several people's ranges in one round trip (a cross-instance notification names many). */
export async function readFeedRanges(
  db: Kysely<Database>,
  ranges: readonly FeedRange[],
): Promise<FeedEntry[]> {
  const out: FeedEntry[] = [];
  for (let i = 0; i < ranges.length; i += RANGES_PER_STATEMENT) {
    const chunk = ranges.slice(i, i + RANGES_PER_STATEMENT);
    const rows = await db
      .selectFrom('feed')
      .selectAll()
      .where((eb) =>
        eb.or(
          chunk.map((r) =>
            eb.and([eb('person_id', '=', r.personId), eb('seq', '>', r.after), eb('seq', '<=', r.upTo)]),
          ),
        ),
      )
      .orderBy('person_id')
      .orderBy('seq', 'asc')
      .execute();
    out.push(...rows.map(toEntry));
  }
  return out;
}

/** Each person's newest entry (none for a person with an empty feed): what a live session compares its cursor with. */
export async function readHeadEntries(
  db: Kysely<Database>,
  personIds: readonly string[],
): Promise<FeedEntry[]> {
  const out: FeedEntry[] = [];
  for (let i = 0; i < personIds.length; i += RANGES_PER_STATEMENT) {
    const chunk = personIds.slice(i, i + RANGES_PER_STATEMENT);
    const rows = await db
      .selectFrom('feed')
      .innerJoin('feed_heads', (join) =>
        join.onRef('feed_heads.person_id', '=', 'feed.person_id').onRef('feed_heads.seq', '=', 'feed.seq'),
      )
      .selectAll('feed')
      .where('feed.person_id', 'in', chunk)
      .execute();
    out.push(...rows.map(toEntry));
  }
  return out;
}

const RANGES_PER_STATEMENT = 300;

function toEntry(r: {
  seq: number;
  person_id: string;
  at: string;
  type: string;
  payload: string;
}): FeedEntry {
  return FeedEntry.parse({
    seq: Number(r.seq),
    personId: r.person_id,
    at: r.at,
    type: r.type,
    payload: JSON.parse(r.payload),
  });
}
