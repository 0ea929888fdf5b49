import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import type { ActionAck } from '../../../shared/api/actions';
import type { FeedPage } from '../../../shared/api/feed';
import type { TeamOverview } from '../../../shared/api/supervisor';
import { apiRoutes, fillPath } from '../../../shared/api/routes';
import { DIALECTS, TEST_NOW, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, key, standardTeam } from './helpers/fixtures';

const HOUR = 3_600_000;

describe.each(DIALECTS)('asked before change: consultations ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  let cleo: Awaited<ReturnType<typeof createPerson>>;
  /** The server's clock, moved by the tests past a closing date. */
  let nowMs = Date.parse(TEST_NOW);
  const closesAt = new Date(Date.parse(TEST_NOW) + 48 * HOUR).toISOString();

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: () => new Date(nowMs) });
    team = await standardTeam(t.api);
    cleo = await createPerson(t.api, { name: 'Cleo Agent', teamIds: [team.teamId] });
  });
  afterAll(async () => t?.close());

  const state = async (token: string) => (await t.api<Snapshot>('GET', '/api/me/state', { token })).body;
  const overview = async () =>
    (
      await t.api<TeamOverview>('GET', `/api/teams/${team.teamId}/overview`, {
        token: team.supervisor.token,
      })
    ).body;
  const ask = (body: Record<string, unknown>, token = team.supervisor.token, teamId = team.teamId) =>
    t.api<{ id: string }>('POST', fillPath(apiRoutes.askTeam.path, { teamId }), { token, body });
  const answer = (token: string, body: Record<string, unknown>, k = key()) =>
    t.api<ActionAck>('POST', apiRoutes.answerConsultation.path, {
      token,
      body,
      headers: { 'idempotency-key': k },
    });
  const decide = (id: string, body: Record<string, unknown>, token = team.supervisor.token) =>
    t.api<{ id: string }>('POST', fillPath(apiRoutes.decideConsultation.path, { consultationId: id }), {
      token,
      body,
    });

  it('only the team’s supervisor asks, with 2–8 options and a closing date in the future', async () => {
    const body = { question: 'Friday lates?', kind: 'options', options: ['Keep', 'Rotate'], closesAt };
    expect((await ask(body, team.ana.token)).status).toBe(403);
    expect((await ask(body, team.otherSupervisor.token)).status).toBe(403);
    const oneOption = await ask({ ...body, options: ['Keep'] });
    expect(oneOption.status).toBe(400);
    const past = await ask({ ...body, closesAt: new Date(nowMs - HOUR).toISOString() });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('closesAt');
  });

  it('an anonymous answer leaves no stored value that links it to its author', async () => {
    const asked = await ask({
      question: 'Should Friday lates rotate?',
      kind: 'options',
      options: ['Keep as is', 'Rotate weekly', 'Drop them'],
      anonymous: true,
      closesAt,
    });
    expect(asked.status).toBe(201);
    const id = asked.body.id;
    expect((await state(team.ana.token)).consultations.find((c) => c.id === id)).toMatchObject({
      answered: false,
      anonymous: true,
      publishedResults: null,
    });
    const k = key();
    const comment = 'Rotate, my kids have football on Fridays';
    const first = await answer(team.ana.token, { consultationId: id, optionId: 'o2', text: comment }, k);
    expect(first.status).toBe(200);
    // A replay is a duplicate; a second answer under a new key is refused.
    expect(
      (await answer(team.ana.token, { consultationId: id, optionId: 'o2', text: comment }, k)).body,
    ).toMatchObject({ duplicate: true });
    expect((await answer(team.ana.token, { consultationId: id, optionId: 'o1' })).status).toBe(409);
    expect((await answer(team.otherAgent.token, { consultationId: id, optionId: 'o1' })).status).toBe(404);
    expect((await answer(team.ben.token, { consultationId: id, optionId: 'o9' })).status).toBe(422);

    // Every row the answer touched or wrote: none holds Ana's id next to what she said, or a time.
    const db = t.server.ctx.store.db;
    const tally = await db
      .selectFrom('consultation_tallies')
      .selectAll()
      .where('consultation_id', '=', id)
      .execute();
    expect(tally).toHaveLength(1);
    expect(Object.keys(tally[0]!)).toEqual(expect.arrayContaining(['consultation_id', 'body']));
    expect(Object.keys(tally[0]!)).toHaveLength(2);
    expect(tally[0]!.body).toContain(comment);
    expect(tally[0]!.body).not.toContain(team.ana.id);
    expect(tally[0]!.body).not.toMatch(/\d{4}-\d\d-\d\dT/);
    const participants = await db
      .selectFrom('consultation_participants')
      .selectAll()
      .where('consultation_id', '=', id)
      .execute();
    expect(participants).toEqual([{ consultation_id: id, person_id: team.ana.id }]);
    expect(
      await db
        .selectFrom('consultation_named_answers')
        .selectAll()
        .where('consultation_id', '=', id)
        .execute(),
    ).toEqual([]);
    const stored = await db
      .selectFrom('consultations')
      .select('body')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(comment);
    expect(stored.body).not.toContain(team.ana.id);
    // The answer's idempotency row is the anonymous kind (as for anonymous ideas): it does not name Ana, is not
    // stored under the key she sent, and remembers no result.
    expect(await db.selectFrom('idempotency').selectAll().where('key', '=', k).execute()).toEqual([]);
    const idem = await db
      .selectFrom('idempotency')
      .selectAll()
      .where('action', '=', 'answerConsultation')
      .executeTakeFirstOrThrow();
    expect(idem.person_id).not.toBe(team.ana.id);
    expect(idem.result_id).toBeNull();
    const feedRows = await db.selectFrom('feed').select(['person_id', 'payload']).execute();
    expect(feedRows.filter((r) => r.payload.includes(comment))).toEqual([]);
    expect(feedRows.filter((r) => r.payload.includes('"o2":1'))).toEqual([]);
    // Ana sees that she answered, and nothing of the tally while it is open.
    const mine = (await state(team.ana.token)).consultations.find((c) => c.id === id);
    expect(mine).toMatchObject({ answered: true, publishedResults: null });

    // With one answer the supervisor sees the count only: below the minimum, results are withheld.
    const early = (await overview()).consultations.find((c) => c.id === id)!;
    expect(early.results).toMatchObject({ answers: 1, withheld: true, texts: [] });
    expect(early.namedAnswers).toEqual([]);
    expect(early.teamAgents).toBe(3);
    await answer(team.ben.token, { consultationId: id, optionId: 'o2', text: '' });
    await answer(cleo.token, { consultationId: id, optionId: 'o1', text: 'Keep it' });
    const full = (await overview()).consultations.find((c) => c.id === id)!;
    expect(full.results.withheld).toBe(false);
    expect(full.results.options.map((o) => o.count)).toEqual([1, 2, 0]);
    expect(full.results.texts).toEqual(['Keep it', comment].sort());
    expect(full.namedAnswers).toEqual([]);
  });

  it('the supervisor must close the loop once; every participant sees the decision and the results', async () => {
    const asked = await ask({
      question: 'Which refund macro wording?',
      kind: 'text',
      closesAt,
    });
    const id = asked.body.id;
    await answer(team.ana.token, { consultationId: id, text: 'Shorter, and say when the money arrives' });
    const named = (await overview()).consultations.find((c) => c.id === id)!;
    expect(named.namedAnswers).toMatchObject([{ personId: team.ana.id, name: 'Ana Agent' }]);
    expect((await decide(id, { decided: 'Shorter wording', why: 'You asked' }, team.ana.token)).status).toBe(
      403,
    );
    expect(
      (await decide(id, { decided: 'Shorter wording', why: 'You asked' }, team.otherSupervisor.token)).status,
    ).toBe(403);
    expect((await decide(id, { decided: 'Shorter wording', why: '' })).status).toBe(400);

    // Past the closing date answers are refused and the question waits for its decision.
    nowMs = Date.parse(closesAt) + HOUR;
    expect((await answer(team.ben.token, { consultationId: id, text: 'Late' })).status).toBe(422);
    const before = (
      await t.api<FeedPage>('GET', '/api/me/feed?after=0&limit=1000', { token: team.ana.token })
    ).body.cursor;
    const decided = await decide(id, {
      decided: 'The macro gets the shorter wording with the payout date',
      why: 'Everyone who answered asked for it',
    });
    expect(decided.status).toBe(200);
    expect((await decide(id, { decided: 'Again', why: 'Again' })).status).toBe(409);
    const feed = await t.api<FeedPage>('GET', `/api/me/feed?after=${before}`, { token: team.ana.token });
    const entry = feed.body.entries.find((e) => e.type === 'consultation.upserted');
    expect(entry?.payload).toMatchObject({
      id,
      answered: true,
      decision: { decided: 'The macro gets the shorter wording with the payout date' },
      publishedResults: { answers: 1, withheld: false, texts: ['Shorter, and say when the money arrives'] },
    });
    // Published results are aggregates: no names, even for a named consultation.
    expect(JSON.stringify(entry?.payload)).not.toContain(team.ana.id);
    const ben = (await state(team.ben.token)).consultations.find((c) => c.id === id);
    expect(ben).toMatchObject({ answered: false, decision: { why: 'Everyone who answered asked for it' } });
    // Another team never sees it.
    expect((await state(team.otherAgent.token)).consultations.map((c) => c.id)).not.toContain(id);
  });
});
