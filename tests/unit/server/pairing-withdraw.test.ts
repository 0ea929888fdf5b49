import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerContext } from '../../../server/src/app/server-context';
import type { AppContext } from '../../../server/src/core/context';
import { insertPerson } from '../../../server/src/store/repos/people-repo';
import {
  claimPairingCode,
  insertPairingCode,
  pendingPairingCodesOf,
  withdrawPairingCode,
} from '../../../server/src/store/repos/pairing-codes-repo';

/**
 * A withdrawn pairing code is dead on every instance: withdrawing set its expiry to the withdrawing instance's
 * "now", so an instance whose clock ran a few minutes behind still saw it alive and exchanged it.
 */
describe('withdrawing a pairing code', () => {
  let dir: string;
  let ctx: AppContext;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-pairing-withdraw-'));
    ctx = await createServerContext({ dataDir: dir, adminToken: null });
    await insertPerson(ctx.store.db, {
      id: 'p1',
      name: 'Pat',
      role: 'agent',
      timezone: 'UTC',
      schedule: null,
      absences: [],
      claimed: true,
      createdAt: '2026-03-11T08:00:00.000Z',
    });
    await insertPairingCode(ctx.store.db, {
      id: 'c1',
      hash: 'code-hash',
      personId: 'p1',
      createdBy: 'admin',
      createdAt: '2026-03-11T09:00:00.000Z',
      expiresAt: '2026-03-11T09:10:00.000Z',
    });
  });
  afterAll(async () => {
    await ctx.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cannot be exchanged by an instance whose clock runs behind the withdrawing one', async () => {
    expect(await withdrawPairingCode(ctx.store.db, 'c1', '2026-03-11T09:05:00.000Z')).toBe(true);
    // Three minutes behind the withdrawal, still before it: the code must be dead there too.
    const behind = '2026-03-11T09:02:00.000Z';
    expect(await pendingPairingCodesOf(ctx.store.db, 'p1', behind)).toEqual([]);
    expect(await claimPairingCode(ctx.store.db, 'c1', behind, 'token-1')).toBe(false);
    expect(await withdrawPairingCode(ctx.store.db, 'c1', behind)).toBe(false);
  });
});
