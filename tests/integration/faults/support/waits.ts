import { rowCounts } from './fault-server';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The server's scheduler runs its first tick a second after start (offers for the week, streaks); wait until
 * the store stops changing so a test's "before" counts are not moved by it.
 */
export async function settledCounts(
  dataDir: string,
  quietMs = 2_000,
  timeoutMs = 20_000,
): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(rowCounts(dataDir));
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(250);
    const now = JSON.stringify(rowCounts(dataDir));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return JSON.parse(now) as Record<string, number>;
  }
  throw new Error(`the store kept changing for ${timeoutMs} ms with no requests`);
}

/** Polls `check` until it returns true. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/**
 * The seqs a client applied must be one unbroken run with no repeats that ends at the head and covers
 * everything after `startCursor` (it may start earlier: entries that landed between its snapshot and going
 * online were applied too).
 */
export function expectedRun(applied: readonly number[], startCursor: number, head: number): number[] {
  const first = Math.min(applied[0] ?? head + 1, startCursor + 1);
  return Array.from({ length: head - first + 1 }, (_, i) => first + i);
}
