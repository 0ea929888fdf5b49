import { readFileSync } from 'node:fs';

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
 */
export function assertSocketCapacity(clients: number, headroom = 512): void {
  const fds = openFileLimit();
  if (fds < clients + headroom) {
    throw new Error(
      `${clients} connected clients need at least ${clients + headroom} open files per process, but the limit is ${fds}; raise it (ulimit -n ${clients + headroom * 4}) and run again.`,
    );
  }
  const ports = ephemeralPortCount();
  if (ports < clients + headroom) {
    throw new Error(
      `${clients} clients on one server port need ${clients + headroom} ephemeral ports, but ip_local_port_range allows ${ports}; widen net.ipv4.ip_local_port_range and run again.`,
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
