import { z } from 'zod';
import { isZendeskSatisfied } from '../../../shared/domain/csat-scores';

/**
 * Zendesk API records → IngestEvents (source "zendesk", agents "zendesk:<user id>"). External ids are derived
 * from Zendesk's own ids, so a page read twice (after a kill, or at a time-based export's boundary) stores
 * nothing new. Ticket creation, assignment and solve come from the incremental ticket export with metric sets;
 * replies from comment events, so each public reply is dated and credited to its author; reopens from status
 * change events; CSAT from satisfaction ratings.
 */
const Id = z.union([z.string(), z.number()]).transform(String);
const Instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const iso = (s: string) => new Date(Date.parse(s)).toISOString();
const handle = (id: string) => `zendesk:${id}`;

export const ZendeskUser = z
  .object({
    id: Id,
    name: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    role: z.string().optional(),
  })
  .passthrough();
export type ZendeskUser = z.infer<typeof ZendeskUser>;

export const ZendeskMetricSet = z
  .object({
    ticket_id: Id.optional(),
    initially_assigned_at: Instant.nullable().optional(),
    solved_at: Instant.nullable().optional(),
  })
  .passthrough();

export const ZendeskTicket = z
  .object({
    id: Id,
    created_at: Instant,
    updated_at: Instant.optional(),
    status: z.string(),
    assignee_id: Id.nullable().optional(),
    via: z.object({ channel: z.string().optional() }).passthrough().nullable().optional(),
    metric_set: ZendeskMetricSet.nullable().optional(),
  })
  .passthrough();
export type ZendeskTicket = z.infer<typeof ZendeskTicket>;

export function ticketEvents(ticket: ZendeskTicket, metrics: z.infer<typeof ZendeskMetricSet> | undefined) {
  if (ticket.status === 'deleted') return [];
  const m = metrics ?? ticket.metric_set ?? undefined;
  const base = { source: 'zendesk', ticketId: ticket.id };
  const assignee = ticket.assignee_id && ticket.assignee_id !== '0' ? ticket.assignee_id : null;
  const events: Record<string, unknown>[] = [
    {
      ...base,
      type: 'ticket_created',
      externalId: `ticket:${ticket.id}:created`,
      at: iso(ticket.created_at),
      ...(ticket.via?.channel ? { channel: ticket.via.channel } : {}),
    },
  ];
  if (assignee && m?.initially_assigned_at)
    events.push({
      ...base,
      type: 'ticket_assigned',
      externalId: `ticket:${ticket.id}:assigned`,
      agent: handle(assignee),
      at: iso(m.initially_assigned_at),
    });
  if (assignee && (ticket.status === 'solved' || ticket.status === 'closed')) {
    const solvedAt = m?.solved_at ?? ticket.updated_at;
    if (solvedAt)
      events.push({
        ...base,
        type: 'ticket_solved',
        // A ticket solved again after a reopen has a new solved_at: a new solve, not a duplicate.
        externalId: `ticket:${ticket.id}:solved:${iso(solvedAt)}`,
        agent: handle(assignee),
        at: iso(solvedAt),
      });
  }
  return events;
}

const ChildEvent = z
  .object({
    id: Id,
    event_type: z.string(),
    author_id: Id.nullable().optional(),
    public: z.boolean().optional(),
    created_at: Instant.optional(),
    field_name: z.string().optional(),
    value: z.unknown().optional(),
    status: z.string().optional(),
    previous_value: z.unknown().optional(),
  })
  .passthrough();

export const ZendeskTicketEvent = z
  .object({
    id: Id,
    ticket_id: Id,
    created_at: Instant.optional(),
    timestamp: z.number().optional(),
    child_events: z.array(ChildEvent).default([]),
  })
  .passthrough();
export type ZendeskTicketEvent = z.infer<typeof ZendeskTicketEvent>;

const OPEN = new Set(['new', 'open', 'pending', 'hold']);
const DONE = new Set(['solved', 'closed']);

