import { z } from 'zod';
import { Id, IsoInstant } from './primitives';
import { MetricKey } from './metrics-model';

export const Role = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const KudosValue = z.enum([
  'Empathy',
  'Ownership',
  'Tough customer',
  'Teamwork',
  'Knowledge sharing',
  'Quality',
  'Speed',
  'Creativity',
]);
export type KudosValue = z.infer<typeof KudosValue>;

export const Kudos = z.object({
  id: Id,
  kind: z.enum(['peer', 'supervisor', 'customer']),
  fromPersonId: Id.nullable(),
  fromName: z.string(),
  toPersonId: Id,
  toName: z.string(),
  message: z.string().max(1000),
  value: KudosValue,
  ticketId: z.string().max(256).nullable(),
  ticketUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** For customer kudos: the customer's own words. */
  customerQuote: z.string().max(4000).nullable(),
  at: IsoInstant,
  thankedAt: IsoInstant.nullable(),
  readAt: IsoInstant.nullable(),
});
export type Kudos = z.infer<typeof Kudos>;

export const PEER_KUDOS_DAILY_CAP = 5;
export const NOT_RECOGNISED_DAYS = 14;

export const Visibility = z.enum(['me', 'supervisor', 'team']);
export type Visibility = z.infer<typeof Visibility>;
const ProfileField = z.object({ text: z.string().max(2000), visibility: Visibility });
/** The 3 Ps: purpose, passions, professionalism, each field with its own visibility. Private by default. */
export const Profile = z.object({
  purposeWhy: ProfileField,
  purposeWhere: ProfileField,
  passions: ProfileField,
  strengths: ProfileField,
  skillsToGrow: ProfileField,
});
export type Profile = z.infer<typeof Profile>;
export const PROFILE_FIELDS = [
  'purposeWhy',
  'purposeWhere',
  'passions',
  'strengths',
  'skillsToGrow',
] as const;

export const CoachingTask = z.object({
  id: Id,
  text: z.string().min(1).max(500),
  due: z.iso.date().nullable(),
  doneAt: IsoInstant.nullable(),
});
export const CoachingReply = z.object({
  id: Id,
  authorId: Id,
  authorName: z.string(),
  text: z.string().min(1).max(2000),
  at: IsoInstant,
});
export const CoachingCard = z.object({
  id: Id,
  agentId: Id,
  authorId: Id,
  authorName: z.string(),
  focusMetric: MetricKey,
  current: z.string().max(500),
  potential: z.string().max(500),
  advice: z.string().max(4000),
  tasks: z.array(CoachingTask),
  replies: z.array(CoachingReply),
  createdAt: IsoInstant,
  completedAt: IsoInstant.nullable(),
});
export type CoachingCard = z.infer<typeof CoachingCard>;

export const IdeaStatus = z.enum(['new', 'heard', 'planned', 'done', 'declined']);
export type IdeaStatus = z.infer<typeof IdeaStatus>;
export const Idea = z.object({
  id: Id,
  teamId: Id.nullable(),
  /** null when sent anonymously: the server never stores who sent an anonymous idea with it. */
  authorId: Id.nullable(),
  anonymous: z.boolean(),
  title: z.string().min(1).max(200),
  body: z.string().max(4000),
  status: IdeaStatus,
  response: z.string().max(4000).nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Idea = z.infer<typeof Idea>;
