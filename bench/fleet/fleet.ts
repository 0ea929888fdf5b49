import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FleetEvent, type FleetClient, type FleetCommand, type FleetMode } from './protocol';
import { assertSocketCapacity } from '../lib/limits';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** A set of child processes holding WebSocket clients; see worker.ts. */
export interface Fleet {
  readonly size: number;
  readonly pids: number[];
  /** Tell every worker to watch for `marker`; resolves when all clients got it (or the timeout passed). */
  expect(
    marker: string,
    timeoutMs: number,
  ): Promise<{ times: number[]; missing: number; duplicates: number }>;
  /** Watch for `marker` at client `index` alone (the order of `clients` given to startFleet). */
  expectOne(marker: string, index: number, timeoutMs: number): Promise<number | null>;
  close(): Promise<void>;
}

function nextEvent<K extends FleetEvent['ev']>(
  child: ChildProcess,
  ev: K,
  timeoutMs: number,
): Promise<Extract<FleetEvent, { ev: K }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`fleet worker ${child.pid} sent no '${ev}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (raw: unknown): void => {
      const parsed = FleetEvent.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.ev === 'error') {
        cleanup();
        reject(new Error(`fleet worker ${child.pid}: ${parsed.data.message}`));
      } else if (parsed.data.ev === ev) {
        cleanup();
        resolve(parsed.data as Extract<FleetEvent, { ev: K }>);
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`fleet worker ${child.pid} exited with ${code} while waiting for '${ev}'`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const command = (child: ChildProcess, cmd: FleetCommand): void => {
  child.send(cmd);
};

/**
 * Starts `workers` processes and connects `clients` (spread round-robin) to `url`. Fails with a clear
 * sentence if the machine's limits cannot hold that many sockets, or if any client could not connect.
 */
export async function startFleet(opts: {
  url: string;
  mode: FleetMode;
  clients: FleetClient[];
  workers?: number;
  concurrency?: number;
  /**
   * Worker k's sockets connect from this loopback address (e.g. 127.0.1.k): one source address has only
   * ip_local_port_range's ports towards one server port (about 28,000 by default), so 30,000 clients of one
   * server need several.
   */
  localAddress?: (worker: number) => string;
}): Promise<Fleet> {
  const workerCount = Math.max(
    1,
    Math.min(opts.workers ?? Math.ceil(opts.clients.length / 2500), opts.clients.length),
  );
  assertSocketCapacity(
    opts.clients.length,
    512,
    opts.localAddress ? Math.ceil(opts.clients.length / workerCount) : opts.clients.length,
  );
  const children = Array.from({ length: workerCount }, () =>
    fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const close = async (): Promise<void> => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || !child.connected) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        command(child, { cmd: 'close' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  };
  try {
    await Promise.all(children.map((c) => nextEvent(c, 'ready', 20_000)));
    const shares = children.map((_, i) => opts.clients.filter((_c, j) => j % workerCount === i));
    const connected = await Promise.all(
      children.map((child, i) => {
        const waiting = nextEvent(child, 'connected', 180_000);
        command(child, {
          cmd: 'connect',
          url: opts.url,
          mode: opts.mode,
          clients: shares[i] ?? [],
          concurrency: opts.concurrency ?? 100,
          ...(opts.localAddress ? { localAddress: opts.localAddress(i) } : {}),
        });
        return waiting;
      }),
    );
    const failed = connected.reduce((s, c) => s + c.failed, 0);
    if (failed > 0) {
      const errors = [...new Set(connected.flatMap((c) => c.errors))].join('; ');
      throw new Error(
        `${failed} of ${opts.clients.length} clients could not connect to ${opts.url}: ${errors}`,
      );
    }
  } catch (err) {
    await close();
    throw err;
  }
  return {
    size: opts.clients.length,
    pids: children.map((c) => c.pid ?? -1),
    async expect(marker, timeoutMs) {
      const replies = await Promise.all(
        children.map((child) => {
          const waiting = nextEvent(child, 'delivered', timeoutMs + 10_000);
          command(child, { cmd: 'expect', marker, timeoutMs, need: null });
          return waiting;
        }),
      );
      return {
        times: replies.flatMap((r) => r.times),
        missing: replies.reduce((s, r) => s + r.missing, 0),
        duplicates: replies.reduce((s, r) => s + r.duplicates, 0),
      };
    },
    async expectOne(marker, index, timeoutMs) {
      // Clients are dealt round-robin, so client `index` lives in worker `index % workers`.
      const child = children[index % workerCount];
      if (!child) throw new Error(`no worker for client ${index}`);
      const waiting = nextEvent(child, 'delivered', timeoutMs + 10_000);
      command(child, { cmd: 'expect', marker, timeoutMs, need: 1 });
      const reply = await waiting;
      return reply.times[0] ?? null;
    },
    close,
  };
}

/**
 * Several fleets seen as one (e.g. one per server instance, each connected to its own URL): `expect` waits on all
 * of them at once, and client `index` counts through the fleets in the order given.
 */
export function fleetGroup(fleets: readonly Fleet[]): Fleet {
  return {
    size: fleets.reduce((s, f) => s + f.size, 0),
    pids: fleets.flatMap((f) => f.pids),
    async expect(marker, timeoutMs) {
      const replies = await Promise.all(fleets.map((f) => f.expect(marker, timeoutMs)));
      return {
        times: replies.flatMap((r) => r.times),
        missing: replies.reduce((s, r) => s + r.missing, 0),
        duplicates: replies.reduce((s, r) => s + r.duplicates, 0),
      };
    },
    async expectOne(marker, index, timeoutMs) {
      let rest = index;
      for (const f of fleets) {
        if (rest < f.size) return f.expectOne(marker, rest, timeoutMs);
        rest -= f.size;
      }
      throw new Error(`no client ${index} in a group of ${fleets.length} fleets`);
    },
    close: async () => {
      await Promise.all(fleets.map((f) => f.close()));
    },
  };
}
