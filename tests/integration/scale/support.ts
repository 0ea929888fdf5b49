import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The scale suite is about several instances on one PostgreSQL schema: without a database it has nothing to
 * test, so it fails loudly instead of passing quietly (CI sets TEST_DATABASE_URL).
 */
export function requireDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'tests/integration/scale needs PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).',
    );
  return url;
}

/** A fresh schema on the test database, and how to drop it. */
export function freshSchema(base: string): { url: string; schema: string; drop(): Promise<void> } {
  const schema = `sk_scale_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    schema,
    drop: () =>
      withClient(base, (c) => c.query(`drop schema if exists ${schema} cascade`).then(() => undefined)),
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Ends the feed bus's LISTEN connections of one schema (as a PostgreSQL restart or a network cut would). */
export async function terminateListeners(base: string, schema: string): Promise<number> {
  return withClient(base, async (c) => {
    const r = await c.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [`sidekick-listen ${schema}`],
    );
    return r.rowCount ?? 0;
  });
}
