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

export const TicketCreated = z.object({
  ...base,
  type: z.literal('ticket_created'),
  agentId: Id.optional(),
  channel: z.string().max(64).optional(),
});
export const TicketAssigned = z.object({ ...base, type: z.literal('ticket_assigned'), agentId: Id });
export const AgentReplied = z.object({
  ...base,
  type: z.literal('agent_replied'),
  agentId: Id,
  public: z.boolean(),
});
export const TicketSolved = z.object({ ...base, type: z.literal('ticket_solved'), agentId: Id });
/** `agentId` is the agent who had solved the ticket, when known; a reopen counts against that solve. */
export const TicketReopened = z.object({
  ...base,
  type: z.literal('ticket_reopened'),
  agentId: Id.optional(),
});
export const CsatRated = z.object({
  ...base,
  type: z.literal('csat_rated'),
  agentId: Id,
  satisfied: z.boolean(),
  /** The vendor's original score, kept as given ("good", 5, "4/5" …). */
  originalScore: z.union([z.string().max(64), z.number()]),
  comment: z.string().max(4000).optional(),
  customerName: z.string().max(200).optional(),
});
export const QaScored = z.object({
  ...base,
  type: z.literal('qa_scored'),
  agentId: Id,
  score: z.number().min(0).max(100),
  comment: z.string().max(4000).optional(),
});
export const CallHandled = z.object({
  ...base,
  type: z.literal('call_handled'),
  agentId: Id,
  talkSeconds: z.number().min(0),
  holdSeconds: z.number().min(0),
  wrapSeconds: z.number().min(0),
});

export const HelpdeskEvent = z.discriminatedUnion('type', [
  TicketCreated,
  TicketAssigned,
  AgentReplied,
  TicketSolved,
  TicketReopened,
  CsatRated,
  QaScored,
  CallHandled,
]);
export type HelpdeskEvent = z.infer<typeof HelpdeskEvent>;
export type HelpdeskEventType = HelpdeskEvent['type'];
export const HELPDESK_EVENT_TYPES = HelpdeskEvent.options.map((o) => o.shape.type.value);

/** The idempotency key of an event. */
export function eventKey(e: Pick<HelpdeskEvent, 'source' | 'externalId'>): string {
  return `${e.source}\u0000${e.externalId}`;
}
