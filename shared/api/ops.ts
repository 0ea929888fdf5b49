import { z } from 'zod';

/**
 * GET /healthz: 200 when the database answered; 503 with `ok: false`, `status: 'unreachable'` and the driver's
 * reason when it did not (the server stays up and recovers by itself once the database answers again).
 */
export const Health = z.object({
  ok: z.boolean(),
  database: z.enum(['sqlite', 'postgres']),
  status: z.enum(['up', 'unreachable']),
  reason: z.string().optional(),
});
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
