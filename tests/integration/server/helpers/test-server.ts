import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer, type StartServerOptions } from '../../../../server/src/app/start';

export const ADMIN_TOKEN = 'sk_test_admin_token_for_integration_0001';

/**
 * Where a test server's clock starts unless a test picks its own instant: a Wednesday noon in UTC, mid-week in
 * every team's zone and far from a DST change, so no test depends on the day it runs. The clock runs on from
 * there in real time; tests date their events from `t.now()`.
 */
export const TEST_NOW = '2026-03-11T12:00:00.000Z';

/** The store dialects the suite runs against. PostgreSQL joins when TEST_DATABASE_URL is set (CI sets it). */
export interface DialectCase {
  name: 'sqlite' | 'postgres';
  /** Fresh store options for one server; `cleanup` drops what was created. */
  create(): Promise<{
    options: Pick<StartServerOptions, 'dataDir' | 'databaseUrl'>;
    cleanup(): Promise<void>;
  }>;
}

const sqliteCase: DialectCase = {
  name: 'sqlite',
  async create() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-it-'));
    return {
      options: { dataDir },
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

function postgresCase(url: string): DialectCase {
  return {
    name: 'postgres',
    async create() {
      const schema = `sk_it_${randomBytes(6).toString('hex')}`;
      const withSchema = new URL(url);
      withSchema.searchParams.set('schema', schema);
      return {
        options: { databaseUrl: withSchema.toString() },
        cleanup: async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      };
    },
  };
}

const pgUrl = process.env.TEST_DATABASE_URL;
export const DIALECTS: DialectCase[] = pgUrl ? [sqliteCase, postgresCase(pgUrl)] : [sqliteCase];
if (!pgUrl) {
  // Visible in the test output: the PostgreSQL half of the suite needs a database to talk to.
  console.warn(
    '[server integration] TEST_DATABASE_URL is not set: running the SQLite suite only (CI sets it for PostgreSQL).',
  );
}

export interface TestServer {
  server: RunningServer;
  /** Where its store is, to open a second instance on the same data. */
  storeOptions: Pick<StartServerOptions, 'dataDir' | 'databaseUrl'>;
  url: string;
  api: Api;
  /** The server's clock. */
  now(): Date;
  close(): Promise<void>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type Api = <T = unknown>(
  method: string,
  route: string,
  opts?: { token?: string | null; body?: unknown; headers?: Record<string, string>; raw?: string },
) => Promise<ApiResponse<T>>;

export function apiFor(url: string): Api {
  return async <T>(
    method: string,
    route: string,
    opts: { token?: string | null; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ) => {
    const token = opts.token === undefined ? ADMIN_TOKEN : opts.token;
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${route}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // plain text bodies stay strings
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
}

export async function startTestServer(
  dialect: DialectCase,
  extra: Partial<StartServerOptions> = {},
): Promise<TestServer> {
  const store = await dialect.create();
  const server = await startServer({
    ...store.options,
    adminToken: ADMIN_TOKEN,
    port: 0,
    scheduler: false,
    now: TEST_NOW,
    ...extra,
  });
  return {
    server,
    storeOptions: store.options,
    url: server.url,
    api: apiFor(server.url),
    now: () => server.ctx.clock(),
    close: async () => {
      await server.close();
      await store.cleanup();
    },
  };
}
