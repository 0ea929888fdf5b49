import { z } from 'zod';
import { helpdeskEventUnion } from '../domain/events';
import { NO_NUL, NO_NUL_MESSAGE } from '../domain/primitives';

/**
 * A helpdesk handle names a person in one system: "<system>:<id>", e.g. "zendesk:123", "email:a@b.c",
 * "servicenow:Resolver 12". The ingest layer resolves handles to Sidekick people; an unknown handle creates an
 * unclaimed person (listed for the admin to claim or merge), so no event is ever dropped.
 */
export const Handle = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[a-z0-9_.-]+:.+$/i, 'expected "<system>:<id>", e.g. "zendesk:123"')
  .refine(NO_NUL, NO_NUL_MESSAGE)
  // E-mail addresses are case-insensitive in practice, so "email:Ana@Example.com" and "email:ana@example.com" are one person.
  .transform((h) => (/^email:/i.test(h) ? h.toLowerCase() : h));
export type Handle = z.infer<typeof Handle>;

/** An IngestEvent is a HelpdeskEvent that names its agent by handle (`agent`) instead of a person id: the domain's one union. */
export const IngestEventUnion = helpdeskEventUnion('agent', Handle);

/** Senders may also put the handle in `agentId` (the HelpdeskEvent field name); it is read as `agent`. */
export const IngestEvent = z.preprocess((raw) => {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'agentId' in raw && !('agent' in raw)) {
    const { agentId, ...rest } = raw as Record<string, unknown>;
    return { ...rest, agent: agentId };
  }
  return raw;
}, IngestEventUnion);
export type IngestEvent = z.infer<typeof IngestEventUnion>;

/** POST /api/ingest/events. Items are parsed one by one so a bad event is named by index and the rest stored. */
export const IngestBatchBody = z.object({ events: z.array(z.unknown()).min(1).max(5000) });

export const IngestRejection = z.object({ index: z.number().int().min(0), error: z.string() });
export const IngestResult = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.array(IngestRejection),
});
export type IngestResult = z.infer<typeof IngestResult>;

/** A vendor webhook's reply: the ingest result, and why any payload was not turned into an event. */
export const WebhookResult = IngestResult.extend({ ignored: z.array(z.string()) });
