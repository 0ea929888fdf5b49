import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorReplies } from '../../../server/src/http/error-replies';
import { registerReplyChecks, replyProblem } from '../../../server/src/http/reply-check';

const json = 'application/json; charset=utf-8';
const team = {
  id: 't1',
  name: 'Care Crew',
  timezone: 'Europe/Warsaw',
  dailyGoal: { minSatisfied: 1, minSolved: 0, noGuardrailBroken: true },
  schedule: { '1': { start: '09:00', end: '17:00' } },
  createdAt: '2026-03-02T10:00:00.000Z',
};

describe('replies are checked against the route table', () => {
  it('accepts what the table promises, for successes, named other statuses and errors', () => {
    expect(replyProblem('GET', '/api/admin/teams', 200, json, JSON.stringify({ teams: [team] }))).toBeNull();
    expect(
      replyProblem('GET', '/healthz', 503, json, '{"ok":false,"database":"sqlite","status":"unreachable"}'),
    ).toBeNull();
    expect(replyProblem('DELETE', '/api/admin/tokens/:id', 204, undefined, '')).toBeNull();
    const error = JSON.stringify({ error: 'forbidden', message: 'Only admins may do this.' });
    expect(replyProblem('GET', '/api/admin/teams', 403, json, error)).toBeNull();
    expect(replyProblem('GET', undefined, 404, json, error)).toBeNull();
  });

  it('names what breaks it', () => {
    expect(
      replyProblem('GET', '/api/admin/teams', 200, json, JSON.stringify({ teams: [{ id: 't1' }] })),
    ).toMatch(
      /^GET \/api\/admin\/teams → 200: the reply does not match shared\/api\/routes.ts at teams\.0\.name/,
    );
    expect(replyProblem('GET', '/api/admin/teams', 400, json, '{"message":"no code"}')).toMatch(/at error/);
    expect(replyProblem('DELETE', '/api/admin/tokens/:id', 204, undefined, '{}')).toMatch(/promises no body/);
    expect(replyProblem('GET', '/healthz', 200, json, 'not json')).toMatch(/not JSON/);
  });

  it('turns a reply that breaks the contract into a 500, so the test that caused it fails', async () => {
    const app = Fastify();
    registerErrorReplies(app);
    registerReplyChecks(app);
    app.get('/api/admin/teams', async () => ({ teams: [{ id: 't1' }] }));
    app.get('/healthz', async () => ({ ok: true, database: 'sqlite', status: 'up' }));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect((await app.inject({ method: 'GET', url: '/api/admin/teams' })).statusCode).toBe(500);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      console.error = quiet;
      await app.close();
    }
  });
});
