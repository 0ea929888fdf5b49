import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Read-only looks into the server's SQLite file (WAL mode lets a reader in while the server writes): the
 * catch-up baseline reads feed rows straight from here, and benchmarks read a person's feed head.
 */
export function openServerStore(dataDir: string): Database.Database {
  return new Database(join(dataDir, 'sidekick.sqlite'), { readonly: true, fileMustExist: true });
}

export function feedHead(db: Database.Database, personId: string): number {
  const row = db.prepare('select seq from feed_heads where person_id = ?').get(personId) as
    { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** The baseline of catch-up: the entries after `after`, read and parsed, nothing else. */
export function readFeedRows(
  db: Database.Database,
  personId: string,
  after: number,
): { rows: number; lastSeq: number } {
  const rows = db
    .prepare('select seq, type, payload, at from feed where person_id = ? and seq > ? order by seq')
    .all(personId, after) as { seq: number; type: string; payload: string; at: string }[];
  let lastSeq = after;
  for (const row of rows) {
    JSON.parse(row.payload);
    lastSeq = row.seq;
  }
  return { rows: rows.length, lastSeq };
}
