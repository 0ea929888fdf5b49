import { z } from 'zod';
import { contentKey } from './webhook-key';
import { isZendeskSatisfied } from '../../../shared/domain/csat-scores';

/**
 * Zendesk webhooks → IngestEvents (agents named by "zendesk:<user id>"). Two shapes are understood:
 * - ticket event webhooks (zendesk_event_version 2022-11-06): ticket.created, ticket.agent_assignment_changed,
 *   ticket.status_changed (→ solved / reopened), ticket.comment_added (staff comments → agent_replied);
 * - a trigger webhook for CSAT with the JSON body documented in server/README.md ("type": "sidekick:csat").
 * The event `id` is the idempotency key, so Zendesk's retries never double-count.
 */
const Id = z.union([z.string(), z.number()]).transform(String);

const TicketEvent = z.object({
  type: z.string(),
  id: z.string().min(1),
  time: z.string(),
  subject: z.string().optional(),
  detail: z
    .object({
      id: Id,
      assignee_id: Id.nullable().optional(),
      status: z.string().optional(),
      via: z.object({ channel: z.string() }).partial().optional(),
    })
    .passthrough(),
  event: z.record(z.string(), z.unknown()).default({}),
});

const CsatTrigger = z.object({
  type: z.literal('sidekick:csat'),
  ticket_id: Id,
  assignee_id: Id,
  score: z.union([z.string(), z.number()]),
  comment: z.string().max(4000).optional(),
  requester_name: z.string().max(200).optional(),
  at: z.string().optional(),
  rating_id: Id.optional(),
});

const CommentEvent = z.object({
  comment: z
    .object({
      id: Id,
      is_public: z.boolean(),
      author: z.object({ id: Id, is_staff: z.boolean() }).passthrough(),
    })
    .passthrough(),
});

const OPEN_STATES = new Set(['NEW', 'OPEN', 'PENDING', 'HOLD']);
const DONE_STATES = new Set(['SOLVED', 'CLOSED']);
const handle = (id: string) => `zendesk:${id}`;

export type AdaptResult = { events: Record<string, unknown>[]; ignored: string | null };

/** One rule for the webhook, the history import and the pull connector (shared/domain/csat-scores.ts). */
export { isZendeskSatisfied };

export function adaptZendesk(payload: unknown, receivedAt: string): AdaptResult {
  const csat = CsatTrigger.safeParse(payload);
  if (csat.success) {
    const c = csat.data;
    return {
      events: [
        {
          type: 'csat_rated',
          source: 'zendesk',
          // Zendesk's rating id, else the ticket and the rating's time, else (no vendor time) the rating's content:
          // never the receive time, or a retried delivery would be a second rating.
          externalId: `csat:${c.rating_id ?? `${c.ticket_id}:${c.at ?? contentKey([c.assignee_id, String(c.score), c.comment, c.requester_name])}`}`,
          ticketId: c.ticket_id,
          agent: handle(c.assignee_id),
          at: c.at ?? receivedAt,
          satisfied: isZendeskSatisfied(c.score),
          originalScore: c.score,
          ...(c.comment ? { comment: c.comment } : {}),
          ...(c.requester_name ? { customerName: c.requester_name } : {}),
        },
      ],
      ignored: null,
    };
  }
  const parsed = TicketEvent.safeParse(payload);
  if (!parsed.success)
    throw new Error(
      `not a Zendesk ticket event: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    );
  const e = parsed.data;
  const base = { source: 'zendesk', externalId: e.id, ticketId: e.detail.id, at: e.time };
  const assignee = e.detail.assignee_id && e.detail.assignee_id !== '0' ? e.detail.assignee_id : null;
  switch (e.type) {
    case 'zen:event-type:ticket.created':
      return {
        events: [
          {
            ...base,
            type: 'ticket_created',
            ...(assignee ? { agent: handle(assignee) } : {}),
            ...(e.detail.via?.channel ? { channel: e.detail.via.channel } : {}),
          },
        ],
        ignored: null,
      };
    case 'zen:event-type:ticket.agent_assignment_changed': {
      const current = e.event.current;
      if (current === null || current === undefined || String(current) === '0')
        return { events: [], ignored: 'unassigned' };
      return {
        events: [{ ...base, type: 'ticket_assigned', agent: handle(String(current)) }],
        ignored: null,
      };
    }
    case 'zen:event-type:ticket.status_changed': {
      const current = String(e.event.current ?? '').toUpperCase();
      const previous = String(e.event.previous ?? '').toUpperCase();
      if (current === 'SOLVED' && assignee)
        return { events: [{ ...base, type: 'ticket_solved', agent: handle(assignee) }], ignored: null };
      if (DONE_STATES.has(previous) && OPEN_STATES.has(current))
        return {
          events: [{ ...base, type: 'ticket_reopened', ...(assignee ? { agent: handle(assignee) } : {}) }],
          ignored: null,
        };
      return { events: [], ignored: `status ${previous} → ${current} is not tracked` };
    }
    case 'zen:event-type:ticket.comment_added': {
      const c = CommentEvent.safeParse(e.event);
      if (!c.success) throw new Error('comment_added without event.comment');
      if (!c.data.comment.author.is_staff) return { events: [], ignored: 'customer comment' };
      return {
        events: [
          {
            ...base,
            type: 'agent_replied',
            agent: handle(c.data.comment.author.id),
            public: c.data.comment.is_public,
          },
        ],
        ignored: null,
      };
    }
    default:
      return { events: [], ignored: `${e.type} is not tracked` };
  }
}
