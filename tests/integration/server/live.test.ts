import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../shared/api/routes';
import type { Snapshot } from '../../../shared/api/snapshot';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { key, standardTeam, ticketStory } from './helpers/fixtures';
import { LiveClient } from './helpers/live-client';

describe.each(DIALECTS)('live socket /api/live ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect, { config: { heartbeatMs: 200 } });
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  const sendKudos = (message: string) =>
    t.api('POST', apiRoutes.sendKudos.path, {
      token: team.ana.token,
      body: { toPersonId: team.ben.id, value: 'Empathy', message },
      headers: { 'idempotency-key': key() },
    });

  it('says hello, then pushes a kudos as soon as the action that caused it commits, then heartbeats', async () => {
    const snapshot = (await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token })).body;
    const live = await LiveClient.open(t.url, { token: team.ben.token, after: snapshot.cursor });
    await live.waitFor((c) => c.messages.some((m) => m.kind === 'hello'));
    expect(live.messages[0]).toEqual({ kind: 'hello', personId: team.ben.id, cursor: snapshot.cursor });
    expect((await sendKudos('Thanks for the handover notes')).status).toBe(200);
    // Pushed on the open socket without the client asking; its latency is a benchmark (bench/), not a timed test.
    await live.waitFor((c) => c.entries().some((e) => e.type === 'kudos.upserted'), 5_000);
    const kudos = live.entries().find((e) => e.type === 'kudos.upserted');
    expect(kudos?.type === 'kudos.upserted' && kudos.payload.message).toBe('Thanks for the handover notes');
    expect(live.entries().some((e) => e.type === 'celebration')).toBe(true);
    await live.waitFor((c) => c.messages.some((m) => m.kind === 'heartbeat'), 5_000);
    const seqs = live.entries().map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => snapshot.cursor + 1 + i));
    live.close();
  });

  it('sends one commit’s entries as one frame to a client that asked for batches, one frame each otherwise', async () => {
    const cursor = (await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token })).body.cursor;
    const batched = await LiveClient.open(t.url, { token: team.ben.token, after: cursor, batch: true });
    const plain = await LiveClient.open(t.url, { token: team.ben.token, after: cursor });
    for (const live of [batched, plain])
      await live.waitFor((c) => c.messages.some((m) => m.kind === 'hello'));
    expect((await sendKudos('Thanks for covering lunch')).status).toBe(200);
    for (const live of [batched, plain])
      await live.waitFor((c) => c.entries().some((e) => e.type === 'growth.updated'), 5_000);
    const frames = (live: LiveClient) =>
      live.messages.filter((m) => m.kind === 'entry' || m.kind === 'entries');
    // The kudos, its timeline entry, celebration and growth: one commit, four entries.
    expect(frames(batched).map((m) => m.kind)).toEqual(['entries']);
    expect(frames(plain).map((m) => m.kind)).toEqual(['entry', 'entry', 'entry', 'entry']);
    expect(batched.entries()).toEqual(plain.entries());
    expect(batched.entries().map((e) => e.seq)).toEqual([1, 2, 3, 4].map((i) => cursor + i));
    batched.close();
    plain.close();
  });

  it('catches up after a disconnect with no gap and no duplicate', async () => {
    const first = await LiveClient.open(t.url, { token: team.ben.token, after: 0 });
    await first.waitFor((c) => c.messages.some((m) => m.kind === 'hello'));
    const head = (first.messages[0] as { cursor: number }).cursor;
    await first.waitFor((c) => c.entries().length === head);
    first.close();
    await first.closed;
    const cursor = first.entries().at(-1)?.seq ?? 0;
    // While offline: more changes for Ben (kudos and a customer rating).
    await sendKudos('While you were away 1');
    await t.api('POST', '/api/ingest/events', {
      body: {
        events: ticketStory('zendesk:102', 'L-1', new Date(t.now().getTime() - 3_600_000).toISOString(), {
          comment: 'Lovely help, thanks Ben',
        }),
      },
    });
    await sendKudos('While you were away 2');
    const second = await LiveClient.open(t.url, { token: team.ben.token, after: cursor });
    // And while catching up, one more arrives live.
    await sendKudos('Live again');
    await second.waitFor(
      (c) => c.entries().some((e) => e.type === 'kudos.upserted' && e.payload.message === 'Live again'),
      2000,
    );
    const all = [...first.entries(), ...second.entries()].map((e) => e.seq);
    expect(all).toEqual(all.map((_, i) => i + 1));
    const feedHead = (await t.api<Snapshot>('GET', '/api/me/state', { token: team.ben.token })).body.cursor;
    await second.waitFor((c) => (c.entries().at(-1)?.seq ?? 0) === feedHead);
    second.close();
  });

  it('accepts Authorization: Bearer on the upgrade with ?after', async () => {
    const live = await LiveClient.open(t.url, { header: team.ben.token, after: 0 });
    await live.waitFor((c) => c.entries().length > 0);
    expect(live.messages[0]?.kind).toBe('hello');
    expect(live.entries()[0]?.seq).toBe(1);
    live.close();
  });

  it('refuses a wrong token and a malformed first message, and only sends a person their own entries', async () => {
    const wrong = await LiveClient.open(t.url, { token: 'sk_not_a_token', after: 0 });
    expect((await wrong.closed).code).toBe(1008);
    expect(wrong.messages).toEqual([{ kind: 'error', error: 'unauthorized', message: expect.any(String) }]);
    const ana = await LiveClient.open(t.url, { token: team.ana.token, after: 0 });
    await ana.waitFor((c) => c.messages.some((m) => m.kind === 'hello'));
    await sendKudos('Only Ben sees this one');
    await ana.waitFor((c) => c.entries().some((e) => e.type === 'kudos.quota'));
    expect(ana.entries().every((e) => e.personId === team.ana.id)).toBe(true);
    expect(
      ana
        .entries()
        .some((e) => e.type === 'kudos.upserted' && e.payload.message === 'Only Ben sees this one'),
    ).toBe(false);
    ana.close();
  });

  it('pushes person.updated and team.updated when an admin changes people', async () => {
    const live = await LiveClient.open(t.url, {
      token: team.ana.token,
      after: (await t.api<Snapshot>('GET', '/api/me/state', { token: team.ana.token })).body.cursor,
    });
    await live.waitFor((c) => c.messages.some((m) => m.kind === 'hello'));
    await t.api('PATCH', `/api/admin/people/${team.ana.id}`, { body: { name: 'Ana María Agent' } });
    await live.waitFor((c) =>
      c.entries().some((e) => e.type === 'person.updated' && e.payload.name === 'Ana María Agent'),
    );
    await t.api('POST', '/api/admin/people', {
      body: { name: 'Newt Newcomer', role: 'agent', teamIds: [team.teamId] },
    });
    await live.waitFor((c) =>
      c
        .entries()
        .some(
          (e) =>
            e.type === 'team.updated' && (e.payload?.members ?? []).some((m) => m.name === 'Newt Newcomer'),
        ),
    );
    live.close();
  });
});
