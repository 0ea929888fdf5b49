import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../../shared/api/routes';
import {
  ImpactSummary,
  ImprovementBoard,
  RecognitionSettings,
  ToughDaySuggestions,
} from '../../../shared/domain/recognition-model';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, key, standardTeam, ticketStory, type Person } from './helpers/fixtures';

const boardPath = (teamId: string) => fillPath(apiRoutes.improvementBoard.path, { teamId });
const toughPath = (teamId: string) => fillPath(apiRoutes.toughDays.path, { teamId });

/** `satisfied` of `rated` ratings for one agent handle, one ticket each, from `day` on at one-hour steps. */
function ratings(handle: string, prefix: string, day: string, satisfied: number, rated: number) {
  return Array.from({ length: rated }, (_, i) => ({
    type: 'csat_rated',
    source: 'zendesk',
    externalId: `${prefix}-${i}:csat`,
    ticketId: `${prefix}-${i}`,
    agent: handle,
    at: new Date(Date.parse(`${day}T08:00:00Z`) + i * 3_600_000).toISOString(),
    satisfied: i < satisfied,
    originalScore: i < satisfied ? 'good' : 'bad',
  }));
}

describe.each(DIALECTS)('recognition that reaches everyone ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;
  let cara: Person;
  let dev: Person;
  const ingest = async (events: unknown[]) => {
    const res = await t.api<{ rejected: unknown[] }>('POST', '/api/ingest/events', { body: { events } });
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([]);
  };
  const optIn = async (who: Person, boardOptIn: boolean) => {
    const res = await t.api('POST', apiRoutes.updateRecognitionSettings.path, {
      token: who.token,
      body: { boardOptIn },
    });
    expect(res.status).toBe(200);
    expect(RecognitionSettings.parse(res.body)).toEqual({ boardOptIn });
  };
  /** `undefined` asks as the admin. */
  const board = async (token: string | undefined) => {
    const res = await t.api('GET', boardPath(team.teamId), { token });
    expect(res.status).toBe(200);
    return { board: ImprovementBoard.parse(res.body), text: JSON.stringify(res.body) };
  };

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
    cara = await createPerson(t.api, {
      name: 'Cara Agent',
      teamIds: [team.teamId],
      handles: ['zendesk:103'],
    });
    dev = await createPerson(t.api, { name: 'Dev Agent', teamIds: [team.teamId], handles: ['zendesk:104'] });
    // Baseline (Dec–Feb) and this month (March, before the server's 2026-03-11 clock), 10 ratings each:
    // Ana 50% → 90% (+40), Ben 80% → 90% (+10), Cara 50% → 100% (+50, never opted in), Dev 90% → 80% (−10).
    await ingest([
      ...ratings('zendesk:101', 'ana-b', '2026-02-02', 5, 10),
      ...ratings('zendesk:101', 'ana-m', '2026-03-02', 9, 10),
      ...ratings('zendesk:102', 'ben-b', '2026-01-12', 8, 10),
      ...ratings('zendesk:102', 'ben-m', '2026-03-03', 9, 10),
      ...ratings('zendesk:103', 'cara-b', '2026-02-03', 5, 10),
      ...ratings('zendesk:103', 'cara-m', '2026-03-04', 10, 10),
      ...ratings('zendesk:104', 'dev-b', '2026-02-04', 9, 10),
      ...ratings('zendesk:104', 'dev-m', '2026-03-05', 8, 10),
    ]);
  });
  afterAll(async () => t?.close());

  it('is off until a person opts in, and stores the choice', async () => {
    const res = await t.api('GET', apiRoutes.recognitionSettings.path, { token: team.ana.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(RecognitionSettings.parse(res.body)).toEqual({ boardOptIn: false });
    await optIn(team.ana, true);
    await optIn(team.ana, true);
    const again = await t.api('GET', apiRoutes.recognitionSettings.path, { token: team.ana.token });
    expect(again.body).toEqual({ boardOptIn: true });
    const bad = await t.api<{ error: string }>('POST', apiRoutes.updateRecognitionSettings.path, {
      token: team.ana.token,
      body: { boardOptIn: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBeTruthy();
  });

  it('ranks by improvement against each one’s own baseline, shows only the top part and never the bottom', async () => {
    await optIn(team.ana, true);
    await optIn(team.ben, true);
    await optIn(dev, true);
    const seen = await board(team.ana.token);
    expect(seen.board.visible).toBe(true);
    expect(seen.board.month).toBe('2026-03');
    // Three measured, so at most one is shown: Ana (+40). Ben (+10) and Dev (−10, the bottom) are not.
    expect(seen.board.entries.map((e) => [e.rank, e.name, e.points, e.baselinePct, e.monthPct])).toEqual([
      [1, 'Ana Agent', 40, 50, 90],
    ]);
    expect(seen.board.you).toEqual({
      improvement: { status: 'measured', points: 40, monthPct: 90, baselinePct: 50 },
      shown: true,
    });
    const asDev = await board(dev.token);
    expect(asDev.board.entries.map((e) => e.name)).toEqual(['Ana Agent']);
    expect(asDev.board.you).toMatchObject({ shown: false, improvement: { points: -10 } });
    expect(asDev.text).not.toContain(team.ben.id);
    // The supervisor sees the same entries, no more, and no standing of their own.
    const asSupervisor = await board(team.supervisor.token);
    expect(asSupervisor.board.entries).toEqual(seen.board.entries);
    expect(asSupervisor.board.you).toBeNull();
  });

  it('never shows a person who did not opt in, in any board response, for any caller', async () => {
    const callers = [team.ana, team.ben, cara, dev, team.supervisor];
    for (const caller of [...callers.map((c) => c.token), undefined]) {
      const { board: b, text } = await board(caller);
      expect(text).not.toContain(cara.id);
      expect(text).not.toContain('Cara');
      expect(b.entries.every((e) => e.personId !== cara.id)).toBe(true);
    }
    // Cara herself, not opted in, sees nothing of anyone.
    const own = await board(cara.token);
    expect(own.board).toMatchObject({ visible: false, entries: [], you: null });
    expect(own.text).not.toContain('Ana');
    // Other teams' people are refused.
    for (const outsider of [team.otherAgent, team.otherSupervisor])
      expect((await t.api('GET', boardPath(team.teamId), { token: outsider.token })).status).toBe(403);
    expect((await t.api('GET', boardPath('no-such-team'))).status).toBe(404);
  });

  it('takes a person on and off the board with their choice', async () => {
    await optIn(cara, true);
    // Now four measured, two may be shown: Cara (+50) and Ana (+40).
    const on = await board(team.supervisor.token);
    expect(on.board.entries.map((e) => [e.rank, e.name])).toEqual([
      [1, 'Cara Agent'],
      [2, 'Ana Agent'],
    ]);
    await optIn(cara, false);
    const off = await board(team.ana.token);
    expect(off.text).not.toContain(cara.id);
    expect(off.board.entries.map((e) => e.name)).toEqual(['Ana Agent']);
  });

  it('sums up the month’s impact with the customers’ own words and tough tickets turned around', async () => {
    await ingest([
      ...ticketStory('zendesk:101', 'imp-1', '2026-03-09T08:00:00Z', { comment: 'Ana fixed it in minutes!' }),
      ...ticketStory('zendesk:101', 'imp-2', '2026-03-10T08:00:00Z', { comment: 'So kind and patient.' }),
      ...ticketStory('zendesk:101', 'imp-3', '2026-03-06T08:00:00Z', { satisfied: false }),
      {
        type: 'ticket_solved',
        source: 'zendesk',
        externalId: 'imp-3:solved-again',
        ticketId: 'imp-3',
        agent: 'zendesk:101',
        at: '2026-03-07T09:00:00Z',
      },
    ]);
    const res = await t.api('GET', apiRoutes.myImpact.path, { token: team.ana.token });
    expect(res.status).toBe(200);
    const impact = ImpactSummary.parse(res.body);
    expect(impact.month).toBe('2026-03');
    expect(impact.helped).toBe(3);
    expect(impact.thanked).toBe(2);
    expect(impact.words.map((w) => w.text)).toEqual(['So kind and patient.', 'Ana fixed it in minutes!']);
    expect(impact.turnedAround).toEqual([{ ticketId: 'imp-3', at: '2026-03-07T09:00:00.000Z' }]);
    // Only one's own: Ben's impact has none of Ana's words.
    const ben = ImpactSummary.parse(
      (await t.api('GET', apiRoutes.myImpact.path, { token: team.ben.token })).body,
    );
    expect(ben.words).toEqual([]);
    expect((await t.api('GET', apiRoutes.myImpact.path)).status).toBe(403);
  });

  it('suggests a tough day to the supervisor as a reason for kudos, until kudos recognise it', async () => {
    const tough = ['t-1', 't-2', 't-3'].flatMap((ticketId, i) => [
      {
        type: 'csat_rated',
        source: 'zendesk',
        externalId: `${ticketId}:angry`,
        ticketId,
        agent: 'zendesk:102',
        at: `2026-03-10T0${7 + i}:00:00Z`,
        satisfied: false,
        originalScore: 'bad',
      },
      {
        type: 'ticket_solved',
        source: 'zendesk',
        externalId: `${ticketId}:solved`,
        ticketId,
        agent: 'zendesk:102',
        at: `2026-03-10T1${i}:00:00Z`,
        ...(i === 2 ? { customerAbusive: true } : {}),
      },
    ]);
    await ingest(tough);
    const res = await t.api('GET', toughPath(team.teamId), { token: team.supervisor.token });
    expect(res.status).toBe(200);
    const { suggestions } = ToughDaySuggestions.parse(res.body);
    expect(suggestions.map((s) => [s.name, s.date, s.contacts, s.unhappy, s.abusive])).toEqual([
      ['Ben Agent', '2026-03-10', 3, 3, 1],
    ]);
    expect(suggestions[0]!.reason).toBe(
      'Ben handled 3 tough customers to the end on Tuesday 10 March (3 unhappy, 1 abusive).',
    );
    expect(suggestions[0]!.kudos.value).toBe('Tough customer');
    // Agents never see it; other teams' supervisors neither.
    expect((await t.api('GET', toughPath(team.teamId), { token: team.ben.token })).status).toBe(403);
    expect((await t.api('GET', toughPath(team.teamId), { token: team.otherSupervisor.token })).status).toBe(
      403,
    );
    const kudos = await t.api('POST', apiRoutes.sendKudos.path, {
      token: team.supervisor.token,
      body: { toPersonId: team.ben.id, ...suggestions[0]!.kudos },
      headers: { 'idempotency-key': key() },
    });
    expect(kudos.status).toBe(200);
    const after = ToughDaySuggestions.parse(
      (await t.api('GET', toughPath(team.teamId), { token: team.supervisor.token })).body,
    );
    expect(after.suggestions).toEqual([]);
  });
});
