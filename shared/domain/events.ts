import { z } from 'zod';
import { Id, IsoInstant } from './primitives';

/**
 * Normalised helpdesk activity. Every event carries `source` + `externalId`, its idempotency key: a second
 * event with the same key is a duplicate and changes nothing. `agentId` is a Sidekick person id (the ingest
 * layer resolves vendor handles to people before the engine sees an event).
 */
const base = {
  source: z.string().min(1).max(64),
  externalId: z.string().min(1).max(256),
  ticketId: z.string().min(1).max(256),
  at: IsoInstant,
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
      channel: z.string().max(64).optional(),
    }),
    z.object({ ...base, type: z.literal('ticket_assigned'), ...named }),
    z.object({ ...base, type: z.literal('agent_replied'), ...named, public: z.boolean() }),
    z.object({ ...base, type: z.literal('ticket_solved'), ...named }),
    /** The agent who had solved the ticket, when known; a reopen counts against that solve. */
    z.object({ ...base, type: z.literal('ticket_reopened'), ...maybeNamed }),
    z.object({
      ...base,
      type: z.literal('csat_rated'),
      ...named,
      satisfied: z.boolean(),
      /** The vendor's original score, kept as given ("good", 5, "4/5" …). */
      originalScore: z.union([z.string().max(64), z.number()]),
      comment: z.string().max(4000).optional(),
      customerName: z.string().max(200).optional(),
    }),
    z.object({
      ...base,
      type: z.literal('qa_scored'),
      ...named,
      score: z.number().min(0).max(100),
      comment: z.string().max(4000).optional(),
    }),
    z.object({
      ...base,
      type: z.literal('call_handled'),
      ...named,
      talkSeconds: z.number().min(0),
      holdSeconds: z.number().min(0),
      wrapSeconds: z.number().min(0),
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
