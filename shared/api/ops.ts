import { z } from 'zod';

/** GET /healthz: 200 when the database answered, 503 (same body, `ok: false`) when it did not. */
export const Health = z.object({ ok: z.boolean(), database: z.enum(['sqlite', 'postgres']) });
export type Health = z.infer<typeof Health>;
