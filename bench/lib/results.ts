import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { round } from './stats';

/**
 * One row of the results table: a measurement of Sidekick next to a baseline taken in the same run on the
 * same machine. Absolute numbers on shared 2-core machines are noisy; the ratio is what we compare over time.
 */
export const Measurement = z.object({
  benchmark: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number(),
  baselineName: z.string(),
  baseline: z.number(),
  /** value / baseline. */
  ratio: z.number(),
  /** Which way is better, so a reader knows whether a ratio of 3 is good or bad. */
  better: z.enum(['higher', 'lower']),
  /** One sentence on what limits this number. */
  limitedBy: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;

export const BenchmarkOutcome = z.object({
  benchmark: z.string(),
  title: z.string(),
  ok: z.boolean(),
  seconds: z.number(),
  measurements: z.array(Measurement),
  /** Raw numbers behind the measurements, for whoever wants to dig. */
  details: z.record(z.string(), z.unknown()),
  error: z.string().optional(),
  /** When this benchmark ran, if not in the run the file is named after (a partial run keeps the others' rows). */
  ranAt: z.string().optional(),
});
export type BenchmarkOutcome = z.infer<typeof BenchmarkOutcome>;

export const RunResults = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  seconds: z.number(),
  machine: z.object({
    cpus: z.number(),
    cpuModel: z.string(),
    memoryGiB: z.number(),
    node: z.string(),
    platform: z.string(),
  }),
  benchmarks: z.array(BenchmarkOutcome),
});
export type RunResults = z.infer<typeof RunResults>;

export function measurement(m: Omit<Measurement, 'ratio'>): Measurement {
  return {
    ...m,
    value: round(m.value),
    baseline: round(m.baseline),
    ratio: m.baseline === 0 ? 0 : round(m.value / m.baseline),
  };
}

const fmt = (x: number): string =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(round(x, 2));

/** A partial run (`npm run bench -- 7`) keeps the other benchmarks' rows from an earlier run, and says so. */
function earlierRows(run: RunResults): string[] {
  const earlier = run.benchmarks.filter((b) => b.ranAt !== undefined && b.ranAt !== run.startedAt);
  if (earlier.length === 0) return [];
  const byTime = new Map<string, string[]>();
  for (const b of earlier)
    byTime.set(b.ranAt as string, [...(byTime.get(b.ranAt as string) ?? []), b.benchmark]);
  const parts = [...byTime].map(([at, ids]) => `${ids.join(', ')} in the run of ${at}`);
  return [
    `This was a partial run: benchmarks ${parts.join('; ')} are kept from then (that run's machine may differ from this one's: compare ratios, not times, across runs).`,
  ];
}

export function renderMarkdown(run: RunResults): string {
  const lines = [
    '# Sidekick benchmark results',
    '',
    `Run ${run.startedAt} → ${run.finishedAt} (${Math.round(run.seconds)} s) on ${run.machine.cpus} × ${run.machine.cpuModel}, ${run.machine.memoryGiB} GiB, Node ${run.machine.node}.`,
    'Each measurement is compared with a baseline measured in the same run on the same machine; the ratio is value / baseline.',
    ...earlierRows(run),
    '',
    '| # | measurement | value | baseline | baseline value | ratio | better | what limits it |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const b of run.benchmarks) {
    if (!b.ok) {
      lines.push(
        `| ${b.benchmark} | ${b.title} | failed | | | | | ${(b.error ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
      );
      continue;
    }
    for (const m of b.measurements) {
      lines.push(
        `| ${b.benchmark} | ${m.name} | ${fmt(m.value)} ${m.unit} | ${m.baselineName} | ${fmt(m.baseline)} ${m.unit} | ${fmt(m.ratio)}× | ${m.better} | ${m.limitedBy.replace(/\|/g, '\\|')} |`,
      );
    }
  }
  lines.push('', '## Details', '');
  for (const b of run.benchmarks) {
    lines.push(
      `### ${b.benchmark}. ${b.title} (${Math.round(b.seconds)} s${b.ranAt ? `, ran ${b.ranAt}` : ''})`,
      '',
      '```json',
      JSON.stringify(b.details, null, 2),
      '```',
      '',
    );
  }
  return lines.join('\n');
}

export function writeResults(run: RunResults, jsonPath: string, mdPath: string): void {
  writeFileSync(jsonPath, JSON.stringify(RunResults.parse(run), null, 2) + '\n');
  writeFileSync(mdPath, renderMarkdown(run));
}
