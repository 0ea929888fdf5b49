import { z } from 'zod';

/** GET /healthz: 200 when the database answered, 503 (same body, `ok: false`) when it did not. */
export const Health = z.object({ ok: z.boolean(), database: z.enum(['sqlite', 'postgres']) });
export type Health = z.infer<typeof Health>;

/**
 * GET /readyz, for a load balancer: 200 when this instance can serve (the database answers, the feed bus hears
 * the other instances, it is not draining), else 503 with the reason.
 */
export const Ready = z.object({
  ok: z.boolean(),
  database: z.enum(['sqlite', 'postgres']),
  bus: z.enum(['in-process', 'postgres', 'redis']),
  draining: z.boolean(),
  reason: z.string().nullable(),
});
export type Ready = z.infer<typeof Ready>;
