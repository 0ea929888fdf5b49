import { XWAYLAND_SWITCH } from '../../main/startup/display-server';
import type { EnsureResult } from './electron-binary';

/** The running demo server and the person `npm start` signs in as. */
export interface DemoServer {
  url: string;
  agent: { name: string; token: string };
  /** Resolves when the server process has ended. */
  closed: Promise<void>;
  stop(): void;
}

export interface StartDeps {
  /** Finds the Electron binary, fetching it with Electron's installer when missing. */
  ensureElectron(): EnsureResult;
  /** The fix to print when Linux's sandbox cannot start (linux-sandbox.ts), or null. */
  sandboxBlocker(binary: string): string | null;
  /** Runs `npm run <script>`; null on success, else why it failed. */
  build(script: string): string | null;
  skipBuild: boolean;
  /** Starts the demo server and waits for its tokens file. */
  startServer(): Promise<DemoServer>;
  /** Starts Electron and resolves with its exit code. */
  launch(binary: string, args: string[], env: Record<string, string>): Promise<number>;
  platform: NodeJS.Platform;
  env: { XDG_SESSION_TYPE?: string | undefined; DISPLAY?: string | undefined };
  appDir: string;
  log(line: string): void;
  error(line: string): void;
}

export const BUILDS = [
  ['the renderer', 'build:renderer'],
  ['the Electron main and preload', 'build:electron'],
] as const;

/** `electron <appDir>`, under XWayland in a Wayland session (see electron/main/startup/display-server.ts). */
export function electronArgs(deps: Pick<StartDeps, 'platform' | 'env' | 'appDir'>): string[] {
  const xwayland =
    deps.platform === 'linux' && deps.env.XDG_SESSION_TYPE === 'wayland' && Boolean(deps.env.DISPLAY);
  return [deps.appDir, ...(xwayland ? [XWAYLAND_SWITCH] : [])];
}

/**
 * `npm start`, in order: the Electron binary (fetched if missing), the builds, and only then the demo
 * server (it checks for renderer/dist when it starts, so starting it while Vite empties that folder left
 * it serving "not built yet" for good), then Electron signed in as the first demo agent. Without a usable
 * Electron it says why in one sentence and keeps the server up for the browser until Ctrl+C (exit 1).
 */
export async function runStart(deps: StartDeps): Promise<number> {
  const electron = deps.ensureElectron();
  if (electron.ok && electron.fetched) deps.log(`Downloaded Electron to ${electron.binary}.`);
  if (!deps.skipBuild) {
    for (const [label, script] of BUILDS) {
      deps.log(`Building ${label}…`);
      const failure = deps.build(script);
      if (failure) {
        deps.error(`Building ${label} failed: ${failure}.`);
        return 1;
      }
    }
  }
  const server = await deps.startServer();
  try {
    const blocker = electron.ok ? deps.sandboxBlocker(electron.binary) : null;
    if (electron.ok && !blocker) {
      deps.log(`Starting Sidekick as ${server.agent.name} against ${server.url}`);
      return await deps.launch(electron.binary, electronArgs(deps), {
        SIDEKICK_SERVER_URL: server.url,
        SIDEKICK_TOKEN: server.agent.token,
      });
    }
    if (blocker) deps.error(`\n${blocker}`);
    const why = electron.ok ? "Electron's sandbox is blocked on this system (see above)" : electron.reason;
    deps.error(`\n${why}, so the desktop app cannot start here.`);
    deps.error(
      `The demo runs in the browser instead: open ${server.url} and sign in as ${server.agent.name} with token ${server.agent.token}; Ctrl+C stops the server.`,
    );
    // Ctrl+C ends the process (exit 130) through the entry's signal handler; a server that dies ends it here.
    await server.closed;
    return 1;
  } finally {
    server.stop();
  }
}
