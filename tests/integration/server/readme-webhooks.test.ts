import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { ZENDESK_TEST_SECRET, zendeskSigned } from './helpers/zendesk-webhook';

const FRESHDESK_SECRET = 'freshdesk-shared-secret-for-the-readme-0123456789';
const README = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

/** The JSON block that follows `<!-- sample:NAME -->` in the README, exactly as a reader would copy it. */
function sample(name: string): string {
  const marker = README.indexOf(`<!-- sample:${name} -->`);
  if (marker === -1) throw new Error(`README has no sample:${name}`);
  const match = /```json\n([\s\S]*?)\n```/.exec(README.slice(marker));
  if (!match?.[1]) throw new Error(`README sample:${name} has no json block`);
  return match[1];
}

/** The README's webhook section promises each sample is accepted as it is, signed as the recipe says. */
describe.each(DIALECTS)("the README's webhook samples and signing recipes ($name)", (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, {
      config: { zendeskSecret: ZENDESK_TEST_SECRET, freshdeskSecret: FRESHDESK_SECRET },
    });
  });
  afterAll(async () => t?.close());

  it('Zendesk: the sample, signed with HMAC-SHA256 over timestamp + body, stores the reply; unsigned is 401', async () => {
    const body = sample('zendesk');
    const res = await t.api('POST', '/api/ingest/zendesk', {
      raw: body,
      headers: zendeskSigned(body),
      token: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, rejected: [], ignored: [] });
    const unsigned = await t.api('POST', '/api/ingest/zendesk', {
      raw: body,
      headers: { 'content-type': 'application/json' },
      token: null,
    });
    expect(unsigned.status).toBe(401);
  });

  it('Freshdesk: the sample with the X-Sidekick-Secret header stores the rating; a wrong secret is 401', async () => {
    const body = sample('freshdesk');
    const headers = { 'content-type': 'application/json', 'x-sidekick-secret': FRESHDESK_SECRET };
    const res = await t.api('POST', '/api/ingest/freshdesk', { raw: body, headers, token: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, rejected: [], ignored: [] });
    const wrong = await t.api('POST', '/api/ingest/freshdesk', {
      raw: body,
      headers: { ...headers, 'x-sidekick-secret': 'not-it' },
      token: null,
    });
    expect(wrong.status).toBe(401);
  });

  it('generic: the sample with an ingest token stores every event once', async () => {
    const person = await t.api<{ id: string }>('POST', '/api/admin/people', {
      body: { name: 'Legacy bridge', role: 'agent', teamIds: [] },
    });
    const token = await t.api<{ token: string }>('POST', `/api/admin/people/${person.body.id}/tokens`, {
      body: { kind: 'ingest', label: 'readme' },
    });
    const body = sample('generic');
    const send = () =>
      t.api('POST', '/api/ingest/events', {
        raw: body,
        headers: { 'content-type': 'application/json' },
        token: token.body.token,
      });
    expect((await send()).body).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    expect((await send()).body).toEqual({ accepted: 0, duplicates: 4, rejected: [] });
    const anonymous = await t.api('POST', '/api/ingest/events', {
      raw: body,
      headers: { 'content-type': 'application/json' },
      token: null,
    });
    expect(anonymous.status).toBe(401);
  });
});
