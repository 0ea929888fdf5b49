import type { AppContext } from '../app/context';

export function startScheduler(_ctx: AppContext): { stop(): void } {
  return { stop() {} };
}
