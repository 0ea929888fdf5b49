import type { FaultPoint, ServerConfig } from './config';

/**
 * A deterministic place for a fault test's SIGKILL: when SIDEKICK_FAULT_PAUSE names `point`, the server logs
 * `fault pause: <point>` and never goes on (a timer keeps the process alive, so an in-process CLI import waits
 * too). The test waits for the line and kills; no timing guess. Unset in service: returns at once.
 */
export async function faultPause(config: Pick<ServerConfig, 'faultPause'>, point: FaultPoint): Promise<void> {
  if (config.faultPause !== point) return;
  console.log(`fault pause: ${point}`);
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
