import { z } from 'zod';
import { Id, IsoInstant } from './primitives';
import { MetricKey } from './metrics-model';

export const PersonalBest = z.object({
  metric: MetricKey,
  value: z.number(),
  weekStart: z.string(),
  previous: z.number().nullable(),
});
export type PersonalBest = z.infer<typeof PersonalBest>;

export const GrowthState = z.object({
  points: z.number().int().min(0),
  level: z.number().int().min(1),
  levelName: z.string(),
  pointsIntoLevel: z.number().int().min(0),
  pointsForNextLevel: z.number().int().nullable(),
  personalBests: z.array(PersonalBest),
});
export type GrowthState = z.infer<typeof GrowthState>;

export const TimelineKind = z.enum([
  'mission_completed',
  'kudos_received',
  'streak_milestone',
  'streak_record',
  'personal_best',
  'coaching_completed',
  'idea_adopted',
  'career_milestone',
  'level_up',
  'plan_progress',
  'plan_check_in',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEntry = z.object({
  id: Id,
  agentId: Id,
  at: IsoInstant,
  kind: TimelineKind,
  title: z.string(),
  detail: z.string().nullable(),
  points: z.number().int().min(0),
  refId: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** How big a celebration is: a warm toast, a burst, or confetti. */
export const CelebrationSize = z.enum(['toast', 'burst', 'confetti']);
export const Celebration = z.object({
  id: Id,
  kind: z.enum([
    'mission_completed',
    'streak_milestone',
    'personal_best',
    'level_up',
    'kudos',
    /** Not a celebration but a notice through the same budget: the weekly recap, the supervisor's briefing. */
    'weekly_recap',
    'team_briefing',
  ]),
  size: CelebrationSize,
  title: z.string(),
  message: z.string(),
  at: IsoInstant,
  refId: z.string().nullable(),
});
export type Celebration = z.infer<typeof Celebration>;

export const CareerMilestone = z.object({
  kind: z.enum(['promotion', 'certification', 'anniversary', 'other']),
  title: z.string().min(1).max(200),
  detail: z.string().max(2000).nullable().default(null),
  at: IsoInstant,
});
export type CareerMilestone = z.infer<typeof CareerMilestone>;
