import { type Kysely, sql } from 'kysely';
import { FeedEntry } from '../../../../shared/api/feed';
import type { Dialect } from '../database';
import type { Database, FeedSharedTable, FeedTable } from '../schema';

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
  const rows = await selectRows(db)
    .where('feed.person_id', '=', personId)
    .where('feed.seq', '>', after)
    .orderBy('feed.seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

/** Feed rows with their shared fields (feed_shared, when the row names one): what toEntry and entryText read. */
function selectRows(db: Kysely<Database>) {
  return db
    .selectFrom('feed')
    .leftJoin('feed_shared', 'feed_shared.id', 'feed.shared_id')
    .select([
      'feed.person_id',
      'feed.seq',
      'feed.type',
      'feed.payload',
      'feed.at',
      'feed_shared.body as shared',
    ]);
}

/**
 * A payload's JSON text from a row's own fields and the fields it shares with other rows (feed_shared), both
 * JSON objects with no field in common (writeFeed splits them so): the two texts joined, never parsed.
 */
export function joinPayloadText(own: string, shared: string | null): string {
  if (shared === null || shared === '{}') return own;
  if (own === '{}') return shared;
  return `${own.slice(0, -1)},${shared.slice(1)}`;
}

/** The feed entry types, to check stored rows name one (their payloads were checked when they were written). */
const ENTRY_TYPES: ReadonlySet<string> = new Set(FeedEntry.options.map((o) => o.shape.type.value));

/**
 * One catch-up page as JSON text, built by the database from the stored text (each entry's fields, and its
 * payload joined from the row's own fields and its shared ones, as joinPayloadText does): a page of thousands
 * of entries is one string handed over, not thousands of rows turned into strings in JavaScript. `count`
 * entries after `after` in seq order, the last at `last` (`after` when none); `unknown` rows name a type that is
 * no feed entry type (every row was checked with FeedEntry when it was written; the caller refuses the page).
 */
export async function readFeedPageText(
  db: Kysely<Database>,
  dialect: Dialect,
  personId: string,
  after: number,
  limit: number,
): Promise<{ text: string; count: number; last: number; unknown: number }> {
  const types = [...ENTRY_TYPES];
  const row =
    dialect === 'postgres'
      ? await sql<PageRow>`select count(*)::integer as count, coalesce(max(seq), ${after})::integer as last,
          coalesce(string_agg(j, ',' order by seq), '') as text,
          count(*) filter (where not (type = any(${types}::text[])))::integer as unknown
        from (select f.seq, f.type, '{"seq":' || f.seq || ',"personId":' || to_json(f.person_id)::text
            || ',"at":' || to_json(f.at)::text || ',"type":' || to_json(f.type)::text || ',"payload":'
            || case when s.body is null or s.body = '{}' then f.payload when f.payload = '{}' then s.body
                 else left(f.payload, -1) || ',' || substr(s.body, 2) end || '}' as j
          from feed f left join feed_shared s on s.id = f.shared_id
          where f.person_id = ${personId} and f.seq > ${after} order by f.seq limit ${limit}) page`.execute(
          db,
        )
      : // group_concat joins the rows in the order the ordered subquery yields them; an ORDER BY inside the
        // aggregate would sort the page's text again (measured: about twice the time of the whole read).
        await sql<PageRow>`select count(*) as count, coalesce(max(seq), ${after}) as last,
          coalesce(group_concat(j, ','), '') as text,
          coalesce(sum(type not in (${sql.join(types)})), 0) as unknown
        from (select f.seq, f.type, '{"seq":' || f.seq || ',"personId":' || json_quote(f.person_id)
            || ',"at":' || json_quote(f.at) || ',"type":' || json_quote(f.type) || ',"payload":'
            || case when s.body is null or s.body = '{}' then f.payload when f.payload = '{}' then s.body
                 else substr(f.payload, 1, length(f.payload) - 1) || ',' || substr(s.body, 2) end || '}' as j
          from feed f left join feed_shared s on s.id = f.shared_id
          where f.person_id = ${personId} and f.seq > ${after} order by f.seq limit ${limit})`.execute(db);
  const r = row.rows[0];
  return {
    text: r?.text ?? '',
    count: Number(r?.count ?? 0),
    last: Number(r?.last ?? after),
    unknown: Number(r?.unknown ?? 0),
  };
}

interface PageRow {
  text: string;
  count: number;
  last: number;
  unknown: number;
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
    const rows = await selectRows(db)
      .where((eb) =>
        eb.or(
          chunk.map((r) =>
            eb.and([
              eb('feed.person_id', '=', r.personId),
              eb('feed.seq', '>', r.after),
              eb('feed.seq', '<=', r.upTo),
            ]),
          ),
        ),
      )
      .orderBy('feed.person_id')
      .orderBy('feed.seq', 'asc')
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
    const rows = await selectRows(db)
      .innerJoin('feed_heads', (join) =>
        join.onRef('feed_heads.person_id', '=', 'feed.person_id').onRef('feed_heads.seq', '=', 'feed.seq'),
      )
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
  shared: string | null;
}): FeedEntry {
  return FeedEntry.parse({
    seq: Number(r.seq),
    personId: r.person_id,
    at: r.at,
    type: r.type,
    payload: JSON.parse(joinPayloadText(r.payload, r.shared)),
  });
}

