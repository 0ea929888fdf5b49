import { z } from 'zod';

/** An ISO-8601 instant with an explicit offset or Z, e.g. 2026-03-08T07:59:00Z. */
export const IsoInstant = z.iso.datetime({ offset: true });
/** A calendar date, YYYY-MM-DD, read in the agent's own time zone. */
export const IsoDate = z.iso.date();
/** A wall-clock time, HH:MM (24h). */
export const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24h)');
/** An IANA time zone name such as Europe/Warsaw; validated by the engine with luxon. */
export const TimeZoneName = z.string().min(1).max(64);
export const Id = z.string().min(1).max(128);

export type IsoInstant = z.infer<typeof IsoInstant>;
export type IsoDate = z.infer<typeof IsoDate>;

/** A half-open interval of time [from, to). */
export const TimeWindow = z
  .object({ from: IsoInstant, to: IsoInstant })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: '`from` must be before `to`' });
export type TimeWindow = z.infer<typeof TimeWindow>;
