import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { nowMs } from './clock';

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
  /** The process's peak resident set (VmHWM), MiB, as last read before it exited. */
  peakRssMiB: number;
  /** Bytes the process had written to storage (/proc/<pid>/io write_bytes) when last read before it exited, MiB. */
  writtenMiB: number;
  /** Resident set every `sampleMs` (ms since spawn, MiB), to tell the phases of a run apart. */
  rss: { ms: number; mib: number }[];
}

const kib = (status: string, field: string): number =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);

/**
 * Runs one command to its end and watches its memory: VmHWM (the kernel's own high-water mark of the resident
 * set, so a peak between two samples is not missed) and VmRSS from /proc/<pid>/status every `sampleMs`, and
 * what it wrote to storage from /proc/<pid>/io. The
 * command must be the process itself (node, not a wrapper like npx that forks it), or the wrapper is measured.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; sampleMs?: number } = {},
): Promise<MeasuredRun> {
  const start = nowMs();
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  let peakKiB = 0;
  let written = 0;
  const rss: MeasuredRun['rss'] = [];
  const sample = (): void => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKiB = Math.max(peakKiB, kib(status, 'VmHWM'));
      rss.push({ ms: Math.round(nowMs() - start), mib: Math.round(kib(status, 'VmRSS') / 1024) });
      const io = /^write_bytes:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/io`, 'utf8'));
      if (io) written = Number(io[1]);
    } catch {
      // Gone between two samples: the last VmHWM read stands.
    }
  };
  const timer = setInterval(sample, opts.sampleMs ?? 100);
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearInterval(timer);
      resolve({
        code,
        stdout,
        stderr,
        ms: nowMs() - start,
        peakRssMiB: peakKiB / 1024,
        writtenMiB: written / 1024 ** 2,
        rss,
      });
    });
  });
}
