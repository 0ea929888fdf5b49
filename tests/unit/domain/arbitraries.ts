import fc from 'fast-check';
import type { WeeklySchedule } from '../../../shared/domain';

/** A week of shifts: some days of the week, all with the same day, early or night shift. */
export const arbSchedule: fc.Arbitrary<WeeklySchedule> = fc
  .tuple(
    fc.subarray(['1', '2', '3', '4', '5', '6', '7'] as const, { minLength: 1 }),
    fc.constantFrom(
      { start: '09:00', end: '17:00' },
      { start: '22:00', end: '06:00' },
      { start: '06:00', end: '14:00' },
    ),
  )
  .map(([days, s]) => Object.fromEntries(days.map((d) => [d, s])) as WeeklySchedule);
