import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../server/src/import/run-import';
import { createZendeskMapper } from '../../../server/src/import/mappings/zendesk-mapping';
import { briefStored, lines, memoryIngest, memoryPeople } from './helpers/memory-sink';

// Field names as the Zendesk APIs write them: /api/v2/tickets, /api/v2/ticket_metrics,
// /api/v2/satisfaction_ratings, /api/v2/users.
const ticket = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  created_at: '2026-03-02T08:00:00Z',
  updated_at: '2026-03-03T08:00:00Z',
  status: 'solved',
  assignee_id: 501,
  ...over,
});
const metrics = (ticketId: number, over: Record<string, unknown> = {}) => ({
  id: 9000 + ticketId,
  ticket_id: ticketId,
  created_at: '2026-03-02T08:00:00Z',
  initially_assigned_at: '2026-03-02T08:05:00Z',
  solved_at: '2026-03-02T11:30:00Z',
  reply_time_in_minutes: { calendar: 30, business: 30 },
  full_resolution_time_in_minutes: { calendar: 200, business: 100 },
  reopens: 0,
  ...over,
});
const rating = (ticketId: number, score: string) => ({
  id: 7000 + ticketId,
  ticket_id: ticketId,
  assignee_id: 501,
  score,
  comment: score === 'good' ? 'Sorted in minutes' : null,
  created_at: '2026-03-02T12:00:00Z',
  updated_at: '2026-03-02T12:00:00Z',
});
const user = (id: number, role: string, name: string, email: string) => ({
  id,
  name,
  email,
  role,
  created_at: '2025-01-01T00:00:00Z',
});

const JOINED_1 = [
  'agent_replied 1 2026-03-02T08:30:00Z zendesk:501',
  'csat_rated 1 2026-03-02T12:00:00Z zendesk:501',
  'ticket_assigned 1 2026-03-02T08:05:00Z zendesk:501',
  'ticket_created 1 2026-03-02T08:00:00Z',
  'ticket_solved 1 2026-03-02T11:20:00Z zendesk:501',
];

