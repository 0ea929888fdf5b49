import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url));

/** A fresh directory under bench/.tmp (gitignored), removed by `dispose`. */
export function tempDir(prefix: string): { path: string; dispose(): void } {
  mkdirSync(TMP, { recursive: true });
  const path = mkdtempSync(join(TMP, `${prefix}-`));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

export const postgresUrl = (): string =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema name; PostgreSQL benchmarks create it and drop it when done. */
export const schemaName = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;

export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const u = new URL(url);
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
