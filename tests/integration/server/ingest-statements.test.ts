import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { IngestResult } from '../../../shared/api/ingest';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, createTeam, ticketStory } from './helpers/fixtures';

/**
 * Issue 15: on PostgreSQL an ingest batch costs a constant number of statements (multi-row reads and upserts),
 * not a few per agent it touches. Counted at the driver (this file's worker only): a batch touching 60 agents
 * issues no more statements than one touching 10, give or take the odd achievement's few.
 */
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const POSTGRES = DIALECTS.filter((d) => d.name === 'postgres');

describe.each(POSTGRES)('statements per ingest batch ($name)', (dialect) => {
  let t: TestServer;
  const handles: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: '2026-11-08T12:00:00Z' });
    const teamId = await createTeam(t.api);
    for (let i = 0; i < 60; i++) {
      handles.push(`zendesk:${1000 + i}`);
      await createPerson(t.api, { name: `Agent ${i}`, teamIds: [teamId], handles: [handles[i]!] });
    }
  });
  afterAll(async () => t?.close());

  async function statementsFor(agents: number, round: number): Promise<number> {
    const events = handles
      .slice(0, agents)
      .flatMap((h, i) => ticketStory(h, `R${round}-${i}`, `2026-11-0${3 + (round % 4)}T09:00:00Z`));
    statements = 0;
    const res = await t.api<IngestResult>('POST', '/api/ingest/events', { body: { events } });
    expect(res.body.accepted).toBe(events.length);
    return statements;
  }

  it('does not grow with the agents a batch touches', async () => {
    // A first batch for everyone: every agent's tallies are built, first achievements recorded.
    await statementsFor(60, 0);
    const few = Math.max(await statementsFor(10, 1), await statementsFor(10, 2));
    const many = Math.min(await statementsFor(60, 3), await statementsFor(60, 4));
    expect(few).toBeGreaterThan(0);
    expect(many).toBeLessThanOrEqual(few + 8);
  });
});
