import { z } from 'zod';
import { EventInstant, Id, Text } from './primitives';

/**
 * Longest duration one call's talk, hold or wrap-up may take, in seconds (a day). Bounded so sums over any number
 * of calls stay finite and exact: 5,000 events a batch × 3 × 86,400 is far inside Number.MAX_SAFE_INTEGER.
 */
export const MAX_CALL_SECONDS = 86_400;
const callSeconds = z.number().min(0).max(MAX_CALL_SECONDS);

/**
 * Normalised helpdesk activity. Every event carries `source` + `externalId`, its idempotency key: a second
 * event with the same key is a duplicate and changes nothing. `agentId` is a Sidekick person id (the ingest
 * layer resolves vendor handles to people before the engine sees an event). Every field is bounded so the
 * domain can compute with it and every store can hold it: instants in 2000–2099, durations up to a day, scores
 * finite, text of bounded length without NUL characters. An event outside them is rejected by index at ingest.
 */
const base = {
  source: Text(64, 1),
  externalId: Text(256, 1),
  ticketId: Text(256, 1),
  at: EventInstant,
};

/**
 * The event variants, with the agent named by the field `key` as `agent` describes it: a person id in
 * `agentId` here, a vendor handle in `agent` at ingest (shared/api/ingest.ts). One list, so a new event type
 * is accepted by ingest the moment the engine knows it.
 */
function eventVariants<K extends string, A extends z.ZodType>(key: K, agent: A) {
  const named = { [key]: agent } as { [P in K]: A };
  const maybeNamed = { [key]: agent.optional() } as { [P in K]: z.ZodOptional<A> };
  return [
    z.object({
      ...base,
      type: z.literal('ticket_created'),
      ...maybeNamed,
      channel: Text(64).optional(),
    }),
    z.object({ ...base, type: z.literal('ticket_assigned'), ...named }),
    z.object({ ...base, type: z.literal('agent_replied'), ...named, public: z.boolean() }),
    z.object({
      ...base,
      type: z.literal('ticket_solved'),
      ...named,
      /** The helpdesk marked the customer abusive (e.g. an "abusive" tag): a tough contact handled to the end. */
      customerAbusive: z.boolean().optional(),
    }),
    /** The agent who had solved the ticket, when known; a reopen counts against that solve. */
    z.object({ ...base, type: z.literal('ticket_reopened'), ...maybeNamed }),
    z.object({
      ...base,
      type: z.literal('csat_rated'),
      ...named,
      satisfied: z.boolean(),
      /** The vendor's original score, kept as given ("good", 5, "4/5" …). */
      originalScore: z.union([Text(64), z.number().min(-1e6).max(1e6)]),
      comment: Text(4000).optional(),
      customerName: Text(200).optional(),
    }),
    z.object({
      ...base,
      type: z.literal('qa_scored'),
      ...named,
      score: z.number().min(0).max(100),
      comment: Text(4000).optional(),
    }),
    z.object({
      ...base,
      type: z.literal('call_handled'),
      ...named,
      talkSeconds: callSeconds,
      holdSeconds: callSeconds,
      wrapSeconds: callSeconds,
    }),
  ] as const;
}

/** The helpdesk event union with the agent named by `key` (see eventVariants). */
export function helpdeskEventUnion<K extends string, A extends z.ZodType>(key: K, agent: A) {
  return z.discriminatedUnion('type', eventVariants(key, agent));
}

export const HelpdeskEvent = helpdeskEventUnion('agentId', Id);
export const [
  TicketCreated,
  TicketAssigned,
  AgentReplied,
  TicketSolved,
  TicketReopened,
  CsatRated,
  QaScored,
  CallHandled,
] = HelpdeskEvent.options;
export type HelpdeskEvent = z.infer<typeof HelpdeskEvent>;
export type HelpdeskEventType = HelpdeskEvent['type'];
export const HELPDESK_EVENT_TYPES = HelpdeskEvent.options.map((o) => o.shape.type.value);

/** The idempotency key of an event. */
export function eventKey(e: Pick<HelpdeskEvent, 'source' | 'externalId'>): string {
  return `${e.source}\u0000${e.externalId}`;
}
