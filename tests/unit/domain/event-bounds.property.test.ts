import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallHandled, CsatRated, HelpdeskEvent, MAX_CALL_SECONDS } from '../../../shared/domain/events';
import { EVENT_EARLIEST, EVENT_LATEST_EXCLUSIVE } from '../../../shared/domain/primitives';
import { IngestEvent } from '../../../shared/api/ingest';
import { dayWindow, localDateOf, weekWindow, weekStartOf } from '../../../shared/domain/time';

const solved = (at: string) => ({
  type: 'ticket_solved',
  source: 'zendesk',
  externalId: 'e1',
  ticketId: 'T1',
  at,
  agentId: 'p1',
});
const call = (seconds: number) => ({
  type: 'call_handled',
  source: 'phone',
  externalId: 'c1',
  ticketId: 'T1',
  at: '2026-03-11T12:00:00Z',
  agentId: 'p1',
  talkSeconds: seconds,
  holdSeconds: seconds,
  wrapSeconds: seconds,
});
const rating = (over: Record<string, unknown>) => ({
  type: 'csat_rated',
  source: 'zendesk',
  externalId: 'r1',
  ticketId: 'T1',
  at: '2026-03-11T12:00:00Z',
  agentId: 'p1',
  satisfied: true,
  originalScore: 'good',
  ...over,
});
const reasons = (value: unknown) => {
  const parsed = HelpdeskEvent.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
/** The zones furthest east and west of UTC, and one in between. */
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Etc/GMT+12', 'Asia/Tokyo', 'UTC', 'Europe/Warsaw'];

describe('every event field is bounded so the domain can compute with it', () => {
  it('takes instants from 2000-01-01 up to 2100-01-01 UTC, and refuses year 9999 with a reason', () => {
    expect(reasons(solved(EVENT_EARLIEST))).toEqual([]);
    expect(reasons(solved('2099-12-31T23:59:59.999Z'))).toEqual([]);
    expect(reasons(solved('2099-12-31T23:00:00-10:00'))).toEqual([
      'at: must be from 2000-01-01 up to 2100-01-01 (UTC)',
    ]);
    expect(reasons(solved(EVENT_LATEST_EXCLUSIVE))).toHaveLength(1);
    expect(reasons(solved('9999-12-31T23:59:59+09:00'))).toEqual([
      'at: must be from 2000-01-01 up to 2100-01-01 (UTC)',
    ]);
    expect(reasons(solved('1999-12-31T23:59:59Z'))).toHaveLength(1);
  });

  it('bounds call durations to a day each, so no sum of them is Infinity', () => {
    expect(CallHandled.safeParse(call(MAX_CALL_SECONDS)).success).toBe(true);
    expect(reasons(call(1e308))).toEqual([
      'talkSeconds: Too big: expected number to be <=86400',
      'holdSeconds: Too big: expected number to be <=86400',
      'wrapSeconds: Too big: expected number to be <=86400',
    ]);
    expect(reasons(call(-1))).toHaveLength(3);
    expect(reasons({ ...call(1), talkSeconds: Number.POSITIVE_INFINITY })).toHaveLength(1);
    expect(reasons({ ...call(1), talkSeconds: Number.NaN })).toHaveLength(1);
    expect(reasons(rating({ originalScore: 1e308 }))).toHaveLength(1);
    expect(CsatRated.safeParse(rating({ originalScore: 5 })).success).toBe(true);
  });

  it('refuses a NUL character in any text, with a reason naming the field', () => {
    const nul = 'a\u0000b';
    expect(reasons(rating({ comment: nul }))).toEqual([
      'comment: must not contain a NUL character (\\u0000)',
    ]);
    expect(reasons(rating({ customerName: nul }))).toHaveLength(1);
    expect(reasons(rating({ originalScore: nul }))).toHaveLength(1);
    expect(reasons(rating({ ticketId: nul }))).toHaveLength(1);
    expect(reasons(rating({ externalId: nul }))).toHaveLength(1);
    expect(reasons(rating({ source: nul }))).toHaveLength(1);
    expect(reasons(rating({ agentId: nul }))).toHaveLength(1);
    const ingest = IngestEvent.safeParse({ ...rating({}), agentId: undefined, agent: `zendesk:${nul}` });
    expect(ingest.success).toBe(false);
    expect(reasons(rating({ comment: 'x'.repeat(4001) }))).toHaveLength(1);
  });

  it('any instant an event may carry has a local day and week in every zone (the time rules never throw)', () => {
    const lo = Date.parse(EVENT_EARLIEST);
    const hi = Date.parse(EVENT_LATEST_EXCLUSIVE) - 1;
    const instants = fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi, lo + 1, hi - 1));
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (ms, zone) => {
        const at = new Date(ms).toISOString();
        expect(HelpdeskEvent.safeParse(solved(at)).success).toBe(true);
        const day = localDateOf(at, zone);
        expect(day).toMatch(/^(1999|20\d\d|2100)-\d\d-\d\d$/);
        dayWindow(day, zone);
        weekStartOf(at, zone);
        weekWindow(at, zone);
      }),
      { numRuns: 300 },
    );
  });
});
