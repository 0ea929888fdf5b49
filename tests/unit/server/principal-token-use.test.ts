import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServerContext } from '../../../server/src/app/server-context';
import type { AppContext } from '../../../server/src/core/context';
import { principalForToken } from '../../../server/src/auth/principal';
import { hashToken } from '../../../server/src/auth/tokens';
import { insertPerson } from '../../../server/src/store/repos/people-repo';
import { insertToken } from '../../../server/src/store/repos/tokens-repo';

/**
 * Recording a token's last use is bookkeeping: when that UPDATE fails, the request it rode on still
 * authenticates (before, the failure surfaced as a 5xx on a valid GET).
 */
describe('authenticating with a token whose last-use write fails', () => {
  let dir: string;
  let ctx: AppContext;
  const TOKEN = 'sk_unit_token_use_0123456789abcdef';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-token-use-'));
    ctx = await createServerContext({ dataDir: dir, adminToken: null });
    const db = ctx.store.db;
    await insertPerson(db, {
      id: 'p1',
      name: 'Pat',
      role: 'agent',
      timezone: 'UTC',
      schedule: null,
      absences: [],
      claimed: true,
      createdAt: '2026-03-11T09:00:00.000Z',
    });
    await insertToken(db, {
      id: 't1',
      hash: hashToken(TOKEN),
      personId: 'p1',
      kind: 'person',
      label: 'test',
      createdAt: '2026-03-11T09:00:00.000Z',
    });
    // Every write of a token's last use now fails, as a store refusing writes would.
    await sql`create trigger refuse_token_use before update of last_used_at on tokens
      begin select raise(abort, 'writes refused'); end`.execute(db);
  });
  afterAll(async () => {
    await ctx.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves the principal and logs the failed write instead of rejecting', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const principal = await principalForToken(ctx.store.db, TOKEN, null, new Date('2026-03-11T10:00:00Z'));
    expect(principal).toMatchObject({ personId: 'p1', role: 'agent', tokenKind: 'person' });
    await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringContaining('last use')));
    logged.mockRestore();
  });
});
