import { afterEach, describe, expect, it } from 'vitest';
import { createSyncClient, type SyncClient } from '../../../shared/sync';
import type { FeedEntry } from '../../../shared/api';
import { FakeClock, FakeServer, fakeDeps, settle } from './fakes';
import { MemoryStorage } from '../../../bench/lib/node-sync-deps';
import { agentSnapshot, kudosEntry, streakEntry } from './fixtures';

const config = (server: FakeServer) => ({
  serverUrl: 'https://sidekick.example.com/',
  token: server.token,
  heartbeatTimeoutMs: 30_000,
});
const clients: SyncClient[] = [];

function setup(
  storage = new MemoryStorage(),
  server = new FakeServer(agentSnapshot()),
  clock = new FakeClock(),
) {
  const deps = fakeDeps(server, clock, storage);
  const client = createSyncClient(deps, config(server));
  clients.push(client);
  const seen: FeedEntry[] = [];
  client.onEntry((e) => seen.push(e));
  return { server, clock, storage, client, seen, deps };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.stop();
});

describe('sync client', () => {
  it('goes snapshot → catch-up → live and reports each new entry once', async () => {
    const { server, client, seen } = setup();
    server.publish(kudosEntry(1));
    await client.start();
    await settle();
    expect(client.getState().connection).toBe('online');
    expect(client.getState().snapshot?.cursor).toBe(1);
    server.publish(kudosEntry(2));
    await settle();
    expect(seen.map((e) => e.seq)).toEqual([2]);
    expect(client.getState().snapshot?.kudos.inbox.map((k) => k.id)).toEqual(['k-2', 'k-1']);
  });

  it('fills a gap from the feed when a live entry skips a seq, with no duplicate', async () => {
    const { server, clock, client, seen } = setup();
    await client.start();
    await settle();
    server.publish(kudosEntry(1));
    server.publish(kudosEntry(2), false); // the push for 2 is lost
    server.publish(kudosEntry(3));
    await clock.advance(10);
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(client.getState().snapshot?.cursor).toBe(3);
    expect(client.getState().connection).toBe('online');
  });

  it('treats a silent socket as dead, serves stale state, and catches up after reconnecting', async () => {
    const { server, clock, client, seen } = setup();
    await client.start();
    await settle();
    const contactAt = clock.now();
    server.goOffline();
    await clock.advance(31_000);
    const offline = client.getState();
    expect(offline.connection).toBe('offline');
    expect(offline.snapshot).not.toBeNull();
    expect(offline.staleSince).toBe(new Date(contactAt).toISOString());
    server.publish(streakEntry(1, 5), false);
    server.publish(kudosEntry(2), false);
    server.online = true;
    await clock.advance(60_000);
    expect(client.getState().connection).toBe('online');
    expect(client.getState().staleSince).toBeNull();
    expect(seen.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('keeps serving the cached state after a restart without network, marked with its age', async () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    first.server.publish(kudosEntry(1));
    await first.client.start();
    await settle();
    first.client.stop();
    const lastContact = first.clock.now();

    const server = new FakeServer(agentSnapshot());
    server.online = false;
    const second = setup(storage, server, new FakeClock(lastContact + 600_000));
    await second.client.start();
    await settle();
    const state = second.client.getState();
    expect(state.snapshot?.kudos.inbox).toHaveLength(1);
    expect(state.connection).not.toBe('online');
    expect(state.staleSince).toBe(new Date(lastContact).toISOString());
  });

  it('a snapshot fetched in this run is not stale while the socket is still connecting', async () => {
    const { client } = setup();
    await client.verify();
    await client.start();
    expect(client.getState().connection).toBe('connecting');
    expect(client.getState().snapshot).not.toBeNull();
    expect(client.getState().staleSince).toBeNull();
  });

  it('queues actions offline and delivers each exactly once when back', async () => {
    const { server, clock, client } = setup();
    await client.start();
    await settle();
    server.goOffline();
    await clock.advance(31_000);
    const receipt = await client.enqueue({ kind: 'thankKudos', body: { kudosId: 'k-1' } });
    expect(receipt.queued).toBe(true);
    expect(client.getState().pendingActions).toBe(1);
    server.online = true;
    await clock.advance(120_000);
    expect(client.getState().pendingActions).toBe(0);
    expect([...server.acceptedKeys.keys()]).toEqual([receipt.key]);
  });

  it('retries with the same idempotency key when the answer is lost, so the server applies it once', async () => {
    const { server, clock, client } = setup();
    await client.start();
    await settle();
    server.loseNextResponse = true;
    const receipt = await client.enqueue({
      kind: 'sendKudos',
      body: {
        toPersonId: 'p-ben',
        value: 'Teamwork',
        message: 'Covered my queue',
        ticketId: null,
        ticketUrl: null,
      },
    });
    expect(receipt.queued).toBe(true);
    await clock.advance(60_000);
    const posts = server.requests.filter((r) => r.path === '/api/me/kudos');
    expect(posts.length).toBe(2);
    expect(new Set(posts.map((p) => p.key))).toEqual(new Set([receipt.key]));
    expect(server.acceptedKeys.size).toBe(1);
    expect(client.getState().pendingActions).toBe(0);
  });

  it('keeps the outbox across a restart and never duplicates', async () => {
    const storage = new MemoryStorage();
    const server = new FakeServer(agentSnapshot());
    server.online = false;
    const first = setup(storage, server);
    await first.client.start();
    const receipt = await first.client.enqueue({ kind: 'markKudosRead', body: { kudosIds: ['k-1'] } });
    first.client.stop();
    server.online = true;
    const second = setup(storage, server);
    await second.client.start();
    await settle();
    await second.clock.advance(1_000);
    expect(server.acceptedKeys.size).toBe(1);
    expect(server.acceptedKeys.has(receipt.key)).toBe(true);
    expect(second.client.getState().pendingActions).toBe(0);
  });

  it('drops an action the server refuses for good and says why', async () => {
    const { server, client } = setup();
    await client.start();
    await settle();
    server.http = async () => ({
      ok: false,
      status: 400,
      text: async () => JSON.stringify({ error: 'validation', message: 'Daily kudos cap reached.' }),
    });
    const receipt = await client.enqueue({ kind: 'thankKudos', body: { kudosId: 'k-9' } });
    expect(receipt.queued).toBe(false);
    expect(client.getState().lastError).toContain('Daily kudos cap reached.');
  });

  it('a refused token signs the client out instead of retrying forever', async () => {
    const { server, client } = setup();
    server.token = 'sk_other_token_0123456789';
    await client.start();
    await settle();
    expect(client.getState().connection).toBe('signed_out');
    expect(client.getState().lastError).toBe('Unknown token.');
  });

  it('resync catches up immediately (resume from sleep)', async () => {
    const { server, client, seen } = setup();
    await client.start();
    await settle();
    server.publish(kudosEntry(1), false);
    await client.resync();
    await settle();
    expect(seen.map((e) => e.seq)).toEqual([1]);
    expect(client.getState().connection).toBe('online');
  });

  it('wipe forgets the cache and the outbox', async () => {
    const { storage, client } = setup();
    await client.start();
    await settle();
    await client.enqueue({ kind: 'thankKudos', body: { kudosId: 'k-1' } });
    await client.wipe();
    expect(storage.data.size).toBe(0);
    expect(client.getState()).toMatchObject({ connection: 'signed_out', snapshot: null, pendingActions: 0 });
  });

  it('asks for the next feed page before it folds this one, and saves the caught-up cache once', async () => {
    const server = new FakeServer(agentSnapshot());
    const storage = new MemoryStorage();
    const deps = fakeDeps(server, new FakeClock(), storage);
    const writes: string[] = [];
    const set = storage.set;
    storage.set = async (key, value) => {
      writes.push(key);
      await set(key, value);
    };
    const client = createSyncClient(deps, { ...config(server), feedPageSize: 2 });
    clients.push(client);
    // What had been asked for when each entry was folded (onEntry fires as a page is folded).
    const askedWhenFolded: number[] = [];
    const feedRequests = () => server.requests.filter((r) => r.path.startsWith('/api/me/feed')).length;
    client.onEntry(() => askedWhenFolded.push(feedRequests()));
    await client.verify();
    for (let seq = 1; seq <= 5; seq++) server.publish(kudosEntry(seq));
    writes.length = 0;
    await client.start();
    await settle();
    expect(client.getState()).toMatchObject({ connection: 'online', snapshot: { cursor: 5 } });
    expect(server.requests.filter((r) => r.path.startsWith('/api/me/feed')).map((r) => r.path)).toEqual([
      '/api/me/feed?after=0&limit=2',
      '/api/me/feed?after=2&limit=2',
      '/api/me/feed?after=4&limit=2',
    ]);
    // Page 1 (seqs 1–2) was folded once page 2 had been asked for, page 2 once page 3 had; page 3 is the last.
    expect(askedWhenFolded).toEqual([2, 2, 3, 3, 3]);
    expect(writes.filter((k) => k.endsWith('sync.cache'))).toHaveLength(1);
  });

  it('drops the page asked for ahead when the page before it had a gap, and starts over from a snapshot', async () => {
    const server = new FakeServer(agentSnapshot());
    const client = createSyncClient(fakeDeps(server, new FakeClock(), new MemoryStorage()), {
      ...config(server),
      feedPageSize: 2,
    });
    clients.push(client);
    await client.verify();
    for (let seq = 1; seq <= 5; seq++) server.publish(kudosEntry(seq));
    // The feed lost seq 1 (pruned): the first page after the cursor 0 starts at 2, a gap.
    expect(server.entries.shift()?.seq).toBe(1);
    const snapshotsBefore = server.requests.filter((r) => r.path === '/api/me/state').length;
    await client.start();
    await settle();
    expect(server.requests.filter((r) => r.path === '/api/me/state').length).toBe(snapshotsBefore + 1);
    expect(client.getState()).toMatchObject({ connection: 'online', snapshot: { cursor: 5 } });
    // The page asked for ahead (after 3, where the gapped page ended) was not used: the fresh snapshot's cursor was.
    expect(server.requests.filter((r) => r.path.startsWith('/api/me/feed')).map((r) => r.path)).toEqual([
      '/api/me/feed?after=0&limit=2',
      '/api/me/feed?after=3&limit=2',
      '/api/me/feed?after=5&limit=2',
    ]);
  });
});
