import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  AcceptOfferBody,
  AnswerConsultationBody,
  AskTeamBody,
  AssignMissionBody,
  CoachingCardBody,
  DecideConsultationBody,
  MarkKudosReadBody,
  MoveIdeaBody,
  RecordMilestoneBody,
  ReplyCoachingBody,
  SendKudosBody,
  SubmitIdeaBody,
  TeamKudosBody,
  ThankKudosBody,
  TickTaskBody,
  UpdateProfileBody,
  type OutboxActionKind,
} from '../../../shared/api/actions';
import { apiRoutes } from '../../../shared/api/routes';
import { SavePlanBody } from '../../../shared/api/growth-plans';
import { IngestBatchBody, IngestEvent } from '../../../shared/api/ingest';
import { IngestResult } from '../../../shared/api/ingest';
import { request, isApiError, ingest } from '../../../bench/lib/api';
import { seedTeam, type SeededTeam } from '../../../bench/lib/seed';
import { startFaultServer, tempDataDir, rowCounts, type FaultServer } from './support/fault-server';
import { malformedBody, notJson } from './support/malformed';

/**
 * Bad input gets a clear error and loses nothing stored. fast-check throws malformed bodies at the ingest
 * route, every agent action and every supervisor action: each reply must be a 4xx with an ApiError body
 * (a machine code and a sentence), the server must keep answering, and no table may gain or lose a row.
 * Runs are bounded (a fixed seed-free number per route) so the suite stays within its time budget.
 */
const RUNS = 40;
const dir = tempDataDir('fuzz');
let server: FaultServer;
let team: SeededTeam;
let before: Record<string, number>;

const expect4xxWithReason = (reply: { status: number; body: unknown; text: string }, what: string): void => {
  if (reply.status < 400 || reply.status >= 500)
    throw new Error(`${what} answered ${reply.status}, expected 4xx: ${reply.text.slice(0, 300)}`);
  if (!isApiError(reply.body))
    throw new Error(`${what} answered ${reply.status} without an ApiError body: ${reply.text.slice(0, 300)}`);
};

beforeAll(async () => {
  server = await startFaultServer(dir.path);
  team = await seedTeam(server.url, server.adminToken, { agents: 3, name: 'Fuzz' });
  const now = server.now();
  await ingest(server.url, team.ingestToken, [
    {
      type: 'ticket_created',
      source: 'zendesk',
      externalId: 'fz-1',
      ticketId: 'T1',
      at: new Date(now.getTime() - 3_600_000).toISOString(),
    },
    {
      type: 'ticket_solved',
      source: 'zendesk',
      externalId: 'fz-2',
      ticketId: 'T1',
      agentId: team.agents[0]?.handle,
      at: now.toISOString(),
    },
  ]);
  // A restart lets the scheduler's first pass do its once-a-week work for the people seeded above now (the
  // restart resolves after that pass), not in the middle of the property.
  server = await server.restart('stop');
  before = rowCounts(dir.path);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  dir.dispose();
});

