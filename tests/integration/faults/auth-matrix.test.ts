import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID, randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../server/src/app/start';
import { adminApi, request, isApiError, postJson } from '../../../bench/lib/api';
import { ActionAck } from '../../../shared/api/actions';
import { ROUTE_NAMES, apiRoutes, type RouteName } from '../../../shared/api/routes';
import { Snapshot } from '../../../shared/api/snapshot';
import { LiveMessage } from '../../../shared/api/feed';
import { z } from 'zod';
import { FAULT_SUITE_NOW, tempDataDir } from './support/fault-server';
import {
  AUTH_POLICY,
  BY_ACCESS,
  EXTRA_CASES,
  UNAUTHENTICATED,
  inAWeek,
  type Fixtures,
  type Who,
} from './support/auth-policy';

/**
 * Every route, every kind of caller: no token, a wrong token, a revoked token, the wrong role, another team's
 * supervisor, an agent reaching for another agent's data. The routes and who may call them come from the route
 * table (shared/api/routes.ts), which the server registers from and refuses to start without; the finer
 * refusals are in support/auth-policy.ts.
 */
const dir = tempDataDir('auth');
const ADMIN = `sk_${randomBytes(32).toString('base64url')}`;
let server: RunningServer;
let fixtures: Fixtures;
const tokens = new Map<Who, string | undefined>();

beforeAll(async () => {
  server = await startServer({
    dataDir: dir.path,
    port: 0,
    adminToken: ADMIN,
    scheduler: false,
    // The suite's fixed instant: the mission window and closing dates of the fixtures are dated from it.
    now: FAULT_SUITE_NOW,
    config: {
      authFailuresPerMinute: 1_000_000,
      zendeskSecret: 'zendesk-test-secret',
      freshdeskSecret: 'freshdesk-test-secret',
    },
  });
  const admin = adminApi(server.url, ADMIN);
  const teamA = await admin.createTeam({ name: 'Team A', timezone: 'Europe/Warsaw' });
  const teamB = await admin.createTeam({ name: 'Team B', timezone: 'America/Chicago' });
  const person = async (name: string, role: 'agent' | 'supervisor' | 'admin', teamIds: string[]) => {
    const p = await admin.createPerson({ name, role, teamIds });
    return { id: p.id, token: (await admin.createToken(p.id)).token };
  };
  const supA = await person('Sam Supervisor', 'supervisor', [teamA.id]);
  const supB = await person('Olga Other', 'supervisor', [teamB.id]);
  const A1 = await person('Ana Agent', 'agent', [teamA.id]);
  const A2 = await person('Ben Agent', 'agent', [teamA.id]);
  const B1 = await person('Oscar Other', 'agent', [teamB.id]);
  const peerSupA = await person('Pia Peer', 'supervisor', [teamA.id]);
  const adminInA = await person('Ada Admin', 'admin', [teamA.id]);
  const integration = await person('Helpdesk', 'admin', []);
  const ingest = await admin.createToken(integration.id, 'ingest');
  const revoked = await admin.createToken(A1.id);
  const revoke = await request(server.url, 'DELETE', `/api/admin/tokens/${revoked.id}`, { token: ADMIN });
  expect(revoke.status).toBe(204);
  const a2Spare = await admin.createToken(A2.id);

  const kudos = await postJson(
    ActionAck,
    server.url,
    apiRoutes.sendKudos.path,
    supA.token,
    { toPersonId: A1.id, value: 'Empathy', message: 'Lovely reply to a worried customer' },
    randomUUID(),
  );
  const card = await postJson(
    z.object({ id: z.string() }),
    server.url,
    apiRoutes.writeCoachingCard.path,
    supA.token,
    {
      agentId: A1.id,
      focusMetric: 'csatPct',
      current: '86%',
      potential: '92%',
      advice: 'Confirm the fix before closing.',
      tasks: [{ text: 'Shadow a senior on five calls', due: null }],
    },
  );
  const idea = await postJson(
    ActionAck,
    server.url,
    apiRoutes.submitIdea.path,
    A1.token,
    { title: 'A macro for refund status' },
    randomUUID(),
  );
  const consultation = await postJson(
    z.object({ id: z.string() }),
    server.url,
    apiRoutes.askTeam.path.replace(':teamId', teamA.id),
    supA.token,
    { question: 'Keep Friday lates?', kind: 'options', options: ['Keep', 'Rotate'], closesAt: inAWeek() },
  );
  // A1's growth plan, shared with their supervisor only (personPlan's rule: a teammate gets 404).
  await postJson(
    ActionAck,
    server.url,
    apiRoutes.savePlan.path,
    A1.token,
    {
      goal: { kind: 'role_here', text: 'Team lead' },
      skills: [],
      visibility: 'supervisor',
      nextCheckIn: null,
    },
    randomUUID(),
  );
  const state = Snapshot.parse((await request(server.url, 'GET', '/api/me/state', { token: A1.token })).body);
  const task = state.coaching.find((c) => c.id === card.id)?.tasks[0];
  if (!kudos.id || !idea.id || !task) throw new Error('fixtures incomplete');

  fixtures = {
    teamA: teamA.id,
    teamB: teamB.id,
    A1: A1.id,
    A2: A2.id,
    kudosToA1: kudos.id,
    cardOfA1: card.id,
    taskOfA1: task.id,
    ideaOfA1: idea.id,
    consultationOfA: consultation.id,
    tokenOfA2: a2Spare.id,
    peerSupA: peerSupA.id,
    adminInA: adminInA.id,
  };
  tokens.set('none', undefined);
  tokens.set('wrong', `sk_${randomBytes(32).toString('base64url')}`);
  tokens.set('revoked', revoked.token);
  tokens.set('admin', ADMIN);
  tokens.set('supA', supA.token);
  tokens.set('supB', supB.token);
  tokens.set('A1', A1.token);
  tokens.set('A2', A2.token);
  tokens.set('B1', B1.token);
  tokens.set('ingest', ingest.token);
}, 60_000);

