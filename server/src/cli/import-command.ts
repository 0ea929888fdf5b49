import fs from 'node:fs';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { NowFlag, flag, parseArgs, parsedFlag, storeFlags } from './args';
import type { Environment } from '../core/config';
import { createServerContext } from '../app/server-context';
import { importHistory } from '../import/import-history';
import { type ImportFormat, ImportQuery, type ImportSummary } from '../../../shared/api/import';
import { mappingSpecFrom } from '../import/import-request';
import { createMapper } from '../import/mappings/mapping-spec';
import { ByteCounter, ByteCounterTap, createProgressView } from '../import/progress-bar';
import { formatSummary, formatWarnings } from '../import/summary-text';
import { ImportInterruptedError, type ImportInput } from '../import/run-import';
import { bulkHistorySink } from '../import/server-sink';
import { importOverHttp } from '../import/http-import-client';

export const IMPORT_HELP = `sidekick-server import FILE… |- (--mapping generic|zendesk|freshdesk|servicenow|mojo | --mapping-file PATH)
      [--format csv|jsonl|json] [--source NAME] [--timezone TZ] [--time-format FMT] [--batch-size 10000]
      [--rejections FILE] [--json] [--strict] [--now ISO] [--data-dir DIR | --database-url URL | --server URL (token in SIDEKICK_TOKEN)]`;

/**
 * Events per transaction of an in-process import. Large, because SQLite writes every page a transaction dirtied
 * at its commit (WAL, then the checkpoint), and a year of history spreads each batch over most pages of the
 * (agent_id, at) index whatever its size: fewer commits write less. Not larger, because the batch is held in
 * memory while it is stored (~5 MiB of events, several times that in garbage until the next collection):
 * benchmark 9's RSS swung ~100 MiB a batch at 20,000. The admin route keeps the ingest default (500), so a
 * live server's other writers never wait long behind an import.
 */
export const IN_PROCESS_BATCH_SIZE = 10_000;
const MAX_BATCH_SIZE = 100_000;

/** Exit code when --strict is given and the import warned (and rejected nothing; rejections exit 3). */
export const EXIT_WARNED = 4;

const EXTENSION_FORMATS: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};

/**
 * `sidekick-server import`: backfills history from CSV, JSON Lines or JSON files (several files are one import:
 * tickets, metrics, ratings and users joined by ticket id). In-process against the store (--data-dir /
 * --database-url, for a first backfill) or streamed to a running server's admin route (--server). Prints a
 * summary and every warning (also on stderr); exits 3 when some lines were rejected, 4 with --strict when the
 * import warned, so scripts notice.
 */
