import { z } from 'zod';
import { freshdeskSatisfied } from '../../../shared/domain/csat-scores';
import type { AdaptResult } from './zendesk-adapter';

/**
 * Freshdesk automation webhooks → IngestEvents. Freshdesk has no event ids, so each automation rule sends the
 * JSON template documented in server/README.md ("Connecting Freshdesk"), one rule per event kind; the
 * idempotency key is the event kind + ticket id + the ticket's update time. Agents are named by
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

function instant(at: string | undefined, fallback: string): string {
  if (!at) return fallback;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`"at" is not a date: ${at}`);
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
    externalId: `${w.event}:${w.ticket_id}:${at}`,
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
