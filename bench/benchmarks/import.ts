import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import { ImportReply } from '../../shared/api/import';
import { runMeasured, type MeasuredRun } from '../lib/measured-process';
import { tempDir } from '../lib/workspace';
import { measurement } from '../lib/results';
import { round } from '../lib/stats';
import type { BenchPart, Log } from './index';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../server/src/cli/main.ts', import.meta.url));
const GENERATOR = fileURLToPath(new URL('../gen-import-file.ts', import.meta.url));
const BASELINE = fileURLToPath(new URL('../baselines/import-file-baseline.ts', import.meta.url));

/** Issue 15's size; BENCH_IMPORT_EVENTS makes a quicker run for profiling (the row then says so). */
const EVENTS = Number(process.env.BENCH_IMPORT_EVENTS ?? 1_000_000);
/** The generated year of tickets ends before this, so the recomputation's week and horizons are fixed. */
const NOW = '2026-01-05T12:00:00Z';

const node = (script: string, args: string[]): Promise<MeasuredRun> =>
  runMeasured(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO });

function ok(run: MeasuredRun, what: string): MeasuredRun {
  if (run.code !== 0)
    throw new Error(`${what} exited ${run.code}: ${(run.stderr || run.stdout).trim().slice(-2000)}`);
  return run;
}

/** The resident set every second (from the 100 ms samples), to tell the import phase from the recomputation. */
const perSecond = (run: MeasuredRun): number[] =>
  run.rss
    .filter((s, i, all) => i === 0 || Math.floor(s.ms / 1000) !== Math.floor(all[i - 1]!.ms / 1000))
    .map((s) => s.mib);

/**
 * Benchmark 9: `sidekick-server import` of a generated 1,000,000-event JSON Lines history (the generic
 * mapping, 200 agents, a year of tickets) into a fresh SQLite store, end to end as a person runs it — the CLI
 * process from start to exit, the per-batch transactions and the recomputation of everyone's derived state at
 * the end — then the same file again (every event a duplicate). Its own process, so its peak RSS (VmHWM) is its
 * own. Baselines in the same run: the same records stored with plain better-sqlite3 (same table, indexes and
 * durability), and reading and JSON.parse-ing the file alone.
 */
