/**
 * One clock for every process of a run. process.hrtime is CLOCK_MONOTONIC on Linux, which is shared by all
 * processes of the machine, so a time taken in the bench process (the POST) and one taken in a fleet worker
 * (the delivery) can be subtracted.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = nowMs();
  const value = await fn();
  return { value, ms: nowMs() - start };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
