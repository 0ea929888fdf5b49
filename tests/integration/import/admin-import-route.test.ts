import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../../server/src/app/start';
import { ADMIN_TOKEN, STORES, getJson, startImportServer, type FreshStore } from './helpers/import-server';
import { freshdeskTickets } from './helpers/vendor-exports';

const MAX_BYTES = 64 * 1024;

describe('POST /api/admin/import', () => {
  let store: FreshStore;
  let server: RunningServer;
  let agentToken: string;

  beforeAll(async () => {
    store = STORES[0]!();
    // The limit is read when the route is registered, so it only needs to be set while the server starts.
    process.env.SIDEKICK_IMPORT_MAX_BYTES = String(MAX_BYTES);
    try {
      server = await startImportServer(store);
    } finally {
      delete process.env.SIDEKICK_IMPORT_MAX_BYTES;
    }
    const person = await fetch(`${server.url}/api/admin/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana Agent', role: 'agent', teamIds: [] }),
    });
    const { id } = (await person.json()) as { id: string };
    const token = await fetch(`${server.url}/api/admin/people/${id}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    agentToken = ((await token.json()) as { token: string }).token;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  const post = (
    query: string,
    body: string,
    token: string | null = ADMIN_TOKEN,
    contentType = 'application/x-ndjson',
  ) =>
    fetch(`${server.url}/api/admin/import?${query}`, {
      method: 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': contentType },
      body,
    });
  const people = async () =>
    (await getJson<{ people: unknown[] }>(`${server.url}/api/admin/people`)).people.length;

  it('answers 401 without a token and 403 for an agent, storing nothing', async () => {
    const before = await people();
    const body = freshdeskTickets(3).join('\n');
    expect((await post('mapping=freshdesk', body, null)).status).toBe(401);
    expect((await post('mapping=freshdesk', body, 'sk_not_a_real_token_at_all_000000000000')).status).toBe(
      401,
    );
    expect((await post('mapping=freshdesk', body, agentToken)).status).toBe(403);
    expect(await people()).toBe(before);
  });

  it('answers 400 naming the problem for a bad mapping, an unknown zone, or both mapping and spec', async () => {
    const bad = async (query: string) => {
      const res = await post(query, '{}');
      expect(res.status).toBe(400);
      return ((await res.json()) as { message: string }).message;
    };
    expect(await bad('mapping=salesforce')).toMatch(/mapping/);
    expect(await bad('mapping=servicenow&timezone=Mars/Olympus')).toMatch(
      /unknown time zone "Mars\/Olympus"/,
    );
    expect(await bad(`mapping=generic&spec=${encodeURIComponent('{"mapping":"generic"}')}`)).toMatch(
      /either `mapping`/,
    );
    expect(await bad('mapping=zendesk&timeFormat=dd-MM-yyyy')).toMatch(
      /timeFormat does not apply to the zendesk mapping/,
    );
  });

  it('imports a Freshdesk export streamed as the body, with any content type (JSON included)', async () => {
    const res = await post(
      'mapping=freshdesk',
      freshdeskTickets(5).join('\n'),
      ADMIN_TOKEN,
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      records: 5,
      accepted: 15,
      duplicates: 0,
      rejectedCount: 0,
      recomputed: true,
    });
    const { people: found } = await getJson<{ people: { id: string }[] }>(
      `${server.url}/api/admin/people?handle=freshdesk:77000`,
    );
    const m = await getJson<{ frtAvgMinutes: { value: number }; solved: { value: number } }>(
      `${server.url}/api/people/${found[0]!.id}/metrics?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z`,
    );
    expect(m.solved.value).toBe(5);
    expect(m.frtAvgMinutes.value).toBe(30);
  });

  it('imports a generic CSV described by a mapping file in `spec`', async () => {
    const spec = {
      mapping: 'generic',
      format: 'csv',
      source: 'legacy',
      timeFormat: 'dd/MM/yyyy HH:mm',
      timezone: 'Europe/Warsaw',
      columns: { ticketId: 'Ticket', at: 'Closed', agent: 'Owner', externalId: 'Ref' },
      constants: { type: 'ticket_solved' },
    };
    const csv = 'Ref,Ticket,Closed,Owner\nr1,L-1,02/02/2026 10:00,ana\nr2,L-2,not a date,ana\n';
    const res = await post(`spec=${encodeURIComponent(JSON.stringify(spec))}`, csv, ADMIN_TOKEN, 'text/csv');
    expect(res.status).toBe(200);
    const summary = (await res.json()) as { accepted: number; rejected: { line: number; reason: string }[] };
    expect(summary.accepted).toBe(1);
    expect(summary.rejected).toEqual([
      { line: 3, reason: 'Closed "not a date" is not a valid time (expected dd/MM/yyyy HH:mm)' },
    ]);
  });

  it('imports a Mojo API page (format json by default) and answers with the warnings and the filtered count, old fields kept', async () => {
    const page = JSON.stringify([
      {
        id: 123,
        status_id: 50,
        assigned_to_id: 10,
        rating: 80,
        rated_on: '2026-02-03 09:00',
        created_on: '2026-02-02T10:30:00Z',
        solved_on: '2026-02-03T08:45:00Z',
      },
    ]);
    const res = await post('mapping=mojo', page, ADMIN_TOKEN, 'application/json');
    expect(res.status).toBe(200);
    const summary = (await res.json()) as Record<string, unknown>;
    // The fields the admin console already reads are all still there.
    expect(Object.keys(summary)).toEqual(
      expect.arrayContaining([
        'records',
        'events',
        'accepted',
        'duplicates',
        'rejectedCount',
        'rejected',
        'recordsWithoutEvents',
        'seconds',
        'recomputed',
      ]),
    );
    expect(summary).toMatchObject({ records: 1, accepted: 3, rejectedCount: 0, filtered: 0 });
    expect((summary.warnings as { kind: string; lines: number[] }[]).map((w) => [w.kind, w.lines])).toEqual([
      ['naive_times_as_utc', [1]],
      ['unknown_people', [1]],
    ]);
  });

  it('cuts off a body over the size limit with 413', async () => {
    const big = freshdeskTickets(400).join('\n');
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const res = await post('mapping=freshdesk', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/larger than 65536 bytes/);
  });
});
