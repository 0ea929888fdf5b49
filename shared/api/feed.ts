import { z } from 'zod';
import { Id, IsoInstant } from '../domain/primitives';
import { Kudos, Profile, CoachingCard, Idea } from '../domain/people-model';
import { MissionView, MissionOffer } from '../domain/mission-model';
import { StreakState } from '../domain/streak-model';
import { GrowthState, TimelineEntry, Celebration } from '../domain/growth-model';
import { WeeklyTrendPoint } from '../domain/metrics-model';
import { Consultation } from '../domain/consultation-model';
import { PlanView } from '../domain/growth-plan-model';
import { PersonSummary, TeamSummary } from './snapshot';

/**
 * Every change that concerns a person is one FeedEntry with a strictly increasing `seq`. Each payload
 * replaces or upserts one piece of the Snapshot, so applying an entry twice is harmless and the client can
 * fold entries into its state with `applyFeedEntry` (shared/sync).
 */
const entry = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ seq: z.number().int().min(1), personId: Id, at: IsoInstant, type: z.literal(type), payload });

export const FeedEntry = z.discriminatedUnion('type', [
  entry('person.updated', PersonSummary),
  entry('team.updated', TeamSummary.nullable()),
  entry('mission.upserted', MissionView),
  entry('offers.replaced', z.object({ offers: z.array(MissionOffer) })),
  entry('streak.updated', StreakState),
  entry('growth.updated', GrowthState),
  entry('kudos.upserted', Kudos),
  entry('kudos.quota', z.object({ sentToday: z.number().int().min(0), dailyCap: z.number().int().min(0) })),
  entry('timeline.added', TimelineEntry),
  entry('trends.updated', z.object({ trends: z.array(WeeklyTrendPoint) })),
  entry('profile.updated', Profile),
  entry('coaching.upserted', CoachingCard),
  entry('idea.upserted', Idea),
  entry('consultation.upserted', Consultation),
  entry('plan.updated', PlanView),
  /** Not state: a moment to celebrate, shown once by the desktop. */
  entry('celebration', Celebration),
]);
export type FeedEntry = z.infer<typeof FeedEntry>;
export type FeedEntryType = FeedEntry['type'];
export type FeedPayload<T extends FeedEntryType> = Extract<FeedEntry, { type: T }>['payload'];

export const FeedPage = z.object({
  entries: z.array(FeedEntry),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type FeedPage = z.infer<typeof FeedPage>;

/**
 * The largest feed page. A client that slept through a day of team kudos is thousands of entries behind; one
 * big page (the server has the database build its JSON text from the stored rows, ~0.5 KB an entry) costs one
 * round trip and one validation instead of several. A client that asks for less (an older one asked for at most
 * 5,000) still gets what it asked for.
 */
export const FEED_PAGE_MAX = 20_000;

/** The largest page servers before FEED_PAGE_MAX took: a client asks for it when such a server refuses more. */
export const FEED_PAGE_MAX_BEFORE = 5_000;

/** GET /api/me/feed?after=&limit= : entries after the cursor, at most `limit` (default 200, at most 20,000). */
export const FeedQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(FEED_PAGE_MAX).default(200),
});

/**
 * WebSocket /api/live. Browsers cannot set headers on a WebSocket, so the client's first message carries its
 * bearer token and its cursor; the server answers `hello`, then sends every entry after `after` in seq order
 * (catch-up from the store), then each new entry as it commits, and a heartbeat every few seconds.
 * `seq` is per person and contiguous (1, 2, 3 …), so a client that sees a gap knows it missed something.
 */
export const LiveClientMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('auth'),
    token: z.string().min(1).max(512),
    after: z.number().int().min(0),
    /**
     * The client reads `entries` frames: the entries one commit wrote for the person (a team kudos writes
     * four) arrive as one frame instead of one each. Absent (an older client): one `entry` frame per entry.
     */
    batch: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('ping') }),
]);
export type LiveClientMessage = z.infer<typeof LiveClientMessage>;

export const LiveMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hello'), personId: Id, cursor: z.number().int().min(0) }),
  z.object({ kind: z.literal('entry'), entry: FeedEntry }),
  /** Consecutive entries in seq order (only to a client that asked with `batch`). */
  z.object({ kind: z.literal('entries'), entries: z.array(FeedEntry).min(1) }),
  z.object({ kind: z.literal('heartbeat'), at: IsoInstant }),
  z.object({ kind: z.literal('error'), error: z.string(), message: z.string() }),
]);
export type LiveMessage = z.infer<typeof LiveMessage>;

/**
 * Why the server ends a live socket in a way the client must act on (not just reconnect). Each has an `error`
 * code, sent in the last `error` message, and a WebSocket close code (4000–4999 are the application's own).
 */
export const LIVE_END = {
  /** The token was revoked: the client is signed out and must not reconnect with it. */
  signedOut: { error: 'signed_out', closeCode: 4001 },
  /** The person's role or teams changed: what the client holds is out of date; start over from a snapshot. */
  resync: { error: 'resync', closeCode: 4002 },
  /** The client's cursor is past the server's feed (a restore or failover): start over from a snapshot. */
  cursorAhead: { error: 'cursor_ahead', closeCode: 4002 },
  /** The instance is draining (service restart, 1012): reconnect at once, through the balancer, elsewhere. */
  reconnect: { error: 'reconnect', closeCode: 1012 },
} as const;

/** What a client does about a live socket the server ended: sign out, start over, or just reconnect. */
export function liveEndAction(
  error: string | null,
  closeCode: number | null,
): 'signed_out' | 'resync' | 'reconnect' | null {
  if (error === LIVE_END.signedOut.error || closeCode === LIVE_END.signedOut.closeCode) return 'signed_out';
  if (error === LIVE_END.resync.error || error === LIVE_END.cursorAhead.error) return 'resync';
  if (closeCode === LIVE_END.resync.closeCode) return 'resync';
  if (error === LIVE_END.reconnect.error || closeCode === LIVE_END.reconnect.closeCode) return 'reconnect';
  return null;
}

/**
 * The live socket's "reconnect now" close (1012, service restart): a draining server instance closes every
 * socket with it, and the client reconnects at once (through the load balancer, to another instance) instead
 * of waiting out its backoff. The error message before it carries the same word.
 */
export const LIVE_RECONNECT_CLOSE_CODE = LIVE_END.reconnect.closeCode;
export const LIVE_RECONNECT_ERROR = LIVE_END.reconnect.error;
