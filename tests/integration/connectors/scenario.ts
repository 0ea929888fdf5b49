import type { FakeZendesk } from './fakes/fake-zendesk';
import type { FakeFreshdesk } from './fakes/fake-freshdesk';

/**
 * The story both fakes tell, at the test server's clock (TEST_NOW = Wednesday 2026-03-11 12:00Z): Ana and Ben
 * work the same tickets. On tickets 1–5 Ben is the assignee and solves them, but Ana answers the customer
 * first (10 minutes in), Ben later (30 minutes). Ticket 6 arrives late, created before ticket 5: Ana leaves a
 * private note at 5 minutes, Ben replies publicly at 20. So Ana's first reply time is 10 min over 5 tickets,
 * Ben's 20 min over 1 — a connector that credited the assignee would give Ben all six.
 */
export const DAY_START = Date.parse('2026-03-09T09:00:00Z');
export const SYNC_FROM = '2026-03-01T00:00:00.000Z';
export const WINDOW = 'from=2026-03-01T00:00:00Z&to=2026-03-12T00:00:00Z';
export const SECRET_KEY = Buffer.alloc(32, 7);
const at = (minutes: number) => new Date(DAY_START + minutes * 60_000).toISOString();
const sec = (minutes: number) => Math.floor((DAY_START + minutes * 60_000) / 1000);

export function zendeskStory(z: FakeZendesk): void {
  z.users.push(
    { id: 101, name: 'Ana Alvarez', email: 'Ana@Acme.example', role: 'agent' },
    { id: 102, name: 'Ben Brook', email: 'ben@acme.example', role: 'agent' },
    { id: 103, name: 'Cleo Chief', email: 'cleo@acme.example', role: 'admin' },
    { id: 9001, name: 'Carl Customer', email: 'carl@customer.example', role: 'end-user' },
  );
  for (let i = 1; i <= 5; i++) zendeskTicket(z, i, (i - 1) * 60, { first: 101, second: 102 });
  // A rating per solved ticket: ticket 1 good, ticket 2 bad; ticket 1 reopened after its solve.
  z.ratings.push(
    {
      id: 7001,
      ticket_id: 1,
      assignee_id: 102,
      score: 'good',
      comment: 'Quick and kind',
      updated_at: at(200),
    },
    { id: 7002, ticket_id: 2, assignee_id: 102, score: 'bad', updated_at: at(260) },
    { id: 7003, ticket_id: 3, assignee_id: 102, score: 'offered', updated_at: at(300) },
  );
  z.events.push({
    id: 90_001,
    ticket_id: 1,
    timestamp: sec(95),
    child_events: [
      { id: 91_001, event_type: 'Change', field_name: 'status', value: 'open', previous_value: 'solved' },
    ],
  });
}

/** Ticket `id` created `start` minutes into the day: customer writes, `first` replies at 10, `second` at 30, solved at 60. */
export function zendeskTicket(
  z: FakeZendesk,
  id: number,
  start: number,
  who: {
    first: number;
    second: number;
    firstPublic?: boolean;
    firstAt?: number;
    secondAt?: number;
    generatedAt?: number;
  },
): void {
  const firstAt = who.firstAt ?? 10;
  const secondAt = who.secondAt ?? 30;
  z.tickets.push({
    id,
    created_at: at(start),
    status: 'solved',
    assignee_id: 102,
    initially_assigned_at: at(start + 1),
    solved_at: at(start + 60),
    generated_timestamp: who.generatedAt ?? sec(start + 60),
  });
  z.events.push(
    {
      id: id * 100 + 1,
      ticket_id: id,
      timestamp: sec(start + 2),
      child_events: [{ id: id * 1000 + 1, event_type: 'Comment', author_id: 9001, public: true }],
    },
    {
      id: id * 100 + 2,
      ticket_id: id,
      timestamp: sec(start + firstAt),
      child_events: [
        { id: id * 1000 + 2, event_type: 'Comment', author_id: who.first, public: who.firstPublic ?? true },
      ],
    },
    {
      id: id * 100 + 3,
      ticket_id: id,
      timestamp: sec(start + secondAt),
      child_events: [
        { id: id * 1000 + 3, event_type: 'Comment', author_id: who.second, public: true },
        {
          id: id * 1000 + 4,
          event_type: 'Change',
          field_name: 'status',
          value: 'pending',
          previous_value: 'open',
        },
      ],
    },
  );
}

/**
 * Ticket 6, late and out of order: its comment events come with the first sync (they happened then), but the
 * ticket record itself only reaches the incremental export later (generated at 600 min) — so its replies are
 * stored before the ticket they belong to, and first reply time must still come out right.
 */
export function zendeskLateTicket(z: FakeZendesk): { deliver(): void } {
  const scratch = { ...z, tickets: [] as FakeZendesk['tickets'] };
  zendeskTicket(scratch as FakeZendesk, 6, 230, {
    first: 101,
    firstPublic: false,
    firstAt: 5,
    second: 102,
    secondAt: 20,
    generatedAt: sec(600),
  });
  return { deliver: () => z.tickets.push(...scratch.tickets) };
}

export function freshdeskStory(f: FakeFreshdesk): void {
  f.agents.push(
    { id: 11, name: 'Ana Alvarez', email: 'ana@acme.example' },
    { id: 12, name: 'Ben Brook', email: 'ben@acme.example' },
  );
  for (let i = 1; i <= 5; i++) freshdeskTicket(f, i, (i - 1) * 60, 11, 10);
  f.ratings.push(
    { id: 8001, ticket_id: 1, agent_id: 12, value: 103, created_at: at(200) },
    { id: 8002, ticket_id: 2, agent_id: 12, value: -102, created_at: at(260) },
  );
}

export function freshdeskTicket(
  f: FakeFreshdesk,
  id: number,
  start: number,
  first: number,
  firstAt: number,
  firstPrivate = false,
  updated = start + 60,
): void {
  f.tickets.push({
    id,
    created_at: at(start),
    updated_at: at(updated),
    responder_id: 12,
    resolved_at: at(start + 60),
  });
  f.conversations.push(
    {
      id: id * 10 + 1,
      ticket_id: id,
      user_id: 5000,
      incoming: true,
      private: false,
      created_at: at(start + 2),
    },
    {
      id: id * 10 + 2,
      ticket_id: id,
      user_id: first,
      incoming: false,
      private: firstPrivate,
      created_at: at(start + firstAt),
    },
    {
      id: id * 10 + 3,
      ticket_id: id,
      user_id: 12,
      incoming: false,
      private: false,
      created_at: at(start + 30),
    },
  );
}
