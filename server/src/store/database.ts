import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema';
import { migrateToLatest } from './migrations';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  /** The PostgreSQL schema in use, when one was named. */
  schema?: string;
  dialect: Dialect;
  /** Where the data lives, for logs (a file path or the database URL without credentials). */
  location: string;
  /**
   * PostgreSQL only: the connection string (without `schema`) for dedicated session connections outside the
   * pool — the feed bus's LISTEN connection and the scheduler's advisory lock.
   */
  sessionUrl?: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** SQLite file directory (default ./.data); ignored when databaseUrl is set. */
  dataDir?: string;
  /** PostgreSQL connection string; a `schema` query parameter selects (and creates) a schema. */
  databaseUrl?: string;
}

/**
 * Opens the store and migrates it. SQLite runs in WAL mode with synchronous=FULL: a commit returns only after
 * the WAL is fsynced, so an acknowledged event survives a process kill *and* an OS crash or power loss (NORMAL
 * would survive only a process crash). Ingest commits per batch, so the fsync cost is per batch, not per event.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : openSqlite(options.dataDir ?? './.data');
  await migrateToLatest(store.db as unknown as Kysely<unknown>, store.schema);
  return store;
}

/** One round trip to the database (health checks); rejects when it does not answer. */
export async function pingDatabase(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}

/**
 * Why the database could not be reached or dropped the connection, in a few words safe to show anyone (no
 * host, port or user), or null when the error is about something else (a statement it refused): connection
 * refused or reset, a timeout opening a connection, PostgreSQL shutting down, starting up or terminating the
 * backend (SQLSTATE class 08, 57P01–57P03, 53300), SQLite still locked after busy_timeout. Such work can succeed
 * when sent again later, so the HTTP edge answers it with 503 and Retry-After.
 */
export function databaseUnreachableReason(error: unknown, depth = 0): string | null {
  if (!(error instanceof Error) || depth > 3) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    const known = REASON_OF_CODE[code];
    if (known) return known;
    if (code.startsWith('08')) return 'connection failure';
  }
  const byMessage = REASON_OF_MESSAGE.find(([pattern]) => pattern.test(error.message));
  if (byMessage) return byMessage[1];
  const nested = [
    ...(error instanceof AggregateError ? (error.errors as unknown[]) : []),
    ...(error.cause !== undefined ? [error.cause] : []),
  ];
  for (const e of nested) {
    const reason = databaseUnreachableReason(e, depth + 1);
    if (reason) return reason;
  }
  return null;
}

const REASON_OF_CODE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection lost',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  '57P01': 'connection terminated by the database',
  '57P02': 'the database crashed',
  '57P03': 'the database is starting up or shutting down',
  '53300': 'too many connections',
  SQLITE_BUSY: 'the database file is locked',
};
const REASON_OF_MESSAGE: [RegExp, string][] = [
  [/Connection terminated|connection error and is not queryable|Client was closed/i, 'connection lost'],
  [/timeout exceeded when trying to connect/i, 'connection timed out'],
];

/** One line per lost connection, not a stack: an outage is an operator's event, not a bug. */
function logConnectionLoss(error: Error): void {
  console.error(`database connection lost (${error.message}); the next query opens a new one`);
}

/**
 * The SQLite store holds bearer-token hashes and people's data, so what the server creates is its own user's
 * only: the data directory 0700 (when it creates it) and the database file 0600, created before SQLite opens it;
 * SQLite gives its -wal and -shm files the database file's permissions. Existing files keep theirs.
 */
function openSqlite(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.resolve(dataDir, 'sidekick.sqlite');
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

async function openPostgres(databaseUrl: string): Promise<Store> {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 10,
    // A database that does not answer fails a request in seconds (a 503) instead of queueing it for ever.
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection the database drops (a restart, pg_terminate_backend, a network cut) emits 'error'; without a
  // listener Node ends the process. The pool discards the broken client and opens a new one on the next query,
  // so the only thing to do here is say so. Checked-out clients get a listener too: between two statements of
  // a transaction no query is active to receive the error, and the client would emit it unheard.
  pool.on('error', (error) => logConnectionLoss(error));
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const sessionUrl = url.toString();
  url.password = '';
  return {
    db,
    dialect: 'postgres',
    sessionUrl,
    ...(schema ? { schema } : {}),
    location: `${url.host}${url.pathname}${schema ? ` (schema ${schema})` : ''}`,
    close: () => db.destroy(),
  };
}
