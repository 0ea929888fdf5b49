import { z } from 'zod';
import { IsoInstant } from '../domain/primitives';

/** GET /api/people/:id/metrics?from=&to= : a window of at most 400 days, `from` before `to`. */
export const MetricsQuery = z
  .object({ from: IsoInstant, to: IsoInstant })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: '`from` must be before `to`',
    path: ['from'],
  });
