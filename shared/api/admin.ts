import { z } from 'zod';
import { Id } from '../domain/primitives';
import { Role } from '../domain/people-model';
import {
  DEFAULT_DAILY_GOAL,
  DEFAULT_SCHEDULE,
  DailyGoal,
  WeeklySchedule,
  Absence,
} from '../domain/streak-model';
import { Handle } from './ingest';

/** The defaults live in the domain (effectiveScheduleAndGoal); re-exported for callers of this contract. */
export { DEFAULT_DAILY_GOAL, DEFAULT_SCHEDULE } from '../domain/streak-model';

/** POST /api/admin/teams */
export const CreateTeamBody = z.object({
  name: z.string().trim().min(1).max(200),
  timezone: z.string().min(1).max(64),
  dailyGoal: DailyGoal.default(DEFAULT_DAILY_GOAL),
  schedule: WeeklySchedule.default(DEFAULT_SCHEDULE),
});
export type CreateTeamBody = z.infer<typeof CreateTeamBody>;

export const TeamRecord = z.object({
  id: Id,
  name: z.string(),
  timezone: z.string(),
  dailyGoal: DailyGoal,
  schedule: WeeklySchedule,
  createdAt: z.string(),
});
export type TeamRecord = z.infer<typeof TeamRecord>;

/** GET /api/admin/teams */
export const TeamList = z.object({ teams: z.array(TeamRecord) });

/** POST /api/admin/people. `schedule: null` means "the team's schedule". */
export const CreatePersonBody = z.object({
  name: z.string().trim().min(1).max(200),
  role: Role,
  teamIds: z.array(Id).max(50).default([]),
  timezone: z.string().min(1).max(64).optional(),
  handles: z.array(Handle).max(50).default([]),
  schedule: WeeklySchedule.nullable().default(null),
  absences: z.array(Absence).max(1000).default([]),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

/** PATCH /api/admin/people/:id — every field optional; `claimed: true` claims an unclaimed person. */
export const UpdatePersonBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  teamIds: z.array(Id).max(50).optional(),
  timezone: z.string().min(1).max(64).optional(),
  addHandles: z.array(Handle).max(50).optional(),
  schedule: WeeklySchedule.nullable().optional(),
  absences: z.array(Absence).max(1000).optional(),
  claimed: z.literal(true).optional(),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

/** POST /api/admin/people/:id/merge — fold an (unclaimed) person into another: handles and events move. */
export const MergePersonBody = z.object({ intoPersonId: Id });

export const PersonRecord = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  timezone: z.string(),
  teamIds: z.array(Id),
  handles: z.array(z.string()),
  /** The person's own schedule, or null when they follow their team's. */
  schedule: WeeklySchedule.nullable(),
  /** The schedule actually used for streaks (own, else the first team's, else Mon–Fri 09–17). */
  effectiveSchedule: WeeklySchedule,
  absences: z.array(Absence),
  /** false for people created by ingest from an unknown handle, until an admin claims or merges them. */
  claimed: z.boolean(),
  createdAt: z.string(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

/** GET /api/admin/people: people with that handle, or only claimed / unclaimed ones. */
export const PeopleQuery = z.object({
  handle: Handle.optional(),
  claimed: z.enum(['true', 'false']).optional(),
});
export const PeopleList = z.object({ people: z.array(PersonRecord) });

/** POST /api/admin/people/:id/tokens. `kind: ingest` makes a token that may only call /api/ingest/*. */
export const CreateTokenBody = z.object({
  kind: z.enum(['person', 'ingest']).default('person'),
  label: z.string().max(200).default(''),
});
export const CreatedToken = z.object({ token: z.string(), id: Id, kind: z.enum(['person', 'ingest']) });
export type CreatedToken = z.infer<typeof CreatedToken>;

/**
 * A change to a team's daily goal: only the fields given change, the others keep their stored values (no
 * defaults here, or a partial goal would reset the fields it left out).
 */
export const DailyGoalChange = z.object({
  minSatisfied: z.number().int().min(0).optional(),
  minSolved: z.number().int().min(0).optional(),
  noGuardrailBroken: z.boolean().optional(),
});
export type DailyGoalChange = z.infer<typeof DailyGoalChange>;

/** PATCH /api/admin/teams/:id — rename, move to another zone, change the weekly schedule or the daily goal. */
export const UpdateTeamBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    timezone: z.string().min(1).max(64).optional(),
    dailyGoal: DailyGoalChange.optional(),
    schedule: WeeklySchedule.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'give at least one of name, timezone, dailyGoal, schedule',
  });
export type UpdateTeamBody = z.infer<typeof UpdateTeamBody>;

/**
 * GET /api/admin/people/:id/tokens — a person's tokens and their pairing codes still waiting to be used. Never
 * the secret or its hash: only what an admin needs to tell one device from another and revoke it.
 */
export const TokenRecord = z.object({
  id: Id,
  personId: Id,
  kind: z.enum(['person', 'ingest']),
  label: z.string(),
  createdAt: z.string(),
  /** When the token last authenticated a request (recorded at most once an hour); null if never. */
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenRecord = z.infer<typeof TokenRecord>;

export const PendingPairingCode = z.object({
  id: Id,
  personId: Id,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingPairingCode = z.infer<typeof PendingPairingCode>;

export const TokenList = z.object({
  tokens: z.array(TokenRecord),
  pairingCodes: z.array(PendingPairingCode),
});
export type TokenList = z.infer<typeof TokenList>;

/** GET /api/admin/people/:id/merge?into= — what a merge would move, before it is done. */
export const MergePreviewQuery = z.object({ into: Id });
export const MergePreview = z.object({
  fromPersonId: Id,
  intoPersonId: Id,
  handles: z.array(z.string()),
  events: z.number().int().min(0),
  kudos: z.number().int().min(0),
  /** Whether the merge would be accepted; when false, `reason` says why in a sentence. */
  allowed: z.boolean(),
  reason: z.string().nullable(),
});
export type MergePreview = z.infer<typeof MergePreview>;
