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