export async function importBenchmark(log: Log): Promise<BenchPart> {
  const dir = tempDir('import');
  try {
    const file = join(dir.path, 'history.jsonl');
    ok(await node(GENERATOR, ['--events', String(EVENTS), '--out', file]), 'the file generator');
    const mib = statSync(file).size / 1024 ** 2;
    log(`generated ${EVENTS} events (${mib.toFixed(0)} MiB of JSON Lines)`);

    const parse = ok(await node(BASELINE, ['parse', file]), 'the parse baseline');
    log(`read + JSON.parse: ${(parse.ms / 1000).toFixed(1)} s, peak RSS ${parse.peakRssMiB.toFixed(0)} MiB`);
    const plain = ok(
      await node(BASELINE, ['insert', file, join(dir.path, 'plain.sqlite')]),
      'the plain insert baseline',
    );
    const plainRate = (EVENTS / plain.ms) * 1000;
    log(
      `plain better-sqlite3: ${(plain.ms / 1000).toFixed(1)} s (${Math.round(plainRate)} events/s), peak RSS ${plain.peakRssMiB.toFixed(0)} MiB`,
    );

    const importArgs = [
      'import',
      file,
      '--mapping',
      'generic',
      '--data-dir',
      join(dir.path, 'data'),
      '--json',
      '--now',
      NOW,
    ];
    const first = ok(await node(CLI, importArgs), 'the import');
    const firstReply = ImportReply.parse(JSON.parse(first.stdout));
    if (firstReply.accepted !== EVENTS || firstReply.rejectedCount !== 0 || !firstReply.recomputed)
      throw new Error(
        `the import stored ${firstReply.accepted} of ${EVENTS} events (${firstReply.rejectedCount} rejected, recomputed: ${firstReply.recomputed})`,
      );
    const rate = (EVENTS / first.ms) * 1000;
    log(
      `import: ${(first.ms / 1000).toFixed(1)} s end to end (${Math.round(rate)} events/s; batches ${firstReply.seconds.toFixed(1)} s), peak RSS ${first.peakRssMiB.toFixed(0)} MiB`,
    );

    const again = ok(await node(CLI, importArgs), 'the re-import');
    const againReply = ImportReply.parse(JSON.parse(again.stdout));
    if (againReply.accepted !== 0 || againReply.duplicates !== EVENTS)
      throw new Error(
        `the re-import accepted ${againReply.accepted} and found ${againReply.duplicates} duplicates of ${EVENTS}`,
      );
    const againRate = (EVENTS / again.ms) * 1000;
    log(
      `re-import: ${(again.ms / 1000).toFixed(1)} s (${Math.round(againRate)} events/s, all duplicates), peak RSS ${again.peakRssMiB.toFixed(0)} MiB`,
    );

    const label = EVENTS === 1_000_000 ? '1,000,000' : EVENTS.toLocaleString('en');
    return {
      measurements: [
        measurement({
          benchmark: '9',
          name: `History import, ${label} events (JSON Lines, generic mapping) into a fresh SQLite store, end to end`,
          unit: 'events/s',
          value: rate,
          baselineName:
            'the same records stored with plain better-sqlite3 (parse + insert, same table and durability)',
          baseline: plainRate,
          better: 'higher',
          limitedBy:
            "SQLite's writes first, then the recomputation. A year of tickets in ticket order spreads every 10,000-event batch over most of the (agent_id, at) index, so each commit writes most of it again: ~4 GiB written for the ~450 MiB store (/proc io; the plain baseline, 5,000 rows a transaction, writes as much), and in a CPU profile of a whole 1,000,000-event import the inserts were 28 s and the commits 12 s of 81 s, mapping with its one schema check 9 s, reading 3 s, garbage collection 6 s. The batches were 38, 62 and 93 s of three runs (load average ~4, 8 and 11); with the stored per-day tallies merged, a quiet run's batches were 36 s of 53 s, and the remaining 17 s are start-up and recomputeAll: every person's tallies rebuilt from all events of their tickets (one person a transaction), then each agent's missions, trends, streak and growth read from them, then the week's offers. Issue 15's 30,000 events/s was not reached (18,800 on the merged tree's quiet run, 0.37× of plain inserts' 50,300; 0.26–0.45× under load before the merge).",
        }),
        measurement({
          benchmark: '9',
          name: `History import, ${label} events: peak RSS of the importing process`,
          unit: 'MiB',
          value: first.peakRssMiB,
          baselineName: 'peak RSS of the plain better-sqlite3 process',
          baseline: plain.peakRssMiB,
          better: 'lower',
          limitedBy:
            "The loaded code, then V8's garbage: ~170 MiB is resident before a byte is read (tsx and the server's modules; `import --help` alone peaks at 168 MiB, the plain baseline process at 170–181), the import phase then swings between ~220 and ~330 MiB as each 10,000-event batch's garbage is collected (higher on a quiet machine, where V8 lets the heap grow further before collecting: peaks 306, 311 and 347 MiB in three runs), flat from the first batch to the last (nothing but the batch grows with the file); on the merged tree the recomputation at the end (one person's tallies rebuilt at a time: 25 at a time peaked at 535 MiB) held ~230–310 MiB and the peak was 326 MiB. Issue 15's 300 MiB is not met: the swing above the loaded code is a batch's garbage, not data that grows.",
        }),
        measurement({
          benchmark: '9',
          name: `History re-import of the same ${label} events (every one a duplicate)`,
          unit: 'events/s',
          value: againRate,
          baselineName: 'the plain better-sqlite3 store of them',
          baseline: plainRate,
          better: 'higher',
          limitedBy:
            'Reading, mapping and schema-checking every event again, then an insert that finds every key taken (on conflict do nothing): the batches are all of it (28 of 30 s, 43 of 46 s and 65 of 70 s in three runs, load average ~4, 8 and 11), nothing is written, and there is no recomputation (nothing accepted, none owed).',
        }),
      ],
      details: {
        events: EVENTS,
        fileMiB: round(mib, 1),
        now: NOW,
        parseBaseline: { seconds: round(parse.ms / 1000, 1), peakRssMiB: round(parse.peakRssMiB, 1) },
        plainBaseline: {
          seconds: round(plain.ms / 1000, 1),
          peakRssMiB: round(plain.peakRssMiB, 1),
          writtenMiB: round(plain.writtenMiB),
        },
        import: {
          seconds: round(first.ms / 1000, 1),
          batchesSeconds: round(firstReply.seconds, 1),
          startupAndRecomputeSeconds: round(first.ms / 1000 - firstReply.seconds, 1),
          peakRssMiB: round(first.peakRssMiB, 1),
          writtenMiB: round(first.writtenMiB),
          rssPerSecondMiB: perSecond(first),
        },
        reimport: {
          seconds: round(again.ms / 1000, 1),
          batchesSeconds: round(againReply.seconds, 1),
          recomputed: againReply.recomputed,
          peakRssMiB: round(again.peakRssMiB, 1),
          rssPerSecondMiB: perSecond(again),
        },
      },
    };
  } finally {
    dir.dispose();
  }
}
