import type { AppContext } from '../core/context';
import { generateWeeklyOffers } from '../engine/offers-job';
import { deliverWeeklyRecaps } from '../engine/weekly-recap-job';
import { finishPendingRecompute, refreshAllStreaks, settleDueMissions } from '../engine/recompute';

export interface SchedulerOptions {
  /** How often due work is checked. Default one minute. */
  tickMs?: number;
  /** How often every streak is recomputed (day boundaries). Default one hour. */
  streakEveryMs?: number;
  /**
   * Several instances on one PostgreSQL store: only the holder of this lock runs the jobs (the extra `jobs`
   * too); the others check each tick and take over within one tick when the holder dies (its session, and the
   * lock, end with it).
   */
  lock?: { tryHold(): Promise<boolean> } | null;
  /**
   * More work on its own timer, handed in by the composition root (e.g. the helpdesk connectors' poll, which
   * sits beside the scheduler and so cannot be imported by it). Each job never overlaps itself.
   */
  jobs?: ScheduledJob[];
}

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

/**
 * In-process schedule: on its first pass finishes a recomputation an earlier run owed (pending_work), then
 * settles missions whose window closed, creates the week's offers once they are due, delivers the weekly recaps
 * and briefings at each person's first shift, and recomputes streaks hourly. Every job is idempotent (deterministic ids, "only active missions settle"); with several instances on
 * PostgreSQL one of them at a time runs the jobs (`lock`), so a pass is not done N times.
 */
export interface Scheduler {
  stop(): void;
  tick(): Promise<void>;
  idle(): Promise<void>;
  /**
   * Resolves when the first pass after start has finished (or failed and been logged): from then on the
   * scheduler writes only what becomes due, which an operator's log and a test can wait for.
   */
  firstPass: Promise<void>;
}

export function startScheduler(ctx: AppContext, options: SchedulerOptions = {}): Scheduler {
  const tickMs = options.tickMs ?? 60_000;
  const streakEveryMs = options.streakEveryMs ?? 3_600_000;
  // Streaks are fresh at start (ingest, imports and the demo compute them); the first full pass is an hour in.
  let lastStreaks = Date.now();
  let running: Promise<void> | null = null;
  let stopped = false;
  // Until it has run once: a recomputation a kill interrupted (an import's) is finished before anything else.
  let owedChecked = false;
  const tick = () =>
    (running ??= (async () => {
      try {
        if (options.lock && !(await options.lock.tryHold())) return;
        if (!owedChecked) {
          if (await finishPendingRecompute(ctx))
            console.log('Scheduler: finished the recomputation an earlier run left owed');
          owedChecked = true;
        }
        await settleDueMissions(ctx);
        await generateWeeklyOffers(ctx);
        // After the offers: the recap names the new week's three.
        await deliverWeeklyRecaps(ctx);
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
  const jobRuns = new Map<string, Promise<void>>();
  const runJob = (job: ScheduledJob) => {
    if (stopped || jobRuns.has(job.name)) return;
    const run = (async () => {
      if (options.lock && !(await options.lock.tryHold())) return;
      await job.run();
    })()
      .catch((error: unknown) => {
        if (!stopped) console.error(`scheduled job ${job.name} failed; retrying next time:`, error);
      })
      .finally(() => jobRuns.delete(job.name));
    jobRuns.set(job.name, run);
  };
  const jobTimers = (options.jobs ?? []).map((job) => {
    const t = setInterval(() => runJob(job), job.everyMs);
    t.unref();
    return t;
  });
  let firstDone: () => void = () => undefined;
  const firstPass = new Promise<void>((resolve) => (firstDone = resolve));
  const first = setTimeout(() => void tick().then(firstDone), 1_000);
  first.unref();
  return {
    tick,
    firstPass,
    /** Resolves when no job is running (so the store can close under it). */
    idle: async () => {
      await running;
      await Promise.all(jobRuns.values());
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      for (const t of jobTimers) clearInterval(t);
      clearTimeout(first);
      firstDone();
    },
  };
}
