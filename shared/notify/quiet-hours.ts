import type { Settings } from '../ipc/contract';

/** Minutes since local midnight of "HH:MM". */
export function wallMinutes(wall: string): number {
  const [h, m] = wall.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Whether a local time (minutes since midnight) falls in the quiet hours. `start > end` wraps past midnight
 * (18:00–08:00); `start === end` means no quiet time at all rather than all day, which would silence everything.
 */
export function inQuietHours(minutesOfDay: number, quiet: Settings['quietHours']): boolean {
  if (!quiet.enabled) return false;
  const start = wallMinutes(quiet.start);
  const end = wallMinutes(quiet.end);
  if (start === end) return false;
  return start < end
    ? minutesOfDay >= start && minutesOfDay < end
    : minutesOfDay >= start || minutesOfDay < end;
}
