import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { standardTeam } from './helpers/fixtures';

interface Refusal {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

describe.each(DIALECTS)('impossible missions are refused with a 400 saying why ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  // TEST_NOW is Wednesday 11 March 2026, noon UTC.
  const week = { start: '2026-03-09T00:00:00.000Z', end: '2026-03-16T00:00:00.000Z' };
  const assign = (spec: Record<string, unknown>) =>
    t.api<Refusal>('POST', '/api/supervisor/missions', {
      token: team.supervisor.token,
      body: {
        agentIds: [team.ana.id],
        spec: {
          title: 'A mission',
          metric: 'solved',
          comparator: 'atLeast',
          target: 10,
          window: week,
          ...spec,
        },
      },
    });
  const refusedWith = async (spec: Record<string, unknown>, path: string, words: RegExp) => {
    const res = await assign(spec);
    expect(res.status).toBe(400);
    expect(res.body.issues?.map((i) => i.path)).toContain(path);
    expect(res.body.issues?.find((i) => i.path === path)?.message).toMatch(words);
    expect(res.body.message).toMatch(words);
  };

  it('"0 of -5 solved": a count target below 1', async () => {
    await refusedWith({ target: -5 }, 'spec.target', /whole number of tickets, 1 or more \(got -5\)/);
    await refusedWith({ target: 0 }, 'spec.target', /1 or more \(got 0\)/);
    await refusedWith({ target: 2.5 }, 'spec.target', /whole number/);
  });

  it('CSAT 150%: a percentage above 100, as a target or a guardrail', async () => {
    await refusedWith(
      { metric: 'csatPct', target: 150 },
      'spec.target',
      /percentage from 0 to 100 \(got 150\)/,
    );
    await refusedWith(
      { guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 150 }] },
      'spec.guardrails.0.threshold',
      /percentage from 0 to 100/,
    );
    await refusedWith(
      { metric: 'frtAvgMinutes', comparator: 'atMost', target: 0, minSample: 5 },
      'spec.target',
      /minutes above 0/,
    );
  });

  it('a window that ends before it starts, one far too long, and one already over', async () => {
    await refusedWith(
      { window: { start: week.end, end: week.start } },
      'spec.window',
      /must end after it starts/,
    );
    await refusedWith(
      { window: { start: week.start, end: '2027-03-09T00:00:00.000Z' } },
      'spec.window',
      /at most 92 days/,
    );
    await refusedWith(
      { window: { start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z' } },
      'spec.window',
      /already passed/,
    );
  });

  it('a minimum sample that is not a whole number from 1 to 1000, and nothing was stored', async () => {
    await refusedWith(
      { metric: 'csatPct', target: 90, minSample: 0 },
      'spec.minSample',
      /1 to 1000 \(got 0\)/,
    );
    const stored = await t.server.ctx.store.db
      .selectFrom('missions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
    expect((await assign({})).status).toBe(201);
  });
});
