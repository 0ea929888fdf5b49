import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../../shared/api/routes';
import { TeamCoaching } from '../../../shared/api/supervisor';
import type { Snapshot } from '../../../shared/api/snapshot';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { key, standardTeam } from './helpers/fixtures';

const coachingPath = (teamId: string) => fillPath(apiRoutes.teamCoaching.path, { teamId });

describe.each(DIALECTS)(
  'the supervisor’s side of coaching GET /api/teams/:teamId/coaching ($name)',
  (dialect) => {
    let t: TestServer;
    let team: Awaited<ReturnType<typeof standardTeam>>;
    let cardId: string;

    beforeAll(async () => {
      t = await startTestServer(dialect);
      team = await standardTeam(t.api);
      const card = await t.api<{ id: string }>('POST', apiRoutes.writeCoachingCard.path, {
        token: team.supervisor.token,
        body: {
          agentId: team.ana.id,
          focusMetric: 'csatPct',
          current: '84%',
          potential: '90%',
          advice: 'Confirm the fix with the customer before solving.',
          tasks: [{ text: 'Read the refund playbook' }, { text: 'Shadow Ben for an hour' }],
        },
      });
      expect(card.status).toBe(201);
      cardId = card.body.id;
      const state = await t.api<Snapshot>('GET', '/api/me/state', { token: team.ana.token });
      const taskId = state.body.coaching.find((c) => c.id === cardId)!.tasks[0]!.id;
      const tick = await t.api('POST', apiRoutes.tickTask.path, {
        token: team.ana.token,
        body: { cardId, taskId, done: true },
        headers: { 'idempotency-key': key() },
      });
      expect(tick.status).toBe(200);
      const reply = await t.api('POST', apiRoutes.replyCoaching.path, {
        token: team.ana.token,
        body: { cardId, text: 'Playbook read — the VAT part was new to me.' },
        headers: { 'idempotency-key': key() },
      });
      expect(reply.status).toBe(200);
    });
    afterAll(async () => t?.close());

    it('shows the team’s supervisor every agent with their cards, the tasks’ progress and the agent’s replies', async () => {
      const res = await t.api('GET', coachingPath(team.teamId), { token: team.supervisor.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const coaching = TeamCoaching.parse(res.body);
      expect(coaching.agents.map((a) => a.name)).toEqual(['Ana Agent', 'Ben Agent']);
      const [card] = coaching.agents[0]!.cards;
      expect(card!.id).toBe(cardId);
      expect(card!.authorId).toBe(team.supervisor.id);
      expect(card!.tasks.map((task) => task.doneAt !== null)).toEqual([true, false]);
      expect(card!.replies.map((r) => [r.authorName, r.text])).toEqual([
        ['Ana Agent', 'Playbook read — the VAT part was new to me.'],
      ]);
      expect(coaching.agents[1]!.cards).toEqual([]);
    });

    it('lets admins read it, and refuses agents and other teams’ supervisors with 403', async () => {
      expect((await t.api('GET', coachingPath(team.teamId))).status).toBe(200);
      expect((await t.api('GET', coachingPath(team.teamId), { token: team.ana.token })).status).toBe(403);
      const other = await t.api<{ error: string }>('GET', coachingPath(team.teamId), {
        token: team.otherSupervisor.token,
      });
      expect(other.status).toBe(403);
      expect(other.body.error).toBe('forbidden');
      expect((await t.api('GET', coachingPath('no-such-team'))).status).toBe(404);
    });
  },
);
