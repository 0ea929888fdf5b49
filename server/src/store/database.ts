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

function openSqlite(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, 'sidekick.sqlite');
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
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
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
