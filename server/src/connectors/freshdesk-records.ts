import { z } from 'zod';
import { freshdeskSatisfied } from '../../../shared/domain/csat-scores';

/**
 * Freshdesk API records → IngestEvents (source "freshdesk", agents "freshdesk:<agent id>"). Tickets with stats
 * give creation, solve and reopen; conversations give every reply, dated and credited to the agent who wrote
 * it; survey ratings give CSAT. Ids come from Freshdesk's own ids (and the stat's time), so a page read twice
 * stores nothing new.
 */
const Id = z.union([z.string(), z.number()]).transform(String);
const Instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const iso = (s: string) => new Date(Date.parse(s)).toISOString();
const handle = (id: string) => `freshdesk:${id}`;

export const FreshdeskAgent = z
  .object({
    id: Id,
    contact: z
      .object({ name: z.string().nullable().optional(), email: z.string().nullable().optional() })
      .passthrough(),
  })
  .passthrough();

export const FreshdeskTicket = z
  .object({
    id: Id,
    created_at: Instant,
    updated_at: Instant,
    responder_id: Id.nullable().optional(),
    source: z.number().optional(),
    stats: z
      .object({
        agent_responded_at: Instant.nullable().optional(),
        first_responded_at: Instant.nullable().optional(),
        resolved_at: Instant.nullable().optional(),
        closed_at: Instant.nullable().optional(),
        reopened_at: Instant.nullable().optional(),
      })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();
export type FreshdeskTicket = z.infer<typeof FreshdeskTicket>;

/** Freshdesk's numeric ticket sources, named as its API reference names them. */
const SOURCES: Record<number, string> = {
  1: 'email',
  2: 'portal',
  3: 'phone',
  7: 'chat',
  9: 'feedback_widget',
  10: 'outbound_email',
};

export function ticketEvents(ticket: FreshdeskTicket): Record<string, unknown>[] {
  const base = { source: 'freshdesk', ticketId: ticket.id };
  const responder = ticket.responder_id ?? null;
  const channel = ticket.source === undefined ? undefined : SOURCES[ticket.source];
  const events: Record<string, unknown>[] = [
    {
      ...base,
      type: 'ticket_created',
      externalId: `ticket:${ticket.id}:created`,
      at: iso(ticket.created_at),
      ...(channel ? { channel } : {}),
    },
  ];
  const solvedAt = ticket.stats?.resolved_at ?? ticket.stats?.closed_at;
  if (responder && solvedAt)
    events.push({
      ...base,
      type: 'ticket_solved',
      externalId: `ticket:${ticket.id}:solved:${iso(solvedAt)}`,
      agent: handle(responder),
      at: iso(solvedAt),
    });
  const reopenedAt = ticket.stats?.reopened_at;
  if (reopenedAt)
    events.push({
      ...base,
      type: 'ticket_reopened',
      externalId: `ticket:${ticket.id}:reopened:${iso(reopenedAt)}`,
      at: iso(reopenedAt),
    });
  return events;
}

/** Whether the ticket has agent replies worth reading its conversations for. */
export const hasAgentActivity = (t: FreshdeskTicket): boolean =>
  Boolean(t.stats?.agent_responded_at ?? t.stats?.first_responded_at);

export const FreshdeskConversation = z
  .object({
    id: Id,
    user_id: Id.nullable().optional(),
    incoming: z.boolean().optional(),
    private: z.boolean().optional(),
    created_at: Instant,
  })
  .passthrough();

export function conversationEvents(
  ticketId: string,
  conversation: z.infer<typeof FreshdeskConversation>,
  agentIds: ReadonlySet<string>,
): Record<string, unknown>[] {
  const author = conversation.user_id;
  if (!author || conversation.incoming === true || !agentIds.has(author)) return [];
  return [
    {
      source: 'freshdesk',
      type: 'agent_replied',
      externalId: `conversation:${conversation.id}`,
      ticketId,
      agent: handle(author),
      public: conversation.private !== true,
      at: iso(conversation.created_at),
    },
  ];
}

export const FreshdeskRating = z
  .object({
    id: Id,
    ticket_id: Id,
    agent_id: Id.nullable().optional(),
    ratings: z.record(z.string(), z.union([z.number(), z.string()])),
    feedback: z.string().nullable().optional(),
    created_at: Instant,
    updated_at: Instant.optional(),
  })
  .passthrough();

/** The overall question's value (`default_question`, else the first); its sign says happy or not. */
export function ratingEvents(rating: z.infer<typeof FreshdeskRating>): Record<string, unknown>[] {
  const value = rating.ratings.default_question ?? Object.values(rating.ratings)[0];
  if (value === undefined || !rating.agent_id) return [];
  return [
    {
      source: 'freshdesk',
      type: 'csat_rated',
      externalId: `csat:${rating.id}`,
      ticketId: rating.ticket_id,
      agent: handle(rating.agent_id),
      at: iso(rating.created_at),
      satisfied: freshdeskSatisfied(value),
      originalScore: value,
      ...(rating.feedback ? { comment: rating.feedback.slice(0, 4000) } : {}),
    },
  ];
}
