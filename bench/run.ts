import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RunResults, writeResults, type BenchmarkOutcome } from './lib/results';
import { round } from './lib/stats';
import { nowMs } from './lib/clock';
import { BENCHMARKS } from './benchmarks';

/**
 * `npm run bench`: runs the benchmarks one after another (never in parallel: they would measure each other on
 * 2 cores), then writes bench/results.json and bench/RESULTS.md. `npm run bench -- 1 4` runs only benchmarks
 * 1 and 4 and replaces their rows; the other benchmarks' rows stay as the last run left them, marked with when
 * they ran (RESULTS.md says the run was partial).
 */
const only = new Set(process.argv.slice(2));
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
mkdirSync(here('./.tmp'), { recursive: true });

const startedAt = new Date();
const start = nowMs();
const outcomes: BenchmarkOutcome[] = [];
for (const bench of BENCHMARKS) {
  if (only.size > 0 && !only.has(bench.id)) continue;
  process.stdout.write(`\n▶ ${bench.id}. ${bench.title}\n`);
  const t0 = nowMs();
  try {
    const { measurements, details } = await bench.run((line) => process.stdout.write(`  ${line}\n`));
    const seconds = round((nowMs() - t0) / 1000, 1);
    outcomes.push({
      benchmark: bench.id,
      title: bench.title,
      ok: true,
      seconds,
      measurements,
      details,
      ranAt: startedAt.toISOString(),
    });
    for (const m of measurements)
      process.stdout.write(
        `  ✓ ${m.name}: ${m.value} ${m.unit} vs ${m.baselineName} ${m.baseline} ${m.unit} → ${m.ratio}×\n`,
      );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stdout.write(`  ✗ ${message}\n`);
    outcomes.push({
      benchmark: bench.id,
      title: bench.title,
      ok: false,
      seconds: round((nowMs() - t0) / 1000, 1),
      measurements: [],
      details: {},
      error: message,
      ranAt: startedAt.toISOString(),
    });
  }
}
// A partial run keeps the rows of the benchmarks it did not run, from the file the last run wrote.
if (only.size > 0 && existsSync(here('./results.json'))) {
  const previous = RunResults.parse(JSON.parse(readFileSync(here('./results.json'), 'utf8')));
  for (const kept of previous.benchmarks)
    if (!only.has(kept.benchmark)) outcomes.push({ ...kept, ranAt: kept.ranAt ?? previous.startedAt });
  const order = BENCHMARKS.map((b) => b.id);
  outcomes.sort((x, y) => order.indexOf(x.benchmark) - order.indexOf(y.benchmark));
}
const seconds = round((nowMs() - start) / 1000, 1);
const run: RunResults = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  seconds,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: process.platform,
  },
  benchmarks: outcomes,
};
writeResults(run, here('./results.json'), here('./RESULTS.md'));
process.stdout.write(`\nAll done in ${seconds} s; wrote bench/results.json and bench/RESULTS.md\n`);
const ranNow = outcomes.filter((o) => o.ranAt === startedAt.toISOString());
process.exit(ranNow.every((o) => o.ok) ? 0 : 1);
