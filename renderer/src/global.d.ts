import type { SidekickApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Provided by Electron's preload, or installed by the browser host (host/web.ts) when absent. */
    sidekick?: SidekickApi;
  }
}