/** Comment events by agents → agent_replied (public or not); a status change from solved/closed back → reopened. */
export function ticketEventEvents(event: ZendeskTicketEvent, agentIds: ReadonlySet<string>) {
  const at =
    event.created_at !== undefined
      ? iso(event.created_at)
      : event.timestamp !== undefined
        ? new Date(event.timestamp * 1000).toISOString()
        : null;
  if (at === null) return [];
  const out: Record<string, unknown>[] = [];
  for (const child of event.child_events) {
    const base = { source: 'zendesk', ticketId: event.ticket_id, externalId: `event:${child.id}` };
    if (child.event_type === 'Comment' && child.author_id && agentIds.has(child.author_id)) {
      out.push({
        ...base,
        type: 'agent_replied',
        agent: handle(child.author_id),
        public: child.public ?? true,
        at: child.created_at ? iso(child.created_at) : at,
      });
    }
    if (child.event_type === 'Change') {
      const current = child.field_name === 'status' ? child.value : child.status;
      if (typeof current !== 'string') continue;
      const previous = String(child.previous_value ?? '').toLowerCase();
      if (DONE.has(previous) && OPEN.has(current.toLowerCase()))
        out.push({ ...base, type: 'ticket_reopened', at });
    }
  }
  return out;
}

export const ZendeskMetricEvent = z
  .object({
    id: Id,
    ticket_id: Id,
    metric: z.string(),
    instance_id: z.number().optional(),
    type: z.string(),
    time: Instant,
  })
  .passthrough();
export type ZendeskMetricEvent = z.infer<typeof ZendeskMetricEvent>;

/**
 * A resolution_time `fulfill` is a solve, at the time Zendesk's resolution clock stopped: one per resolution,
 * so a ticket solved, reopened and solved again between two polls has both solves (the ticket export shows
 * only its latest solved_at). The event names no agent; it is credited to the ticket's assignee as this poll's
 * ticket pages showed it, and its id is the one the ticket export gives the same solve, so the latest solve is
 * stored once. Other metrics (reply, wait, agent work times, SLA events) are measured by Sidekick from the
 * events themselves.
 */
export function metricEventEvents(event: ZendeskMetricEvent, assignees: ReadonlyMap<string, string>) {
  if (event.metric !== 'resolution_time' || event.type !== 'fulfill') return [];
  const assignee = assignees.get(event.ticket_id);
  if (!assignee) return [];
  const at = iso(event.time);
  return [
    {
      source: 'zendesk',
      type: 'ticket_solved',
      externalId: `ticket:${event.ticket_id}:solved:${at}`,
      ticketId: event.ticket_id,
      agent: handle(assignee),
      at,
    },
  ];
}

/** The assignee of each ticket on a ticket export page (tickets without one are left out). */
export function assigneesOf(tickets: readonly ZendeskTicket[]): [string, string][] {
  return tickets.flatMap((t) =>
    t.assignee_id && t.assignee_id !== '0' && t.status !== 'deleted'
      ? [[t.id, t.assignee_id] as [string, string]]
      : [],
  );
}

export const ZendeskRating = z
  .object({
    id: Id,
    ticket_id: Id,
    assignee_id: Id.nullable().optional(),
    score: z.string(),
    comment: z.string().nullable().optional(),
    created_at: Instant,
    updated_at: Instant.optional(),
  })
  .passthrough();
export type ZendeskRating = z.infer<typeof ZendeskRating>;

/** good / bad ratings only ("offered" / "unoffered" are surveys not answered yet). */
export function ratingEvents(rating: ZendeskRating) {
  const score = rating.score.toLowerCase();
  if (score !== 'good' && score !== 'bad') return [];
  if (!rating.assignee_id) return [];
  const at = iso(rating.updated_at ?? rating.created_at);
  return [
    {
      source: 'zendesk',
      type: 'csat_rated',
      // A customer may change a rating: the newer one is a new event, and the latest in a window counts.
      externalId: `csat:${rating.id}:${at}`,
      ticketId: rating.ticket_id,
      agent: handle(rating.assignee_id),
      at,
      satisfied: isZendeskSatisfied(score),
      originalScore: rating.score,
      ...(rating.comment ? { comment: rating.comment.slice(0, 4000) } : {}),
    },
  ];
}
