import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpdeskEvent } from '../../../shared/domain/events';
import type { IngestResult } from '../../../shared/api/ingest';
import { talliesFromEvents, type AgentDayTally } from '../../../shared/domain/metric-tallies';
import { storedEvent } from '../../../server/src/store/repos/stored-event';
import { ingestEvents } from '../../../server/src/ingest/ingest-service';
import { recomputeAll } from '../../../server/src/engine/recompute';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, createTeam } from './helpers/fixtures';

/**
 * The stored tallies (agent_day_tallies), kept by each ingest transaction from its new events alone, must be
 * exactly what tallying every stored event from scratch gives — whatever the arrival order, with duplicates,
 * late events, a ticket_created arriving after its ticket's work, agentless reopens, a zone change, a merge,
 * a deferred bulk import and a store whose tallies were never built.
 */

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Wire = Record<string, unknown> & { type: string; externalId: string; ticketId: string };

/**
 * Tickets worked by several agents over a week, around local midnights (so the local day matters): created,
 * replied (public or not), solved, reopened (named or agentless), re-solved, rated (sometimes twice), QA
 * scored, calls handled.
 */
function history(seed: number, handles: readonly string[], prefix: string, tickets = 24): Wire[] {
  const r = rng(seed);
  const pick = () => handles[Math.floor(r() * handles.length)]!;
  const out: Wire[] = [];
  for (let i = 0; i < tickets; i++) {
    const ticketId = `${prefix}-${i}`;
    // 2026-11-02 .. 2026-11-07, hours biased towards 21:00–02:00 UTC (around Warsaw's and Kolkata's midnights).
    const t0 =
      Date.parse('2026-11-02T00:00:00Z') + Math.floor(r() * 6) * 86_400_000 + (21 + r() * 6) * 3_600_000;
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    let n = 0;
    const ev = (type: string, min: number, extra: Record<string, unknown>) =>
      out.push({
        type,
        source: 'zendesk',
        externalId: `${ticketId}:${n++}`,
        ticketId,
        at: at(min),
        ...extra,
      });
    const a = pick();
    const b = pick();
    ev('ticket_created', 0, { channel: 'email' });
    if (r() < 0.3) ev('agent_replied', 5 + r() * 30, { agent: b, public: false });
    ev('agent_replied', 10 + r() * 120, { agent: a, public: true });
    if (r() < 0.5) ev('agent_replied', 60 + r() * 120, { agent: b, public: true });
    ev('ticket_solved', 200 + r() * 300, { agent: a });
    if (r() < 0.5) ev('csat_rated', 600 + r() * 60, { agent: a, satisfied: r() < 0.7, originalScore: 'x' });
    if (r() < 0.4) {
      ev('ticket_reopened', 700 + r() * 60, r() < 0.5 ? {} : { agent: a });
      ev('ticket_solved', 800 + r() * 200, { agent: b });
      if (r() < 0.6)
        ev('csat_rated', 1100 + r() * 60, { agent: b, satisfied: r() < 0.5, originalScore: 'y' });
    }
    if (r() < 0.3) ev('qa_scored', 1300, { agent: a, score: Math.round(r() * 100) });
    if (r() < 0.3) ev('call_handled', 30, { agent: b, talkSeconds: 120, holdSeconds: 10, wrapSeconds: 30 });
  }
  return out;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function storedTallies(t: TestServer): Promise<Map<string, AgentDayTally>> {
  const rows = await t.server.ctx.store.db.selectFrom('agent_day_tallies').selectAll().execute();
  const out = new Map<string, AgentDayTally>();
  for (const r of rows) {
    const tickets = JSON.parse(r.tickets) as AgentDayTally['tickets'];
    // A day whose last ticket moved away is kept as '{}': the same as no row.
    if (Object.keys(tickets).length > 0)
      out.set(`${r.agent_id}|${r.day}`, { agentId: r.agent_id, day: r.day as AgentDayTally['day'], tickets });
  }
  return out;
}

/** Every stored event tallied from scratch, in each person's current zone. */
async function talliesFromScratch(t: TestServer): Promise<Map<string, AgentDayTally>> {
  const db = t.server.ctx.store.db;
  const events: HelpdeskEvent[] = (await db.selectFrom('events').select('body').execute()).map((r) =>
    storedEvent(r.body),
  );
  const zones = new Map(
    (await db.selectFrom('people').select(['id', 'timezone']).execute()).map((p) => [p.id, p.timezone]),
  );
  const out = new Map<string, AgentDayTally>();
  for (const tally of talliesFromEvents(events, (id) => zones.get(id)).values())
    out.set(`${tally.agentId}|${tally.day}`, tally);
  return out;
}

async function ingest(t: TestServer, events: readonly Wire[], batch: number): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    const res = await t.api<IngestResult>('POST', '/api/ingest/events', {
      body: { events: events.slice(i, i + batch) },
    });
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([]);
  }
}

