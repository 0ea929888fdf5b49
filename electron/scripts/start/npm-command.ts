import { posix, win32 } from 'node:path';

export interface NpmCommandInput {
  platform: NodeJS.Platform;
  /** process.execPath: the Node running `npm start`. */
  execPath: string;
  /** process.env.npm_execpath: npm's own CLI script, set when run through `npm start`/`npm run`. */
  npmExecPath: string | undefined;
  exists(path: string): boolean;
}

export interface SpawnCommand {
  command: string;
  args: string[];
  /** Only for the last resort on Windows, where npm is a .cmd that needs cmd.exe; the args are our own. */
  shell: boolean;
}

/**
 * How to run `npm <args>` on every OS without a shell. Node refuses to spawn a .cmd or .bat without one
 * since the CVE-2024-27980 fix (EINVAL), so `spawnSync('npm.cmd')` fails on Windows: npm is run as the
 * JavaScript program it is, with the Node that runs this script. Where npm_execpath is unset (run as
 * `node electron/…` directly), npm-cli.js is looked up where Node's installers put it.
 */
export function npmCommand(args: readonly string[], input: NpmCommandInput): SpawnCommand {
  const windows = input.platform === 'win32';
  const path = windows ? win32 : posix;
  const viaNode = (script: string) => ({ command: input.execPath, args: [script, ...args], shell: false });
  if (input.npmExecPath) {
    // npm, pnpm and yarn classic are JavaScript; a native npm_execpath (bun, …) runs as itself.
    return /\.[cm]?js$/i.test(input.npmExecPath)
      ? viaNode(input.npmExecPath)
      : { command: input.npmExecPath, args: [...args], shell: false };
  }
  const nodeDir = path.dirname(input.execPath);
  const bundled = windows
    ? path.join(nodeDir, 'node_modules', 'npm', 'bin', 'npm-cli.js')
    : path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (input.exists(bundled)) return viaNode(bundled);
  return windows
    ? { command: 'npm.cmd', args: [...args], shell: true }
    : { command: 'npm', args: [...args], shell: false };
}

/** What spawnSync returned, as far as a failure goes. */
export interface SpawnOutcome {
  error?: (Error & { code?: string }) | undefined;
  status: number | null;
  signal: NodeJS.Signals | string | null;
}

/** null when the command succeeded, else the real reason in words (the spawn error's code and message). */
export function spawnFailure(outcome: SpawnOutcome): string | null {
  if (outcome.error)
    return `it could not be started (${outcome.error.code ?? 'error'}: ${outcome.error.message})`;
  if (outcome.signal) return `it was stopped by ${outcome.signal}`;
  if (outcome.status !== 0) return `it exited with code ${outcome.status}`;
  return null;
}
