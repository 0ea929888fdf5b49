import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createAdminCalls, queryString } from '../../../shared/sync/admin-calls';
import { createServerApi, RawBody, type SyncClient } from '../../../shared/sync';
import type { HttpRequestInit } from '../../../shared/sync';
import { apiRoutes } from '../../../shared/api/routes';

/** A client that records what the admin calls ask it to send, and answers with a fixed body. */
function recordingClient(answer: unknown) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const client = {
    request: async (method: string, path: string, body: unknown, schema: z.ZodType) => {
      sent.push({ method, path, body });
      return schema.parse(answer);
    },
  } as unknown as SyncClient;
  return { sent, calls: createAdminCalls(() => client) };
}

describe('admin calls', () => {
  it('take method and path from the route table, with ids encoded and the query built from defined fields', async () => {
    const { sent, calls } = recordingClient({ people: [] });
    await calls.listPeople({ claimed: 'false' });
    await calls.listPeople({});
    expect(sent).toEqual([
      { method: 'GET', path: '/api/admin/people?claimed=false', body: undefined },
      { method: 'GET', path: '/api/admin/people', body: undefined },
    ]);
    expect(queryString({ a: 'x y', b: undefined, c: 'ä&=' })).toBe('?a=x%20y&c=%C3%A4%26%3D');
  });

  it('send a merge preview as a GET with the target in the query, and a path id that cannot add a segment', async () => {
    const preview = {
      fromPersonId: 'a/b',
      intoPersonId: 'c',
      handles: [],
      events: 0,
      kudos: 0,
      allowed: true,
      reason: null,
    };
    const { sent, calls } = recordingClient(preview);
    await calls.mergePreview('a/b', 'c');
    expect(sent[0]).toEqual({ method: 'GET', path: '/api/admin/people/a%2Fb/merge?into=c', body: undefined });
    expect(apiRoutes.mergePreview.method).toBe('GET');
  });

  it('answer nothing for a 204 (revoke) whatever the body', async () => {
    const { sent, calls } = recordingClient('');
    await expect(calls.revokeToken('tok-1')).resolves.toBeUndefined();
    expect(sent[0]).toMatchObject({ method: 'DELETE', path: '/api/admin/tokens/tok-1' });
  });

  it('send a history file as the raw body with its content type, the mapping in the query', async () => {
    const reply = {
      records: 1,
      events: 1,
      accepted: 1,
      duplicates: 0,
      rejectedCount: 0,
      rejected: [],
      recordsWithoutEvents: 0,
      seconds: 0.1,
      recomputed: true,
    };
    const { sent, calls } = recordingClient(reply);
    await calls.importHistory({ mapping: 'zendesk', format: 'jsonl' }, '{"id":1}\n', 'application/x-ndjson');
    expect(sent[0]?.path).toBe('/api/admin/import?mapping=zendesk&format=jsonl');
    expect(sent[0]?.body).toBeInstanceOf(RawBody);

    // The REST layer sends a RawBody as it is, not as JSON.
    const inits: HttpRequestInit[] = [];
    const api = createServerApi(
      async (_url, init) => {
        inits.push(init);
        return { ok: true, status: 200, text: async () => JSON.stringify(reply) };
      },
      'http://127.0.0.1:1',
      'sk_token',
    );
    await api.call('POST', '/api/admin/import?mapping=zendesk', sent[0]?.body, apiRoutes.importHistory.reply);
    expect(inits[0]?.body).toBe('{"id":1}\n');
    expect(inits[0]?.headers['content-type']).toBe('application/x-ndjson');
  });
});
