import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer } from '../../../../server/src/app/start';

export const ADMIN_TOKEN = 'sk_import_test_admin_token_000000000001';

export interface FreshStore {
  name: 'sqlite' | 'postgres';
  options: { dataDir?: string; databaseUrl?: string };
  cleanup(): Promise<void>;
}

/** A fresh SQLite directory, and a fresh PostgreSQL schema when TEST_DATABASE_URL is set (CI sets it). */
export const STORES: Array<() => FreshStore> = [
  () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-import-'));
    return {
      name: 'sqlite',
      options: { dataDir },
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  },
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  STORES.push(() => {
    const schema = `sk_import_${randomBytes(6).toString('hex')}`;
    const url = new URL(pgUrl);
    url.searchParams.set('schema', schema);
    return {
      name: 'postgres',
      options: { databaseUrl: url.toString() },
      cleanup: async () => {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  });
} else {
  console.warn(
    '[import integration] TEST_DATABASE_URL is not set: the real-data check runs on SQLite only (CI adds PostgreSQL).',
  );
}

/** The real server (real HTTP on 127.0.0.1, port 0), which registers the importer's admin route itself. */
export async function startImportServer(store: FreshStore): Promise<RunningServer> {
  return startServer({ ...store.options, adminToken: ADMIN_TOKEN, port: 0, scheduler: false });
}

export async function getJson<T>(url: string, token = ADMIN_TOKEN): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
