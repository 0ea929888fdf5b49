import Database from 'better-sqlite3';
import pg from 'pg';
import type { HelpdeskEvent } from '../../shared/domain/events';
import { nowMs } from '../lib/clock';

/**
 * The ingest limit: the same event rows the server stores (the shape of its `events` table, same primary key
 * and indexes, same durability settings) inserted with no parsing, no engine and no HTTP, one transaction
 * per batch. Whatever the server adds on top is its overhead.
 */
export const EVENTS_DDL = [
  `create table events (source text not null, external_id text not null, type text not null, agent_id text, ticket_id text not null, at text not null, body text not null, ingested_at text not null, constraint events_pk primary key (source, external_id))`,
  `create index events_agent_at on events (agent_id, at)`,
  `create index events_ticket on events (ticket_id, type)`,
];

const row = (e: HelpdeskEvent, ingestedAt: string): unknown[] => [
  e.source,
  e.externalId,
  e.type,
  'agentId' in e ? (e.agentId ?? null) : null,
  e.ticketId,
  e.at,
  JSON.stringify(e),
  ingestedAt,
];

export interface InsertRun {
  events: number;
  ms: number;
  eventsPerSecond: number;
}

/** `warmup` rows go in first, untimed, so the measured batches meet the same table size the server's did. */
export function sqliteInsertBaseline(
  file: string,
  warmup: HelpdeskEvent[][],
  batches: HelpdeskEvent[][],
): InsertRun {
  const db = new Database(file);
  try {
    // The server's pragmas (server/src/store/database.ts): WAL, fsync on every commit.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    for (const ddl of EVENTS_DDL) db.exec(ddl);
    const insert = db.prepare(`insert into events values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`);
    const insertBatch = db.transaction((batch: HelpdeskEvent[], at: string) => {
      for (const e of batch) insert.run(...row(e, at));
    });
    for (const batch of warmup) insertBatch(batch, new Date().toISOString());
    let events = 0;
    const start = nowMs();
    for (const batch of batches) {
      insertBatch(batch, new Date().toISOString());
      events += batch.length;
    }
    const ms = nowMs() - start;
    return { events, ms, eventsPerSecond: (events / ms) * 1000 };
  } finally {
    db.close();
  }
}

/** Same rows into PostgreSQL, one multi-row insert per batch inside a transaction. */
export async function pgInsertBaseline(
  databaseUrl: string,
  schema: string,
  warmup: HelpdeskEvent[][],
  batches: HelpdeskEvent[][],
): Promise<InsertRun> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema ${schema}`);
    await client.query(`set search_path to ${schema}`);
    for (const ddl of EVENTS_DDL) await client.query(ddl);
    const insertBatch = async (batch: HelpdeskEvent[]): Promise<void> => {
      const at = new Date().toISOString();
      const values: unknown[] = [];
      const tuples = batch.map((e, i) => {
        values.push(...row(e, at));
        return `(${Array.from({ length: 8 }, (_, j) => `$${i * 8 + j + 1}`).join(', ')})`;
      });
      await client.query('begin');
      await client.query(`insert into events values ${tuples.join(', ')} on conflict do nothing`, values);
      await client.query('commit');
    };
    for (const batch of warmup) await insertBatch(batch);
    let events = 0;
    const start = nowMs();
    for (const batch of batches) {
      await insertBatch(batch);
      events += batch.length;
    }
    const ms = nowMs() - start;
    return { events, ms, eventsPerSecond: (events / ms) * 1000 };
  } finally {
    await client.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await client.end();
  }
}