describe('malformed input', () => {
  it('POST /api/ingest/events: a malformed envelope is a 4xx with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(malformedBody(IngestBatchBody, { events: [{}] }), async (body) => {
        const reply = await request(server.url, 'POST', '/api/ingest/events', {
          token: team.ingestToken,
          body,
        });
        expect4xxWithReason(reply, 'ingest');
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(notJson, async (text) => {
        const reply = await request(server.url, 'POST', '/api/ingest/events', {
          token: team.ingestToken,
          rawBody: text,
          headers: { 'content-type': 'application/json' },
        });
        expect4xxWithReason(reply, 'ingest (not JSON)');
      }),
      { numRuns: RUNS },
    );
    expect(rowCounts(dir.path)).toEqual(before);
  });

  it('POST /api/ingest/events: malformed events are each rejected by index with a reason, none stored', async () => {
    const template = {
      type: 'ticket_solved',
      source: 'zendesk',
      externalId: 'fz-x',
      ticketId: 'T9',
      agent: 'zendesk:agent-0000',
      at: '2026-03-02T10:00:00Z',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(malformedBody(IngestEvent, template), { minLength: 1, maxLength: 20 }),
        async (events) => {
          const reply = await request(server.url, 'POST', '/api/ingest/events', {
            token: team.ingestToken,
            body: { events },
          });
          // The batch contract names each bad event by index (so a good event beside it is never lost): either the
          // whole reply is a 4xx, or it is a result with every event rejected and a reason for each.
          if (reply.status >= 400) return expect4xxWithReason(reply, 'ingest');
          const result = IngestResult.parse(reply.body);
          expect(result.accepted).toBe(0);
          expect(result.rejected.map((r) => r.index).sort((a, b) => a - b)).toEqual(events.map((_, i) => i));
          for (const r of result.rejected) expect(r.error.trim().length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
    expect(rowCounts(dir.path)).toEqual(before);
  });

  const actionTemplates = (): Record<OutboxActionKind, [z.ZodType, Record<string, unknown>]> => ({
    sendKudos: [
      SendKudosBody,
      { toPersonId: team.agents[1]?.id, value: 'Teamwork', message: 'Thanks for covering the queue' },
    ],
    thankKudos: [ThankKudosBody, { kudosId: 'k1' }],
    markKudosRead: [MarkKudosReadBody, { kudosIds: ['k1'] }],
    acceptOffer: [AcceptOfferBody, { offerId: 'o1' }],
    updateProfile: [
      UpdateProfileBody,
      {
        purposeWhy: { text: 'x', visibility: 'me' },
        purposeWhere: { text: '', visibility: 'me' },
        passions: { text: '', visibility: 'team' },
        strengths: { text: '', visibility: 'supervisor' },
        skillsToGrow: { text: '', visibility: 'me' },
      },
    ],
    tickTask: [TickTaskBody, { cardId: 'c1', taskId: 't1', done: true }],
    replyCoaching: [ReplyCoachingBody, { cardId: 'c1', text: 'On it' }],
    submitIdea: [SubmitIdeaBody, { title: 'Macro for refunds', body: '', anonymous: false }],
    answerConsultation: [AnswerConsultationBody, { consultationId: 'c1', optionId: 'o1', text: '' }],
    savePlan: [
      SavePlanBody,
      {
        goal: { kind: 'role_here', text: 'Team lead' },
        skills: [{ name: 'De-escalation', evidence: [{ kind: 'kudos', value: 'Empathy', count: 3 }] }],
        visibility: 'supervisor',
        nextCheckIn: '2026-03-20',
      },
    ],
  });

  it('every agent action refuses malformed bodies with a 4xx and a reason', async () => {
    for (const [kind, [schema, template]] of Object.entries(actionTemplates())) {
      await fc.assert(
        fc.asyncProperty(malformedBody(schema, template), async (body) => {
          const reply = await request(server.url, 'POST', apiRoutes[kind as OutboxActionKind].path, {
            token: team.agents[0]?.token,
            body,
            headers: { 'idempotency-key': randomUUID() },
          });
          expect4xxWithReason(reply, kind);
        }),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(notJson, async (text) => {
          const reply = await request(server.url, 'POST', apiRoutes[kind as OutboxActionKind].path, {
            token: team.agents[0]?.token,
            rawBody: text,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          });
          expect4xxWithReason(reply, `${kind} (not JSON)`);
        }),
        { numRuns: 10 },
      );
    }
    expect(rowCounts(dir.path)).toEqual(before);
  });

  it('a valid action without an Idempotency-Key, or with a bad one, is a 4xx and does nothing', async () => {
    const body = { toPersonId: team.agents[1]?.id, value: 'Teamwork', message: 'Thanks' };
    for (const headers of [
      {} as Record<string, string>,
      { 'idempotency-key': ' ' },
      { 'idempotency-key': 'x'.repeat(201) },
      { 'idempotency-key': 'bad key\twith tab' },
    ]) {
      const reply = await request(server.url, 'POST', apiRoutes.sendKudos.path, {
        token: team.agents[0]?.token,
        body,
        headers,
      });
      expect4xxWithReason(reply, `sendKudos with ${JSON.stringify(headers)}`);
    }
    expect(rowCounts(dir.path)).toEqual(before);
  });

  it('every supervisor action refuses malformed bodies with a 4xx and a reason', async () => {
    const spec = {
      title: 'Solve 40',
      metric: 'solved',
      comparator: 'atLeast',
      target: 40,
      window: { start: '2026-03-02T00:00:00Z', end: '2026-03-07T00:00:00Z' },
    };
    const routes: [string, z.ZodType, Record<string, unknown>][] = [
      [apiRoutes.assignMission.path, AssignMissionBody, { agentIds: [], teamId: team.teamId, spec }],
      [
        apiRoutes.writeCoachingCard.path,
        CoachingCardBody,
        {
          agentId: team.agents[0]?.id,
          focusMetric: 'csatPct',
          current: '85%',
          potential: '92%',
          advice: 'Ask before closing.',
          tasks: [],
        },
      ],
      [
        apiRoutes.moveIdea.path.replace(':ideaId', 'idea-1'),
        MoveIdeaBody,
        { status: 'heard', response: null },
      ],
      [
        apiRoutes.recordMilestone.path.replace(':personId', team.agents[0]?.id ?? 'x'),
        RecordMilestoneBody,
        { kind: 'certification', title: 'Tier 2', detail: null, at: '2026-03-02T10:00:00Z' },
      ],
      [
        apiRoutes.teamKudos.path.replace(':teamId', team.teamId),
        TeamKudosBody,
        { value: 'Teamwork', message: 'Great week, everyone', ticketId: null, ticketUrl: null },
      ],
      [
        apiRoutes.askTeam.path.replace(':teamId', team.teamId),
        AskTeamBody,
        {
          question: 'Rotate Friday lates?',
          details: '',
          kind: 'options',
          options: ['Keep', 'Rotate'],
          anonymous: true,
          closesAt: '2026-03-13T17:00:00Z',
        },
      ],
      [
        apiRoutes.decideConsultation.path.replace(':consultationId', 'consultation-1'),
        DecideConsultationBody,
        { decided: 'Rotate', why: 'You asked for it' },
      ],
    ];
    for (const [path, schema, template] of routes) {
      await fc.assert(
        fc.asyncProperty(malformedBody(schema, template), async (body) => {
          const reply = await request(server.url, 'POST', path, {
            token: team.supervisor.token,
            body,
            headers: { 'idempotency-key': randomUUID() },
          });
          expect4xxWithReason(reply, path);
        }),
        { numRuns: RUNS },
      );
    }
    expect(rowCounts(dir.path)).toEqual(before);
  });

  it('the server is still up and still stores good input after all of it', async () => {
    const health = await request(server.url, 'GET', '/healthz');
    expect(health.status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    const result = await ingest(server.url, team.ingestToken, [
      {
        type: 'ticket_created',
        source: 'zendesk',
        externalId: 'fz-after',
        ticketId: 'T2',
        at: server.now().toISOString(),
      },
    ]);
    expect(result.accepted).toBe(1);
    expect(rowCounts(dir.path).events).toBe((before.events ?? 0) + 1);
  });
});