describe.each(DIALECTS)('stored metric tallies ($name)', (dialect) => {
  let t: TestServer;
  let ana: { id: string };
  let ben: { id: string };
  let kai: { id: string };

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: '2026-11-08T12:00:00Z' });
    const teamId = await createTeam(t.api);
    ana = await createPerson(t.api, { name: 'Ana', teamIds: [teamId], handles: ['zendesk:101'] });
    ben = await createPerson(t.api, { name: 'Ben', teamIds: [teamId], handles: ['zendesk:102'] });
    kai = await createPerson(t.api, {
      name: 'Kai',
      teamIds: [teamId],
      handles: ['zendesk:103'],
      timezone: 'Asia/Kolkata',
    });
  });
  afterAll(async () => t?.close());

  const handles = ['zendesk:101', 'zendesk:102', 'zendesk:103'];

  it('equal a from-scratch tally after shuffled batches with duplicates and late ticket_created events', async () => {
    for (const seed of [1, 2, 3]) {
      const events = history(seed, handles, `S${seed}`);
      // Every other ticket's creation arrives after all the work; the rest in any order, so a first reply can
      // arrive after a later one by someone else (the credit moves between agents' days).
      const late = (e: Wire) => e.type === 'ticket_created' && Number(e.ticketId.split('-')[1]) % 2 === 0;
      const order = [
        ...shuffle(
          events.filter((e) => !late(e)),
          seed * 7,
        ),
        ...events.filter(late),
      ];
      const withDuplicates = order.flatMap((e, i) => (i % 9 === 0 && i > 0 ? [e, order[i - 1]!] : [e]));
      await ingest(t, withDuplicates, 7 + seed * 5);
      expect(await storedTallies(t)).toEqual(await talliesFromScratch(t));
    }
    const agents = new Set([...(await storedTallies(t)).values()].map((x) => x.agentId));
    expect(agents).toEqual(new Set([ana.id, ben.id, kai.id]));
  });

  it('re-tally a person whose time zone changes, and stay exact for their next events', async () => {
    const res = await t.api('PATCH', `/api/admin/people/${ben.id}`, {
      body: { timezone: 'America/New_York' },
    });
    expect(res.status).toBe(200);
    expect(await storedTallies(t)).toEqual(await talliesFromScratch(t));
    await ingest(t, shuffle(history(4, handles, 'Z'), 5), 11);
    expect(await storedTallies(t)).toEqual(await talliesFromScratch(t));
  });

  it('are rebuilt when a store upgraded from before them has events but no tallies', async () => {
    const db = t.server.ctx.store.db;
    await db.deleteFrom('agent_day_tallies').execute();
    await db.deleteFrom('tally_zones').execute();
    // One new event on one agent's ticket: every agent it credits is built from the stored events first.
    await ingest(t, history(5, ['zendesk:101'], 'U', 1), 50);
    const stored = await storedTallies(t);
    const scratch = await talliesFromScratch(t);
    for (const [key, tally] of scratch) if (tally.agentId === ana.id) expect(stored.get(key)).toEqual(tally);
    // Reading any agent's numbers builds theirs: after ingesting for all, everything agrees again.
    await ingest(t, history(6, handles, 'V'), 40);
    expect(await storedTallies(t)).toEqual(await talliesFromScratch(t));
  });

  it('follow a merge of an unclaimed person into an agent', async () => {
    await ingest(t, history(7, ['zendesk:555', 'zendesk:101'], 'M'), 30);
    const people = await t.api<{ people: { id: string; handles: string[] }[] }>(
      'GET',
      '/api/admin/people?claimed=false',
    );
    const ghost = people.body.people.find((p) => p.handles.includes('zendesk:555'));
    expect(ghost).toBeDefined();
    const merged = await t.api('POST', `/api/admin/people/${ghost!.id}/merge`, {
      body: { intoPersonId: kai.id },
    });
    expect(merged.status).toBe(200);
    // The merge refreshes the target (their tallies rebuilt); the next batch touching the others rebuilds theirs.
    await ingest(t, history(8, handles, 'N'), 25);
    expect(await storedTallies(t)).toEqual(await talliesFromScratch(t));
  });

  it('are rebuilt by the recomputation after a deferred bulk import', async () => {
    const ctx = t.server.ctx;
    const bulk = history(9, handles, 'B', 40);
    const res = await ingestEvents(ctx, bulk, { deferRefresh: true });
    expect(res.rejected).toEqual([]);
    await recomputeAll(ctx);
    expect(await storedTallies(t)).toEqual(await talliesFromScratch(t));
  });
});
