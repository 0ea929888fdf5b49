import { z } from 'zod';
import { freshdeskSatisfied } from '../../../shared/domain/csat-scores';
import type { AdaptResult } from './zendesk-adapter';
import { EVENT_EARLIEST, EVENT_LATEST_EXCLUSIVE } from '../../../shared/domain/primitives';
import { contentKey } from './webhook-key';

/**
 * Freshdesk automation webhooks → IngestEvents. Freshdesk has no event ids, so each automation rule sends the
 * JSON template documented in server/README.md ("Connecting Freshdesk"), one rule per event kind; the
 * idempotency key is the event kind + ticket id + the ticket's update time (a hash of the event's fields when
 * no time is sent, never the receive time). Agents are named by
 * "email:<agent email>" (or "freshdesk:<agent id>" when only the id is sent).
 */
const Id = z.union([z.string(), z.number()]).transform(String);
export const FreshdeskWebhook = z.object({
  event: z.enum([
    'ticket_created',
    'ticket_assigned',
    'agent_replied',
    'ticket_solved',
    'ticket_reopened',
    'csat_rated',
  ]),
  ticket_id: Id,
  agent_email: z.string().optional(),
  agent_id: Id.optional(),
  /** The ticket's update time (ISO or Freshdesk's "Mon, 2 Mar 2026 10:00:00 +0000"); the server's time when absent. */
  at: z.string().optional(),
  is_public: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  rating: z.union([z.string(), z.number()]).optional(),
  comment: z.string().max(4000).optional(),
  customer_name: z.string().max(200).optional(),
});

/** One rule for the webhook and the pull connector (shared/domain/csat-scores.ts). */
export { freshdeskSatisfied };

/**
 * The ticket's update time: an ISO date-time or Freshdesk's RFC 2822 form, with a four-digit year, within the
 * range events may carry (2000–2099). Date.parse alone takes "0" as 2000-01-01 and "1" as 2001, so a time
 * without a date written out is refused (400), not stored as a plausible-looking instant.
 */
function instant(at: string | undefined, fallback: string): string {
  if (!at) return fallback;
  const written = at.trim();
  const ms = Date.parse(written);
  const looksLikeADate =
    /^\d{4}-\d{2}-\d{2}([T ]|$)/.test(written) ||
    /^([a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s/i.test(written);
  if (!looksLikeADate || Number.isNaN(ms))
    throw new Error(`"at" is not a date and time: ${JSON.stringify(written.slice(0, 60))}`);
  if (ms < Date.parse(EVENT_EARLIEST) || ms >= Date.parse(EVENT_LATEST_EXCLUSIVE))
    throw new Error(`"at" must be from 2000 up to 2100: ${JSON.stringify(written.slice(0, 60))}`);
  return new Date(ms).toISOString();
}

export function adaptFreshdesk(payload: unknown, receivedAt: string): AdaptResult {
  const raw =
    payload && typeof payload === 'object' && 'freshdesk_webhook' in payload
      ? (payload as { freshdesk_webhook: unknown }).freshdesk_webhook
      : payload;
  const parsed = FreshdeskWebhook.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `not a Sidekick Freshdesk webhook: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const w = parsed.data;
  const at = instant(w.at, receivedAt);
  const agent = w.agent_email
    ? `email:${w.agent_email.toLowerCase()}`
    : w.agent_id
      ? `freshdesk:${w.agent_id}`
      : undefined;
  const base = {
    source: 'freshdesk',
    // The ticket's update time when Freshdesk sent one; without it the event's content, never the receive time
    // (a retried delivery minutes later would otherwise be a second event).
    externalId: `${w.event}:${w.ticket_id}:${w.at ? at : contentKey([agent, w.is_public === undefined ? null : String(w.is_public), w.rating === undefined ? null : String(w.rating), w.comment, w.customer_name])}`,
    ticketId: w.ticket_id,
    at,
    type: w.event,
    ...(agent ? { agent } : {}),
  };
  switch (w.event) {
    case 'agent_replied':
      return {
        events: [{ ...base, public: w.is_public === undefined ? true : String(w.is_public) === 'true' }],
        ignored: null,
      };
    case 'csat_rated':
      if (w.rating === undefined) throw new Error('csat_rated needs "rating"');
      return {
        events: [
          {
            ...base,
            satisfied: freshdeskSatisfied(w.rating),
            originalScore: w.rating,
            ...(w.comment ? { comment: w.comment } : {}),
            ...(w.customer_name ? { customerName: w.customer_name } : {}),
          },
        ],
        ignored: null,
      };
    default:
      return { events: [base], ignored: null };
  }
}
