import type { AppContext } from '../core/context';
import { generateWeeklyOffers } from '../engine/offers-job';
import { refreshAllStreaks, settleDueMissions } from '../engine/recompute';

export interface SchedulerOptions {
  /** How often due work is checked. Default one minute. */
  tickMs?: number;
  /** How often every streak is recomputed (day boundaries). Default one hour. */
  streakEveryMs?: number;
}

/**
 * In-process schedule: settles missions whose window closed, creates the week's offers once they are due, and
 * recomputes streaks hourly. Every job is idempotent (deterministic ids, "only active missions settle"), so two
 * server instances running it at once do the work once.
 */
export function startScheduler(
  ctx: AppContext,
  options: SchedulerOptions = {},
): { stop(): void; tick(): Promise<void>; idle(): Promise<void> } {
  const tickMs = options.tickMs ?? 60_000;
  const streakEveryMs = options.streakEveryMs ?? 3_600_000;
  // Streaks are fresh at start (ingest, imports and the demo compute them); the first full pass is an hour in.
  let lastStreaks = Date.now();
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () =>
    (running ??= (async () => {
      try {
        await settleDueMissions(ctx);
        await generateWeeklyOffers(ctx);
        if (Date.now() - lastStreaks >= streakEveryMs) {
          lastStreaks = Date.now();
          await refreshAllStreaks(ctx);
        }
      } catch (error) {
        if (!stopped) console.error('scheduled job failed; retrying next tick:', error);
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  const first = setTimeout(() => void tick(), 1_000);
  first.unref();
  return {
    tick,
    /** Resolves when no job is running (so the store can close under it). */
    idle: async () => {
      await running;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
