import { z } from 'zod';

/** An ISO-8601 instant with an explicit offset or Z, e.g. 2026-03-08T07:59:00Z. */
export const IsoInstant = z.iso.datetime({ offset: true });
/** A calendar date, YYYY-MM-DD, read in the agent's own time zone. */
export const IsoDate = z.iso.date();
/** A wall-clock time, HH:MM (24h). */
export const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24h)');
/** An IANA time zone name such as Europe/Warsaw; validated by the engine with luxon. */
export const TimeZoneName = z.string().min(1).max(64);
/** Text the store and every client can hold: no NUL character (PostgreSQL text refuses it; C strings end at it). */
export const NO_NUL = (s: string) => !s.includes('\u0000');
export const NO_NUL_MESSAGE = 'must not contain a NUL character (\\u0000)';
/** Bounded text without NUL characters. */
export const Text = (max: number, min = 0) => z.string().min(min).max(max).refine(NO_NUL, NO_NUL_MESSAGE);
export const Id = Text(128, 1);

/**
 * The instants helpdesk events may carry: from 2000-01-01 up to (not including) 2100-01-01 UTC. Every zone is
 * within ±14 h of UTC, so an event's local date in any zone stays in 1999–2100, four-digit years the time rules
 * (shared/domain/time.ts) and ISO dates handle; year 9999 east of UTC would land in year 10000.
 */
export const EVENT_EARLIEST = '2000-01-01T00:00:00Z';
export const EVENT_LATEST_EXCLUSIVE = '2100-01-01T00:00:00Z';
export const EventInstant = IsoInstant.refine(
  (at) => {
    const ms = Date.parse(at);
    return ms >= Date.parse(EVENT_EARLIEST) && ms < Date.parse(EVENT_LATEST_EXCLUSIVE);
  },
  { message: 'must be from 2000-01-01 up to 2100-01-01 (UTC)' },
);

export type IsoInstant = z.infer<typeof IsoInstant>;
export type IsoDate = z.infer<typeof IsoDate>;

/** A half-open interval of time [from, to). */
export const TimeWindow = z
  .object({ from: IsoInstant, to: IsoInstant })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: '`from` must be before `to`' });
export type TimeWindow = z.infer<typeof TimeWindow>;
