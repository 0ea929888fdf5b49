import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SyncClient } from '../../../shared/sync';
import type { Snapshot } from '../../../shared/api';
import { MemoryStorage } from '../../../bench/lib/node-sync-deps';
import {
  assertContiguous,
  call,
  seedTeam,
  startProxy,
  startTestServer,
  syncClient,
  waitFor,
} from './support';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Team = Awaited<ReturnType<typeof seedTeam>>;

let server: TestServer;
let team: Team;
const clients: SyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  team = await seedTeam(server.url);
});
afterAll(async () => {
  await server.dispose();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.stop();
});

function track<T extends { client: SyncClient }>(made: T): T {
  clients.push(made.client);
  return made;
}

/** The supervisor recognises someone, straight through the API (not through the client under test). */
const supervisorKudos = (toPersonId: string, message: string) =>
  call(server.url, team.supervisor.token, 'POST', '/api/me/kudos', {
    toPersonId,
    value: 'Ownership',
    message,
    ticketId: null,
    ticketUrl: null,
  });

const serverSnapshot = (token: string) => call<Snapshot>(server.url, token, 'GET', '/api/me/state');

describe('shared/sync against the real server', () => {
  it('pushes a kudos to the online agent live', async () => {
    const { client, seen } = track(syncClient(server.url, team.ana.token));
    await client.start();
    await waitFor(() => client.getState().connection === 'online', 10_000, 'online');
    const message = `Live delivery ${randomUUID()}`;
    await supervisorKudos(team.ana.id, message);
    await waitFor(
      () => seen.some((e) => e.type === 'kudos.upserted' && e.payload.message === message),
      5_000,
      'the kudos pushed live',
    );
    expect(client.getState().snapshot?.kudos.inbox.some((k) => k.message === message)).toBe(true);
  });

  it('catches up after a server restart with no gap and no duplicate', async () => {
    const { client, seen } = track(syncClient(server.url, team.ana.token));
    await client.start();
    await waitFor(() => client.getState().connection === 'online', 10_000, 'online');
    const from = client.getState().snapshot!.cursor + 1;
    await supervisorKudos(team.ana.id, 'before the restart');
    await waitFor(() => seen.length > 0, 5_000, 'first entry');

    await server.stop();
    await waitFor(() => client.getState().connection !== 'online', 5_000, 'offline');
    expect(client.getState().snapshot).not.toBeNull();
    expect(client.getState().staleSince).not.toBeNull();
    await server.start();
    // Written while the client is still reconnecting: it must get them by catching up.
    await supervisorKudos(team.ana.id, 'after the restart, 1');
    await supervisorKudos(team.ana.id, 'after the restart, 2');

    const fresh = await serverSnapshot(team.ana.token);
    await waitFor(
      () => client.getState().snapshot?.cursor === fresh.cursor && client.getState().connection === 'online',
      15_000,
      'catch-up',
    );
    assertContiguous(seen, from);
    expect(
      client
        .getState()
        .snapshot?.kudos.inbox.map((k) => k.id)
        .sort(),
    ).toEqual(fresh.kudos.inbox.map((k) => k.id).sort());
  });

  it('catches up after the network drops mid-stream, with no gap and no duplicate', async () => {
    const proxy = await startProxy(server.port);
    try {
      const { client, seen } = track(syncClient(proxy.url, team.ben.token));
      await client.start();
      await waitFor(() => client.getState().connection === 'online', 10_000, 'online');
      const from = client.getState().snapshot!.cursor + 1;
      const stream = async (label: string, n: number) => {
        for (let i = 0; i < n; i++) await supervisorKudos(team.ben.id, `${label} ${i}`);
      };
      const during = stream('mid-stream', 6);
      await waitFor(() => seen.length >= 2, 5_000, 'some live entries');
      proxy.cut();
      await during;
      await stream('while cut', 3);
      await waitFor(() => client.getState().connection === 'offline', 5_000, 'offline');
      proxy.restore();
      const fresh = await serverSnapshot(team.ben.token);
      await waitFor(() => client.getState().snapshot?.cursor === fresh.cursor, 15_000, 'catch-up');
      assertContiguous(seen, from);
      expect(seen.filter((e) => e.type === 'kudos.upserted')).toHaveLength(9);
    } finally {
      await proxy.close();
    }
  });

  it('notices a network that goes silent (no close) by the heartbeat timeout, then catches up', async () => {
    const proxy = await startProxy(server.port);
    try {
      const { client, seen } = track(syncClient(proxy.url, team.ben.token));
      await client.start();
      await waitFor(() => client.getState().connection === 'online', 10_000, 'online');
      const from = client.getState().snapshot!.cursor + 1;
      // "Offline" lasts only until the next reconnect attempt (a backoff of a few ms with jitter), so every state
      // the client passes through is recorded rather than sampled: a loaded machine's polling could miss it.
      let wentOffline = false;
      let staleWhenOffline = false;
      const unsubscribe = client.subscribe((state) => {
        if (state.connection !== 'offline') return;
        wentOffline = true;
        staleWhenOffline ||= state.staleSince !== null;
      });
      proxy.silence();
      await supervisorKudos(team.ben.id, 'sent into the silence');
      // The socket never closes; only the missing heartbeats (timeout 3 s in these tests) tell the client.
      await waitFor(() => wentOffline, 8_000, 'the heartbeat timeout');
      unsubscribe();
      expect(staleWhenOffline).toBe(true);
      proxy.restore();
      const fresh = await serverSnapshot(team.ben.token);
      await waitFor(
        () =>
          client.getState().snapshot?.cursor === fresh.cursor && client.getState().connection === 'online',
        15_000,
        'catch-up',
      );
      assertContiguous(seen, from);
      expect(
        seen.some((e) => e.type === 'kudos.upserted' && e.payload.message === 'sent into the silence'),
      ).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('keeps an offline kudos in the outbox across an app restart and delivers it exactly once', async () => {
    const proxy = await startProxy(server.port);
    try {
      const storage = new MemoryStorage();
      const message = `Outbox across restart ${randomUUID()}`;
      proxy.cut();
      const first = track(syncClient(proxy.url, team.ana.token, storage));
      await first.client.start();
      const receipt = await first.client.enqueue({
        kind: 'sendKudos',
        body: { toPersonId: team.ben.id, value: 'Teamwork', message, ticketId: null, ticketUrl: null },
      });
      expect(receipt.queued).toBe(true);
      expect(first.client.getState().pendingActions).toBe(1);
      first.client.stop(); // the app quits while offline

      proxy.restore();
      const second = track(syncClient(proxy.url, team.ana.token, storage));
      await second.client.start();
      await waitFor(() => second.client.getState().pendingActions === 0, 15_000, 'the outbox to drain');
      const ben = await serverSnapshot(team.ben.token);
      expect(ben.kudos.inbox.filter((k) => k.message === message)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('never duplicates a kudos when the app dies after the server applied it but before it noted the ack', async () => {
    const storage = new MemoryStorage();
    const message = `Crash before ack ${randomUUID()}`;
    const first = track(syncClient(server.url, team.ana.token, storage));
    await first.client.start();
    await waitFor(() => first.client.getState().connection === 'online', 10_000, 'online');
    // Freeze the storage as it is once the action is written: what a crash right after the send leaves on disk.
    const originalSet = storage.set;
    let frozen = false;
    storage.set = async (key, value) => {
      if (frozen) return;
      await originalSet(key, value);
      if (key.endsWith('outbox') && Array.isArray(value) && value.length === 1) frozen = true;
    };
    await first.client.enqueue({
      kind: 'sendKudos',
      body: { toPersonId: team.ben.id, value: 'Empathy', message, ticketId: null, ticketUrl: null },
    });
    first.client.stop();
    storage.set = originalSet;

    const second = track(syncClient(server.url, team.ana.token, storage));
    await second.client.start();
    expect(second.client.getState().pendingActions).toBe(1); // it does not know the server has it
    await waitFor(
      () => second.client.getState().pendingActions === 0,
      15_000,
      'the replay to be acknowledged',
    );
    const ben = await serverSnapshot(team.ben.token);
    expect(ben.kudos.inbox.filter((k) => k.message === message)).toHaveLength(1);
  });
});
