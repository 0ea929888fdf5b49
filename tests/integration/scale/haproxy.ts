import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** Where Debian's haproxy package puts the binary; CI installs it (.ci/run). */
export function haproxyBinary(): string {
  for (const candidate of ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  const found = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  // Not a skip: the several-instances promise is only tested behind a real load balancer.
  throw new Error('haproxy is not installed (apt-get install haproxy); tests/integration/scale needs it.');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The configuration docs/running-several-instances.md shows, on the given ports: round-robin over the
 * instances, health-checked on /readyz (a draining or disconnected instance leaves the rotation), live sockets
 * in their own backend with a long tunnel timeout, a refused connection retried on another instance.
 */
export function haproxyConfig(listenPort: number, instancePorts: readonly number[]): string {
  const servers = instancePorts.map((p, i) => `  server s${i + 1} 127.0.0.1:${p}`).join('\n');
  // Each connection takes two descriptors; production raises maxconn with the file limit (ulimit -n).
  return `global
  maxconn 4000

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A live socket is quiet between heartbeats; the tunnel timeout must outlast them by far.
  timeout tunnel 1h
  # A request that cannot reach an instance (killed, restarting) is sent to another one.
  option redispatch
  retries 3
  # The client's address for the per-address limits (the instances set SIDEKICK_TRUST_PROXY to this proxy).
  option forwardfor

frontend sidekick
  bind 127.0.0.1:${listenPort}
  acl live path /api/live
  use_backend sidekick_live if live
  default_backend sidekick_api

backend sidekick_api
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server check inter 500ms fall 2 rise 2
${servers}

backend sidekick_live
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server check inter 500ms fall 2 rise 2
${servers}
`;
}

export interface Haproxy {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

/** Starts haproxy in the foreground with a generated configuration and waits until it accepts connections. */
export async function startHaproxy(instancePorts: readonly number[]): Promise<Haproxy> {
  const binary = haproxyBinary();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, haproxyConfig(port, instancePorts));
  const check = spawnSync(binary, ['-c', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0)
    throw new Error(`haproxy refused its configuration:\n${check.stdout}${check.stderr}`);
  const child: ChildProcess = spawn(binary, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${out}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error(`haproxy did not listen on ${port}:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