describe('Zendesk tickets, ticket metrics, satisfaction ratings and users joined by ticket id', () => {
  it('in one file of {stream, data} wrappers, the metrics before or after their ticket', async () => {
    for (const order of ['metrics first', 'ticket first']) {
      const { ingest, stored } = memoryIngest();
      const { people, named } = memoryPeople();
      const records = [
        { stream: 'users', data: user(501, 'agent', 'Ana Silva', 'Ana@Example.com') },
        { stream: 'users', data: user(777, 'end-user', 'A Customer', 'c@example.com') },
        ...(order === 'metrics first'
          ? [
              { stream: 'ticket_metrics', data: metrics(1) },
              { stream: 'tickets', data: ticket(1) },
            ]
          : [
              { stream: 'tickets', data: ticket(1) },
              { stream: 'ticket_metrics', data: metrics(1) },
            ]),
        { stream: 'satisfaction_ratings', data: rating(1, 'good') },
      ];
      const summary = await runImport({
        input: lines(records),
        format: 'jsonl',
        mapper: createZendeskMapper(),
        ingest,
        people,
      });
      expect(summary.rejected).toEqual([]);
      expect(briefStored(stored)).toEqual(JOINED_1);
      // The agent gets their name and e-mail; the customer is nobody's agent.
      expect(named).toEqual([{ handles: ['zendesk:501', 'email:ana@example.com'], name: 'Ana Silva' }]);
      expect(summary.warnings).toEqual([]);
    }
  });

  it('in several files (tickets, metrics, ratings, users), rejections naming the file', async () => {
    const { ingest, stored } = memoryIngest();
    const { people } = memoryPeople();
    const summary = await runImport({
      input: [
        { name: 'tickets.jsonl', input: lines([ticket(1), ticket(2, { status: 'open' }), ticket(3)]) },
        { name: 'ticket_metrics.jsonl', input: lines([metrics(1), metrics(4)]) },
        { name: 'satisfaction_ratings.jsonl', input: lines([rating(1, 'good')]) },
        { name: 'users.jsonl', input: lines([user(501, 'admin', 'Ana Silva', 'ana@example.com')]) },
      ],
      format: 'jsonl',
      mapper: createZendeskMapper(),
      ingest,
      people,
    });
    expect(briefStored(stored)).toEqual(
      [...JOINED_1, 'ticket_created 2 2026-03-02T08:00:00Z', 'ticket_created 3 2026-03-02T08:00:00Z'].sort(),
    );
    expect(summary.rejected).toEqual([
      {
        file: 'ticket_metrics.jsonl',
        line: 2,
        reason: expect.stringMatching(
          /^this is a ticket metrics record, not a ticket, and ticket 4 is not in the import/,
        ),
      },
      {
        file: 'tickets.jsonl',
        line: 3,
        reason: expect.stringMatching(
          /^ticket 3 is solved but has neither .* no ticket metrics record for it is in the import/,
        ),
      },
    ]);
    // Ana was named by the users file: not "a person no one created".
    expect(summary.warnings).toEqual([]);
  });

  it('in a saved incremental export page, metric_sets side-loaded beside the tickets', async () => {
    const { ingest, stored } = memoryIngest();
    const page = JSON.stringify({
      tickets: [ticket(1, { satisfaction_rating: { score: 'good', updated_at: '2026-03-02T12:00:00Z' } })],
      metric_sets: [metrics(1)],
      after_cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8',
      end_of_stream: true,
    });
    const summary = await runImport({
      input: Readable.from([page]),
      format: 'json',
      mapper: createZendeskMapper(),
      ingest,
    });
    expect(summary.rejected).toEqual([]);
    expect(briefStored(stored)).toEqual(JOINED_1);
  });

  it('counts a rating once when the ticket carries it and a ratings record repeats it, and credits a rating without assignee_id to its waiting ticket', async () => {
    const { ingest, stored } = memoryIngest();
    const summary = await runImport({
      input: lines([
        {
          stream: 'tickets',
          data: ticket(1, { satisfaction_rating: { score: 'good', updated_at: '2026-03-02T12:00:00Z' } }),
        },
        { stream: 'satisfaction_ratings', data: rating(1, 'good') },
        { stream: 'tickets', data: ticket(2, { assignee_id: 502 }) },
        { stream: 'satisfaction_ratings', data: { ...rating(2, 'bad'), assignee_id: null } },
        { stream: 'ticket_metrics', data: metrics(1) },
        { stream: 'ticket_metrics', data: metrics(2) },
      ]),
      format: 'jsonl',
      mapper: createZendeskMapper(),
      ingest,
    });
    expect(summary.rejected).toEqual([]);
    expect(summary).toMatchObject({ events: 11, accepted: 10, duplicates: 1 });
    expect(briefStored(stored).filter((e) => e.startsWith('csat_rated'))).toEqual([
      'csat_rated 1 2026-03-02T12:00:00Z zendesk:501',
      'csat_rated 2 2026-03-02T12:00:00Z zendesk:502',
    ]);
  });

  it('gives up the longest-waiting record past the join window, saying so, so memory stays bounded', async () => {
    const { ingest, stored } = memoryIngest();
    const summary = await runImport({
      input: lines([ticket(1), ticket(2), ticket(3), metrics(1), metrics(2), metrics(3)]),
      format: 'jsonl',
      mapper: createZendeskMapper({ joinWindow: 2 }),
      ingest,
    });
    // Ticket 1 (line 1) left the window when ticket 3 came; its metrics then waited for a ticket that had gone.
    expect(summary.rejected.map((r) => `${r.line}: ${r.reason.slice(0, 90)}`)).toEqual([
      '1: ticket 1 is solved but has neither full_resolution_time_in_minutes nor solved_at, and no t',
      '4: this is a ticket metrics record, not a ticket, and ticket 1 is not in the import (or not w',
    ]);
    expect(summary.rejected[0]?.reason).toMatch(/came within 2 records of it/);
    expect(summary.rejected[1]?.reason).toMatch(/not within 2 records of it/);
    expect(briefStored(stored).filter((e) => e.startsWith('ticket_solved'))).toEqual([
      'ticket_solved 2 2026-03-02T11:20:00Z zendesk:501',
      'ticket_solved 3 2026-03-02T11:20:00Z zendesk:501',
    ]);
  });

  it('refuses ticket metric events and streams it does not read, by line, instead of guessing', async () => {
    const { ingest } = memoryIngest();
    const summary = await runImport({
      input: lines([
        {
          stream: 'ticket_metric_events',
          data: {
            id: 1,
            ticket_id: 1,
            metric: 'reply_time',
            instance_id: 1,
            type: 'fulfill',
            time: '2026-03-02T08:30:00Z',
          },
        },
        { stream: 'organizations', data: { id: 5, name: 'Acme' } },
      ]),
      format: 'jsonl',
      mapper: createZendeskMapper(),
      ingest,
    });
    expect(summary.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^this is a ticket metric event; the import reads ticket metrics/),
      expect.stringMatching(/^stream "organizations" is not one the zendesk mapping reads/),
    ]);
  });
});
