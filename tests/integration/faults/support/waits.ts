export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

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
