import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore } from '../../../server/src/store/database';

/**
 * The SQLite store holds token hashes and people's data: what the server creates is readable by its own user
 * only — the data directory 0700 when the server makes it, the database and its -wal / -shm files 0600.
 */
const root = mkdtempSync(join(tmpdir(), 'sidekick-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('SQLite files are private', () => {
  it('creates the data directory 0700 and the database, WAL and shared-memory files 0600', async () => {
    const dataDir = join(root, 'new', 'data');
    const store = await openStore({ dataDir });
    try {
      // A write makes sure the WAL and its index exist.
      await sql`create table if not exists probe (x integer)`.execute(store.db);
      await sql`insert into probe values (1)`.execute(store.db);
      expect(mode(join(root, 'new'))).toBe(0o700);
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['sidekick.sqlite', 'sidekick.sqlite-wal', 'sidekick.sqlite-shm'])
        expect(mode(join(dataDir, file)).toString(8), file).toBe('600');
    } finally {
      await store.close();
    }
  });
});