afterAll(async () => {
  await server?.close();
  dir.dispose();
});

/** Routes a bearer token opens (not the open ones, the signed webhooks or the socket). */
const bearerRoutes = ROUTE_NAMES.filter((name) => {
  const route: { access: string; socket?: unknown } = apiRoutes[name];
  return !route.socket && route.access !== 'public' && route.access !== 'webhook';
});

async function call(name: RouteName, who: Who): Promise<{ status: number; body: unknown; text: string }> {
  const { method } = apiRoutes[name];
  const built = AUTH_POLICY[name].request?.(fixtures) ?? { path: apiRoutes[name].path };
  const path = built.query ? `${built.path}?${built.query}` : built.path;
  const token = tokens.get(who);
  const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
  if (typeof built.body === 'string')
    return request(server.url, method, path, {
      ...(token ? { token } : {}),
      rawBody: built.body,
      headers: { ...headers, 'content-type': 'text/csv' },
    });
  return request(server.url, method, path, {
    ...(token ? { token } : {}),
    ...(built.body !== undefined ? { body: built.body } : {}),
    headers,
  });
}

describe('auth on every route', () => {
  it('serves every route of the table, and refuses to start with a route that is not in it', async () => {
    const missing = ROUTE_NAMES.filter(
      (name) => !server.app.hasRoute({ method: apiRoutes[name].method, url: apiRoutes[name].path }),
    );
    expect(missing, 'table routes the server does not register').toEqual([]);
    expect(
      server.ctx.config.validateReplies,
      'replies checked (SIDEKICK_VALIDATE_REPLIES, vitest.config.ts)',
    ).toBe(true);
    const other = tempDataDir('auth-unlisted');
    try {
      await expect(
        startServer({
          dataDir: other.path,
          port: 0,
          scheduler: false,
          plugins: [(app) => void app.get('/api/unlisted', async () => ({ ok: true }))],
        }),
      ).rejects.toThrow('GET /api/unlisted is not in the route table');
    } finally {
      other.dispose();
    }
  });

  it('refuses every caller the policy denies, with the right status and a reason', async () => {
    const failures: string[] = [];
    for (const name of bearerRoutes) {
      const rule = AUTH_POLICY[name];
      const key = `${name} (${apiRoutes[name].method} ${apiRoutes[name].path})`;
      // No token, a wrong and a revoked one are refused everywhere; then who the access level leaves out; then the
      // action's own refusals.
      const denied = { ...UNAUTHENTICATED, ...BY_ACCESS[apiRoutes[name].access], ...rule.denied };
      for (const [who, statuses] of Object.entries(denied) as [Who, number[]][]) {
        const reply = await call(name, who);
        if (!statuses.includes(reply.status))
          failures.push(
            `${key} as ${who}: ${reply.status} (expected ${statuses.join('/')}) ${reply.text.slice(0, 160)}`,
          );
        else if (!isApiError(reply.body))
          failures.push(`${key} as ${who}: ${reply.status} without an ApiError body`);
      }
      if (rule.allowed) {
        const reply = await call(name, rule.allowed);
        if (reply.status === 401 || reply.status === 403)
          failures.push(`${key} as ${rule.allowed} should be let through, got ${reply.status}`);
      }
    }
    for (const extra of EXTRA_CASES) {
      const built = extra.request(fixtures);
      const token = tokens.get(extra.who);
      const reply = await request(server.url, extra.method, built.path, {
        ...(token ? { token } : {}),
        ...(built.body !== undefined ? { body: built.body } : {}),
        headers: { 'idempotency-key': randomUUID() },
      });
      if (!extra.status.includes(reply.status))
        failures.push(`${extra.name}: ${reply.status} (expected ${extra.status.join('/')})`);
    }
    expect(failures).toEqual([]);
  });

  it('a refused request changed nothing: A1 still has one unthanked kudos, an open task, a new idea, and the same role', async () => {
    const state = Snapshot.parse(
      (await request(server.url, 'GET', '/api/me/state', { token: tokens.get('A1') })).body,
    );
    expect(state.kudos.inbox.find((k) => k.id === fixtures.kudosToA1)?.thankedAt).toBeNull();
    expect(state.coaching.find((c) => c.id === fixtures.cardOfA1)?.tasks[0]?.doneAt).toBeNull();
    expect(state.coaching.find((c) => c.id === fixtures.cardOfA1)?.replies).toEqual([]);
    expect(state.ideas.find((i) => i.id === fixtures.ideaOfA1)?.status).toBe('new');
    expect(state.person.role).toBe('agent');
    expect(state.missions).toEqual([]);
  });

  it('a supervisor’s refused writes on a peer supervisor or an admin of their team stored nothing', async () => {
    const db = server.ctx.store.db;
    const targets = [fixtures.peerSupA, fixtures.adminInA];
    expect(await db.selectFrom('missions').select('id').where('agent_id', 'in', targets).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('coaching').select('id').where('agent_id', 'in', targets).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('timeline').select('id').where('agent_id', 'in', targets).execute()).toEqual(
      [],
    );
  });

  it('refuses unsigned vendor webhooks with 401', async () => {
    for (const path of ['/api/ingest/zendesk', '/api/ingest/freshdesk']) {
      const reply = await request(server.url, 'POST', path, {
        body: { ticket: { id: 1 } },
        token: tokens.get('A1'),
      });
      expect(reply.status, path).toBe(401);
      expect(isApiError(reply.body)).toBe(true);
    }
  });

  it('closes the live socket for a wrong, revoked or ingest token without sending a single entry', async () => {
    for (const who of ['wrong', 'revoked', 'ingest'] as Who[]) {
      const messages = await new Promise<unknown[]>((resolve, reject) => {
        const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/live`);
        const got: unknown[] = [];
        const timer = setTimeout(() => reject(new Error(`${who}: socket still open after 5 s`)), 5_000);
        socket.on('open', () =>
          socket.send(JSON.stringify({ kind: 'auth', token: tokens.get(who), after: 0 })),
        );
        socket.on('message', (d) => got.push(LiveMessage.parse(JSON.parse(String(d)))));
        socket.on('close', () => {
          clearTimeout(timer);
          resolve(got);
        });
        socket.on('error', () => undefined);
      });
      expect(messages.length, who).toBeGreaterThan(0);
      for (const m of messages) expect((m as { kind: string }).kind, who).toBe('error');
    }
  });
});
