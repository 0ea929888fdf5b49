import { z } from 'zod';
import { WeeklyRecap } from '../domain/recap-model';

/** GET /api/me/recap: the agent's latest weekly recap, null before the first one was delivered. */
export const MyRecap = z.object({ recap: WeeklyRecap.nullable() });
export type MyRecap = z.infer<typeof MyRecap>;
