import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { LiveMessage } from '../../../shared/api/feed';
import { createServerContext } from '../../../server/src/app/server-context';
import type { AppContext } from '../../../server/src/core/context';
import { runUnitOfWork } from '../../../server/src/store/unit-of-work';
import { LiveSession } from '../../../server/src/http/live-session';
import type { Principal } from '../../../server/src/auth/principal';
import { insertToken, revokeToken } from '../../../server/src/store/repos/tokens-repo';
import { LIVE_END } from '../../../shared/api/feed';

/** Just enough of a ws socket: records what the session sends. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: LiveMessage[] = [];
  closedWith: number | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as LiveMessage);
  }
  close(code?: number) {
    this.readyState = 3;
    this.closedWith = code ?? null;
  }
}

const seqs = (s: FakeSocket) => s.sent.flatMap((m) => (m.kind === 'entry' ? [m.entry.seq] : []));
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('LiveSession ordering', () => {
  let dir: string;
  let ctx: AppContext;
  const person: Principal = { personId: 'p1', role: 'agent', tokenKind: 'person', teamIds: [] };
  const profile = {
    purposeWhy: { text: '', visibility: 'me' as const },
    purposeWhere: { text: '', visibility: 'me' as const },
    passions: { text: '', visibility: 'me' as const },
    strengths: { text: '', visibility: 'me' as const },
    skillsToGrow: { text: '', visibility: 'me' as const },
  };
  const write = (n: number) =>
    runUnitOfWork(ctx.store, ctx.bus, new Date(), async (uow) => {
      for (let i = 0; i < n; i++) uow.feed('p1', 'profile.updated', profile);
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-live-unit-'));
    ctx = await createServerContext({ dataDir: dir, adminToken: null, config: { heartbeatMs: 60_000 } });
    // A session re-checks its token once it joined the registry: these sessions sign in with a live one.
    await insertToken(ctx.store.db, token('t1', 'test-token-hash'));
  });
  const token = (id: string, hash: string) => ({
    id,
    hash,
    personId: 'p1',
    kind: 'person',
    label: 'test',
    createdAt: '2026-03-11T09:00:00.000Z',
  });
  afterAll(async () => {
    await ctx.store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends hello, catches up after the cursor, then live entries, each seq once and in order', async () => {
    await write(3);
    const socket = new FakeSocket();
    const session = new LiveSession(ctx, socket as unknown as WebSocket);
    session.start(person, 1, 'test-token-hash');
    await settle();
    expect(socket.sent[0]).toEqual({ kind: 'hello', personId: 'p1', cursor: 3 });
    expect(seqs(socket)).toEqual([2, 3]);
    await write(2);
    await settle();
    expect(seqs(socket)).toEqual([2, 3, 4, 5]);
    session.close();
  });

  it('drops an entry it already sent and fills a gap from the store', async () => {
    const socket = new FakeSocket();
    const session = new LiveSession(ctx, socket as unknown as WebSocket);
    session.start(person, 5, 'test-token-hash');
    await settle();
    // Commit two entries without publishing them, then publish only the second: the session must read the first.
    const captured: Parameters<typeof ctx.bus.publish>[0][number][] = [];
    const original = ctx.bus.publish.bind(ctx.bus);
    ctx.bus.publish = (entries) => void captured.push(...entries);
    await write(2);
    ctx.bus.publish = original;
    ctx.bus.publish([captured[1]!]);
    await settle();
    expect(seqs(socket)).toEqual([6, 7]);
    ctx.bus.publish([captured[0]!, captured[1]!]);
    await settle();
    expect(seqs(socket)).toEqual([6, 7]);
    session.close();
  });

  it('signs out a session whose token was revoked after the route checked it, before the session registered', async () => {
    // The window of the race: the route authenticated the token, then a revoke committed (and was announced to
    // the registry, which did not hold this session yet), then the session started.
    await insertToken(ctx.store.db, token('t2', 'revoked-in-the-window'));
    await revokeToken(ctx.store.db, 't2', '2026-03-11T09:01:00.000Z');
    const socket = new FakeSocket();
    const session = new LiveSession(ctx, socket as unknown as WebSocket);
    session.start(person, 0, 'revoked-in-the-window');
    await settle();
    expect(socket.sent.some((m) => m.kind === 'hello')).toBe(false);
    expect(socket.sent.at(-1)).toMatchObject({ kind: 'error', error: LIVE_END.signedOut.error });
    expect(socket.closedWith).toBe(LIVE_END.signedOut.closeCode);
    session.close();
  });
});