export async function runImport(argv: readonly string[], env: Environment): Promise<void> {
  const args = parseArgs(argv, ['json', 'help', 'strict']);
  const files = args.positional;
  const file = files[0];
  if (flag(args, 'help') === 'true' || !file) {
    console.log(`Usage:\n  ${IMPORT_HELP}\n\nSee server/src/import/README.md.`);
    if (!file && flag(args, 'help') !== 'true') process.exitCode = 2;
    return;
  }
  const mappingFile = flag(args, 'mapping-file');
  const parsedQuery = ImportQuery.safeParse({
    ...(flag(args, 'mapping') ? { mapping: flag(args, 'mapping') } : {}),
    ...(mappingFile ? { spec: fs.readFileSync(mappingFile, 'utf8') } : {}),
    ...pick(args, { format: 'format', source: 'source', timezone: 'timezone', timeFormat: 'time-format' }),
  });
  if (!parsedQuery.success)
    throw new Error(
      `import: ${parsedQuery.error.issues.map((i) => `${i.path.join('.') || 'flags'}: ${i.message}`).join('; ')}\n\nUsage:\n  ${IMPORT_HELP}`,
    );
  const query = parsedQuery.data;
  const spec = mappingSpecFrom(query);
  // Without --format (or one in the mapping file) the files' extension says: .csv, .jsonl / .ndjson, .json.
  if (!spec.format) {
    const formats = new Set(files.map((f) => EXTENSION_FORMATS[path.extname(f).toLowerCase()]));
    const [only] = formats;
    if (formats.size > 1)
      throw new Error('import: the files are of different formats; import them separately or give --format');
    if (only) {
      spec.format = only;
      query.format = only;
    }
  }
  createMapper(spec); // an unknown time zone fails here, before the store is opened or a byte is read
  const batchSize = Number(flag(args, 'batch-size') ?? IN_PROCESS_BATCH_SIZE);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE)
    throw new Error(`--batch-size must be 1–${MAX_BATCH_SIZE}`);

  if (files.length > 1 && files.includes('-'))
    throw new Error('import: - (stdin) cannot be one of several files');
  for (const f of files) if (f !== '-' && !fs.existsSync(f)) throw new Error(`import: no such file ${f}`);
  if (files.length > 1 && flag(args, 'server'))
    throw new Error(
      'import: --server takes one file; join JSON Lines files into one first (cat tickets.jsonl ticket_metrics.jsonl > all.jsonl) so their records are joined',
    );
  const totalBytes = file === '-' ? undefined : files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const counter = new ByteCounter();
  // Every file's bytes go through the one counter, so the bar shows the share of all of them read.
  const open = (f: string): Readable =>
    (f === '-' ? process.stdin : fs.createReadStream(f, { highWaterMark: 256 * 1024 })).pipe(
      new ByteCounterTap(counter),
    );
  const input: Readable | ImportInput[] =
    files.length === 1 ? open(file) : files.map((f) => ({ name: path.basename(f), input: open(f) }));
  const view = createProgressView(process.stdout, totalBytes, counter);
  const rejectionsPath = flag(args, 'rejections');
  const rejectionsOut = rejectionsPath ? fs.createWriteStream(rejectionsPath, { flags: 'w' }) : null;

  let summary: ImportSummary;
  try {
    const server = flag(args, 'server');
    if (server) {
      const token = env.SIDEKICK_TOKEN;
      if (!token)
        throw new Error(
          '--server needs an admin token in the SIDEKICK_TOKEN environment variable (kept out of argv so it does not show in ps)',
        );
      summary = await importOverHttp({
        server,
        token,
        query,
        input: input as Readable,
        onTick: () => view.update(),
      });
      summary.rejected.forEach((r) => rejectionsOut?.write(`${JSON.stringify(r)}\n`));
    } else {
      // --now: the recomputation's clock (which week's offers, which ratings are recent), as `serve --now`.
      const now = parsedFlag(args, 'now', NowFlag);
      const ctx = await createServerContext({
        environment: env,
        ...storeFlags(args, env),
        ...(now ? { now } : {}),
      });
      try {
        summary = await importHistory({
          input,
          spec,
          sink: await bulkHistorySink(ctx),
          batchSize,
          onProgress: (p) => view.update(p),
          onRejection: (r) => rejectionsOut?.write(`${JSON.stringify(r)}\n`),
          onRecompute: () => {
            view.stop();
            if (process.stdout.isTTY)
              console.log('All batches stored; recomputing missions, streaks, growth and offers…');
          },
        });
      } finally {
        await ctx.store.close();
      }
    }
  } catch (err) {
    view.stop();
    if (err instanceof ImportInterruptedError) {
      console.error(
        `Import interrupted: ${err.message}\nEverything counted below is stored; run the same command again to resume (already stored events come back as duplicates).\n${formatSummary(err.summary)}`,
      );
      process.exitCode = 1;
      return;
    }
    throw err;
  } finally {
    await new Promise<void>((resolve) => (rejectionsOut ? rejectionsOut.end(resolve) : resolve()));
  }
  view.stop();
  console.log(flag(args, 'json') === 'true' ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  // Loud: on stderr too, so a warning is seen even when stdout is a JSON summary piped elsewhere.
  const warnings = summary.warnings ?? [];
  if (warnings.length > 0) console.error(formatWarnings(warnings));
  if (summary.rejectedCount > 0) process.exitCode = 3;
  else if (warnings.length > 0 && flag(args, 'strict') === 'true') {
    console.error(`--strict: the import warned ${warnings.length} time(s); exiting ${EXIT_WARNED}.`);
    process.exitCode = EXIT_WARNED;
  }
}

function pick(args: ReturnType<typeof parseArgs>, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, flagName] of Object.entries(names)) {
    const value = flag(args, flagName);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
