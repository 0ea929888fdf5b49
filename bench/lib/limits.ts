import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { median } from './stats';

/**
 * Thousands of sockets need file descriptors on both ends and ephemeral ports on the client side. We check
 * before a benchmark starts, so a too-low limit fails with a sentence instead of a pile of EMFILE errors.
 */
export function openFileLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const line = limits.split('\n').find((l) => l.startsWith('Max open files'));
  const soft = line?.split(/\s{2,}/)[1];
  if (soft === undefined) throw new Error('cannot read the open-file limit from /proc/self/limits');
  return soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

export function ephemeralPortCount(): number {
  const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  if (low === undefined || high === undefined) throw new Error('cannot read ip_local_port_range');
  return high - low + 1;
}

/**
 * The server process holds one descriptor per client (plus its own files); each fleet worker holds its share.
 * Children inherit this process's limit, so checking here covers them. `headroom` covers the store, logs, pipes.
 * `perSource`: the most clients that connect from one source address (all of them unless the fleet spreads
 * its workers over several loopback addresses).
 */
export function assertSocketCapacity(clients: number, headroom = 512, perSource = clients): void {
  const fds = openFileLimit();
  if (fds < clients + headroom) {
    throw new Error(
      `${clients} connected clients need at least ${clients + headroom} open files per process, but the limit is ${fds}; raise it (ulimit -n ${clients + headroom * 4}) and run again.`,
    );
  }
  const ports = ephemeralPortCount();
  if (ports < perSource + headroom) {
    throw new Error(
      `${perSource} clients from one address to one server port need ${perSource + headroom} ephemeral ports, but ip_local_port_range allows ${ports}; widen net.ipv4.ip_local_port_range (or connect from several loopback addresses) and run again.`,
    );
  }
}

/** Resident set size of a process in bytes, from /proc (Linux only, as is this bench). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/**
 * Raises this process's open-file limit (soft and hard) to `wanted` when it is lower, so the servers and fleet
 * workers it starts afterwards inherit it. Raising the hard limit needs root (or CAP_SYS_RESOURCE); otherwise
 * this leaves the limit as it is and assertSocketCapacity says what to do. Returns the limit now in force.
 */
export function raiseOpenFileLimit(wanted: number): number {
  if (openFileLimit() >= wanted) return openFileLimit();
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${wanted}:${wanted}`], {
      stdio: 'ignore',
    });
  } catch {
    // Not root, or no prlimit: the check that follows says what to raise.
  }
  return openFileLimit();
}

/** RSS moves in heap-sized steps; the median of several readings over a few seconds is steadier than one. */
export async function steadyRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 7; i++) {
    readings.push(rssBytes(pid));
    await new Promise((r) => setTimeout(r, 400));
  }
  return median(readings);
}
