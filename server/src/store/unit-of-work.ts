import { type Kysely, sql } from 'kysely';
import { FeedEntry, type FeedEntryType, type FeedPayload } from '../../../shared/api/feed';
import type { Database, FeedSharedTable, FeedTable } from './schema';
import { insertFeedRows, insertFeedShared, lockFeedHeads, setFeedHeads } from './repos/feed-repo';
import { sharePayloads, type SharedPayloads } from './shared-payload';
import { TextedFeedEntry } from './feed-entry-text';
import type { Store } from './database';
import { toIsoUtc } from './time';

/**
 * One transaction plus the feed entries it produces. Services call `feed(...)` while they work; the entries'
 * per-person seqs are allocated at the end of the same transaction (people in sorted order, each person's
 * head row locked on PostgreSQL, SQLite has a single writer), and published to live sockets only after commit.
 */
export interface UnitOfWork {
  trx: Kysely<Database>;
  dialect: Store['dialect'];
  /** The instant this unit of work happens at (ISO UTC). */
  now: string;
  feed<T extends FeedEntryType>(personId: string, type: T, payload: FeedPayload<T>): void;
  /**
   * `feed(personId, type, payload)` for each item, in order, for many people at once (a team kudos: one entry
   * per member): the fields all payloads have in common are checked and stored once (feed_shared), each
   * person's row keeps its own fields, and the entries reach clients exactly as if fed one by one.
   */
  feedMany<T extends FeedEntryType>(
    type: T,
    items: readonly { personId: string; payload: FeedPayload<T> }[],
  ): void;
}

/**
 * Where committed feed entries go after the transaction (the feed bus, which fans them out to live sockets).
 * Declared here so the store needs nothing from the layers above it.
 */
export interface FeedPublisher {
  publish(entries: readonly FeedEntry[]): void;
  /**
   * Runs inside the transaction after its entries are written, when there are any: a cross-instance bus on
   * PostgreSQL queues its NOTIFY here, which PostgreSQL sends on commit and drops on rollback.
   */
  beforeCommit?(trx: Kysely<Database>, entries: readonly FeedEntry[]): Promise<void>;
}

interface PendingEntry {
  personId: string;
  type: FeedEntryType;
  payload: unknown;
  /** Set by feedMany: the shared fields, and this entry's place among the group's items. */
  shared?: { group: SharedPayloads; index: number };
}

export async function runUnitOfWork<T>(
  store: Store,
  publisher: FeedPublisher,
  now: Date,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  const at = toIsoUtc(now);
  let committed: FeedEntry[] = [];
  const result = await inWriteTransaction(store, async (trx) => {
    const pending: PendingEntry[] = [];
    const uow: UnitOfWork = {
      trx,
      dialect: store.dialect,
      now: at,
      feed: (personId, type, payload) => pending.push({ personId, type, payload }),
      feedMany: (type, items) => {
        const group = sharePayloads(
          type,
          items.map((i) => i.payload),
        );
        items.forEach(({ personId, payload }, index) =>
          pending.push(
            group ? { personId, type, payload, shared: { group, index } } : { personId, type, payload },
          ),
        );
      },
    };
    const value = await work(uow);
    committed = await writeFeed(trx, store.dialect, pending, at);
    if (committed.length > 0) await publisher.beforeCommit?.(trx, committed);
    return value;
  });
  publisher.publish(committed);
  return result;
}

/**
 * A write transaction. On SQLite it starts with BEGIN IMMEDIATE, taking the write lock up front: a deferred
 * BEGIN that reads first fails with SQLITE_BUSY (not retried by busy_timeout) when another process — a second
 * server, or `sidekick-server import` on the same file — committed in between.
 */
export async function inWriteTransaction<T>(
  store: Store,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (store.dialect !== 'sqlite') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const value = await work(conn);
      await sql`commit`.execute(conn);
      return value;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * A read that sees one moment of the store: repeatable read on PostgreSQL; SQLite has a single connection, so a
 * plain transaction already does. The snapshot uses it so its state and cursor agree.
 */
export async function inReadTransaction<T>(
  store: Store,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (store.dialect === 'postgres')
    return store.db.transaction().setIsolationLevel('repeatable read').execute(work);
  return store.db.transaction().execute(work);
}

async function writeFeed(
  trx: Kysely<Database>,
  dialect: Store['dialect'],
  pending: PendingEntry[],
  at: string,
): Promise<FeedEntry[]> {
  if (pending.length === 0) return [];
  const byPerson = new Map<string, PendingEntry[]>();
  for (const p of pending) {
    const list = byPerson.get(p.personId);
    if (list) list.push(p);
    else byPerson.set(p.personId, [p]);
  }
  const written: FeedEntry[] = [];
  const groups = new Set(pending.flatMap((p) => (p.shared ? [p.shared.group] : [])));
  const sharedRows: FeedSharedTable[] = [...groups].map((g) => ({ id: g.id, body: g.body, at }));
  await insertFeedShared(trx, sharedRows);
  // Sorted so two transactions touching the same people lock their heads in the same order (no deadlock).
  const people = [...byPerson.keys()].sort();
  // Set-based: three statements per chunk of people however many entries they get (a team kudos of 5,000
  // people is 20,000 entries); chunks only bound the size of one statement's parameters.
  for (let i = 0; i < people.length; i += PEOPLE_PER_CHUNK) {
    const chunk = people.slice(i, i + PEOPLE_PER_CHUNK);
    const headOf = await lockFeedHeads(trx, dialect, chunk);
    const rows: FeedTable[] = [];
    const newHeads: [string, number][] = [];
    for (const personId of chunk) {
      let seq = headOf.get(personId) ?? 0;
      for (const e of byPerson.get(personId) ?? []) {
        seq += 1;
        if (e.shared) {
          // Checked when it was shared (sharePayloads): its own fields here, the common ones once.
          const { group, index } = e.shared;
          const own = group.own[index] as string;
          const entry = new TextedFeedEntry(
            seq,
            personId,
            at,
            e.type,
            group.payloads[index],
            own,
            group.body,
          );
          written.push(entry as unknown as FeedEntry);
          rows.push({ person_id: personId, seq, type: e.type, payload: own, at, shared_id: group.id });
          continue;
        }
        // Parsing here catches a malformed payload before it reaches any client.
        const entry = FeedEntry.parse({ seq, personId, at, type: e.type, payload: e.payload });
        written.push(entry);
        rows.push({
          person_id: personId,
          seq,
          type: entry.type,
          payload: JSON.stringify(entry.payload),
          at,
          shared_id: null,
        });
      }
      newHeads.push([personId, seq]);
    }
    await insertFeedRows(trx, dialect, rows);
    await setFeedHeads(trx, dialect, newHeads);
  }
  return written;
}

/** People per chunk of feed statements: bounds one statement's parameters (JSON text or arrays), not their count. */
const PEOPLE_PER_CHUNK = 5_000;