/**
 * Set-based feed writes: whatever the number of people or rows, one statement each (the rows travel as one JSON
 * array read with json_each on SQLite, as column arrays read with unnest on PostgreSQL), so a team kudos of
 * 5,000 people costs a few statements rather than thousands, and no statement's text grows with the rows.
 */

/**
 * Creates the heads that are missing and returns every person's head. On PostgreSQL the heads are locked FOR
 * UPDATE in person order until the transaction ends (two writers of the same people lock them in the same
 * order, so they cannot deadlock); SQLite has one writer at a time.
 */
export async function lockFeedHeads(
  db: Kysely<Database>,
  dialect: Dialect,
  personIds: readonly string[],
): Promise<Map<string, number>> {
  const sorted = [...personIds].sort();
  const rows =
    dialect === 'postgres'
      ? await pgLockHeads(db, sorted)
      : await sqliteLockHeads(db, JSON.stringify(sorted));
  return new Map(rows.map((h) => [h.person_id, Number(h.seq)]));
}

async function pgLockHeads(db: Kysely<Database>, ids: string[]) {
  await sql`insert into feed_heads (person_id, seq) select unnest(${ids}::text[]), 0 on conflict (person_id) do nothing`.execute(
    db,
  );
  const heads = await sql<{ person_id: string; seq: number }>`
    select person_id, seq from feed_heads where person_id = any(${ids}::text[]) order by person_id for update`.execute(
    db,
  );
  return heads.rows;
}

async function sqliteLockHeads(db: Kysely<Database>, ids: string) {
  // `where true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
  await sql`insert into feed_heads (person_id, seq) select value, 0 from json_each(${ids}) where true on conflict (person_id) do nothing`.execute(
    db,
  );
  const heads = await sql<{ person_id: string; seq: number }>`
    select person_id, seq from feed_heads where person_id in (select value from json_each(${ids}))`.execute(
    db,
  );
  return heads.rows;
}

/** Inserts feed rows (seqs already allocated under the heads' lock) in one statement. */
export async function insertFeedRows(
  db: Kysely<Database>,
  dialect: Dialect,
  rows: readonly FeedTable[],
): Promise<void> {
  if (rows.length === 0) return;
  if (dialect === 'postgres') {
    await sql`insert into feed (person_id, seq, type, payload, at, shared_id)
      select * from unnest(${rows.map((r) => r.person_id)}::text[], ${rows.map((r) => r.seq)}::integer[],
        ${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.payload)}::text[], ${rows.map((r) => r.at)}::text[],
        ${rows.map((r) => r.shared_id)}::text[])`.execute(db);
    return;
  }
  const json = JSON.stringify(rows.map((r) => [r.person_id, r.seq, r.type, r.payload, r.at, r.shared_id]));
  await sql`insert into feed (person_id, seq, type, payload, at, shared_id)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 from json_each(${json})`.execute(
    db,
  );
}

/** Stores the fields that many feed rows share (rows name them by `shared_id`), in one statement. */
export async function insertFeedShared(
  db: Kysely<Database>,
  rows: readonly FeedSharedTable[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('feed_shared')
    .values([...rows])
    .execute();
}

/** Moves each person's head to its new seq, in one statement. */
export async function setFeedHeads(
  db: Kysely<Database>,
  dialect: Dialect,
  heads: readonly (readonly [string, number])[],
): Promise<void> {
  if (heads.length === 0) return;
  if (dialect === 'postgres') {
    await sql`update feed_heads set seq = u.seq
      from unnest(${heads.map((h) => h[0])}::text[], ${heads.map((h) => h[1])}::integer[]) as u(person_id, seq)
      where feed_heads.person_id = u.person_id`.execute(db);
    return;
  }
  await sql`update feed_heads set seq = j.value ->> 1 from json_each(${JSON.stringify(heads)}) as j
    where feed_heads.person_id = j.value ->> 0`.execute(db);
}
