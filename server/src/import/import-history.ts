import { type Readable } from 'node:stream';
import type { ImportReply } from '../../../shared/api/import';
import { type IngestBatch } from './import-types';
import { createMapper, defaultFormat, type MappingSpec } from './mappings/mapping-spec';
import { type ImportPeople, runImport, type RunImportOptions } from './run-import';
import { ImportWarnings } from './import-warnings';

/** Where imported history goes: the ingest service, and the recomputation of offers and streaks afterwards. */
export interface HistorySink {
  ingest: IngestBatch;
  /** Recomputes offers, streaks and growth for everyone once the history is in. */
  recompute: () => Promise<void>;
  /** Whether a recomputation is owed already (an earlier import was killed or failed before finishing it). */
  recomputeOwed: () => Promise<boolean>;
  /** Who already exists, and the agents users records name; without it no one is checked. */
  people?: ImportPeople;
}

export interface ImportHistoryOptions extends Pick<
  RunImportOptions,
  'batchSize' | 'onProgress' | 'onRejection' | 'clock'
> {
  input: Readable | RunImportOptions['input'];
  spec: MappingSpec;
  sink: HistorySink;
  /** Called once every batch is stored, just before the recomputation starts (it can take a while). */
  onRecompute?: () => void;
}

/**
 * One whole import, as the CLI and the admin route run it: stream → mapping → batches into the store, then one
 * recomputation so missions offers and streaks reflect the history (the per-event refresh is skipped during a
 * bulk import; doing it once at the end is both faster and the same result). A re-run of the same file adds
 * nothing and the recomputation is idempotent, so it is skipped when nothing new was accepted — unless one is
 * still owed (a kill during an earlier import's recomputation), which this import then finishes.
 */
export async function importHistory(options: ImportHistoryOptions): Promise<ImportReply> {
  const warnings = new ImportWarnings();
  const summary = await runImport({
    input: options.input,
    format: defaultFormat(options.spec),
    mapper: createMapper(options.spec, warnings),
    warnings,
    ...(options.sink.people ? { people: options.sink.people } : {}),
    ingest: options.sink.ingest,
    batchSize: options.batchSize,
    onProgress: options.onProgress,
    onRejection: options.onRejection,
    clock: options.clock,
  });
  const recomputed = summary.accepted > 0 || (await options.sink.recomputeOwed());
  if (recomputed) {
    options.onRecompute?.();
    await options.sink.recompute();
  }
  return { ...summary, recomputed };
}
