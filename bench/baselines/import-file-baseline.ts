/**
 * The limits of a history import, run as its own process so its memory is its own (benchmark 9):
 *
 *   parse  FILE        read the JSON Lines file and JSON.parse every line — nothing is faster than reading it
 *   insert FILE DB     the same, and each record stored as an `events` row (the server's table, primary key,
 *                      indexes and durability: WAL, synchronous=FULL) with plain better-sqlite3, one prepared
 *                      insert per row, one transaction per 5,000 rows — no mapping, validation, people or engine
 *
 * Prints one JSON line: { events, ms }.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { EVENTS_DDL } from './store-inserts';
import { nowMs } from '../lib/clock';

const [mode, file, dbFile] = process.argv.slice(2);
if (!file || (mode !== 'parse' && mode !== 'insert') || (mode === 'insert' && !dbFile))
  throw new Error('usage: import-file-baseline.ts parse FILE | insert FILE DB');

const TRANSACTION_ROWS = 5000;
const start = nowMs();
const lines = createInterface({
  input: createReadStream(file, { highWaterMark: 256 * 1024 }),
  crlfDelay: Infinity,
});
let events = 0;
if (mode === 'parse') {
  for await (const line of lines) if (line && JSON.parse(line)) events++;
} else {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const ddl of EVENTS_DDL) db.exec(ddl);
  const insert = db.prepare(`insert into events values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`);
  const store = db.transaction((rows: Record<string, unknown>[], at: string) => {
    for (const r of rows)
      insert.run('import', r.externalId, r.type, r.agent ?? null, r.ticketId, r.at, JSON.stringify(r), at);
  });
  let rows: Record<string, unknown>[] = [];
  for await (const line of lines) {
    if (!line) continue;
    rows.push(JSON.parse(line) as Record<string, unknown>);
    if (rows.length === TRANSACTION_ROWS) {
      store(rows, new Date().toISOString());
      events += rows.length;
      rows = [];
    }
  }
  store(rows, new Date().toISOString());
  events += rows.length;
  db.close();
}
console.log(JSON.stringify({ events, ms: nowMs() - start }));
