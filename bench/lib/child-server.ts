import { spawn, type ChildProcess } from 'node:child_process';

/** A server running in its own process, found by the URL it prints on stdout. */
export interface ChildServer {
  url: string;
  pid: number;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/**
 * Spawns `command args`, waits for a stdout line matching `ready` (its first group is the URL) and for a line
 * matching each of `alsoWaitFor` (e.g. the scheduler's first pass), and keeps the last lines of output so a
 * failure to start says why.
 */
export function spawnServer(
  command: string,
  args: string[],
  opts: {
    ready: RegExp;
    alsoWaitFor?: RegExp[];
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    cwd?: string;
  },
): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd ?? process.cwd(),
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    let settled = false;
    let url: string | null = null;
    const awaited = [...(opts.alsoWaitFor ?? [])];
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stopWith = async (signal: NodeJS.Signals): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    };
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `${command} ${args.join(' ')} was not ready within ${opts.timeoutMs ?? 30_000} ms` +
              (url ? ` (still waiting for ${awaited.join(', ')})` : ' (no URL printed)'),
          ),
        ),
      opts.timeoutMs ?? 30_000,
    );
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n--- last output ---\n${tail.join('\n')}`));
    };
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      url ??= opts.ready.exec(line)?.[1] ?? null;
      const seen = awaited.findIndex((pattern) => pattern.test(line));
      if (seen >= 0) awaited.splice(seen, 1);
      if (url && awaited.length === 0 && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({
          url,
          pid: child.pid ?? -1,
          process: child,
          stop: () => stopWith('SIGTERM'),
          kill: () => stopWith('SIGKILL'),
        });
      }
    };
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) =>
      fail(new Error(`${command} exited (${code ?? signal}) before it was ready`)),
    );
    child.once('error', (err) => fail(err));
  });
}

export const startBareWsServer = (): Promise<ChildServer> =>
  spawnServer(
    process.execPath,
    ['--import', 'tsx', new URL('../baselines/bare-ws-server.ts', import.meta.url).pathname],
    { ready: /bare ws listening on (\S+)/ },
  );
