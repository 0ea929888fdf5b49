import { expect } from 'vitest';
import type { ConnectionRecord } from '../../../shared/api/connections';
import type { AgentMetrics } from '../../../shared/domain/metrics-model';
import type { TestServer } from '../server/helpers/test-server';
import { syncConnection, type SyncOutcome } from '../../../server/src/connectors/sync-connection';
import { ingestEvents } from '../../../server/src/ingest/ingest-service';
import { WINDOW } from './scenario';

/** One poll of the connection, in-process (what the scheduler's job does), with short 5xx backoffs. */
export const pollOnce = (t: TestServer, id: string): Promise<SyncOutcome> =>
  syncConnection(t.server.ctx, id, { ingest: ingestEvents, tuning: { backoffMs: 20 } });

export async function connection(t: TestServer, id: string): Promise<ConnectionRecord> {
  const res = await t.api<ConnectionRecord>('GET', `/api/admin/connections/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

export async function personByHandle(t: TestServer, handle: string) {
  const res = await t.api<{ people: { id: string; name: string; claimed: boolean; handles: string[] }[] }>(
    'GET',
    `/api/admin/people?handle=${encodeURIComponent(handle)}`,
  );
  expect(res.status).toBe(200);
  const [person] = res.body.people;
  if (!person) throw new Error(`no person with ${handle}`);
  return person;
}

export async function metricsOf(t: TestServer, personId: string): Promise<AgentMetrics> {
  const res = await t.api<AgentMetrics>('GET', `/api/people/${personId}/metrics?${WINDOW}`);
  expect(res.status).toBe(200);
  return res.body;
}

export async function storedEvents(t: TestServer, source: string) {
  return t.server.ctx.store.db
    .selectFrom('events')
    .select(['external_id', 'type', 'agent_id', 'ticket_id', 'at'])
    .where('source', '=', source)
    .orderBy('external_id')
    .execute();
}
