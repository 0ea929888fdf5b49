import fs from 'node:fs';
import { type Readable } from 'node:stream';
import { NowFlag, flag, parseArgs, parsedFlag, storeFlags } from './args';
import type { Environment } from '../core/config';
import { createServerContext } from '../app/server-context';
import { importHistory } from '../import/import-history';
import { ImportQuery, type ImportSummary } from '../../../shared/api/import';
import { mappingSpecFrom } from '../import/import-request';
import { createMapper } from '../import/mappings/mapping-spec';
import { ByteCounter, createProgressView } from '../import/progress-bar';
import { formatSummary } from '../import/summary-text';
import { ImportInterruptedError } from '../import/run-import';
import { serverHistorySink } from '../import/server-sink';
import { importOverHttp } from '../import/http-import-client';

export const IMPORT_HELP = `sidekick-server import FILE|- (--mapping generic|zendesk|freshdesk|servicenow | --mapping-file PATH)
      [--format csv|jsonl] [--source NAME] [--timezone TZ] [--time-format FMT] [--batch-size 500]
      [--rejections FILE] [--json] [--now ISO] [--data-dir DIR | --database-url URL | --server URL (token in SIDEKICK_TOKEN)]`;

/**
 * `sidekick-server import`: backfills history from a CSV or JSON Lines file. In-process against the store
 * (--data-dir / --database-url, for a first backfill) or streamed to a running server's admin route (--server).
 * Prints a summary; exits 3 when some lines were rejected, so scripts notice.
 */
export async function runImport(argv: readonly string[], env: Environment): Promise<void> {
  const args = parseArgs(argv, ['json', 'help']);
  const file = args.positional[0];
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
  createMapper(spec); // an unknown time zone fails here, before the store is opened or a byte is read
  const batchSize = Number(flag(args, 'batch-size') ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw new Error('--batch-size must be 1–5000');

  if (file !== '-' && !fs.existsSync(file)) throw new Error(`import: no such file ${file}`);
  const totalBytes = file === '-' ? undefined : fs.statSync(file).size;
  const counter = new ByteCounter();
  const input: Readable = (
    file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 256 * 1024 })
  ).pipe(counter);
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
      summary = await importOverHttp({ server, token, query, input, onTick: () => view.update() });
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
          sink: serverHistorySink(ctx),
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
  if (summary.rejectedCount > 0) process.exitCode = 3;
}

function pick(args: ReturnType<typeof parseArgs>, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, flagName] of Object.entries(names)) {
    const value = flag(args, flagName);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
