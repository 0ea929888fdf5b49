import { type Readable } from 'node:stream';
import type { ImportFormat, ImportRejection, ImportSummary } from '../../../shared/api/import';
import { readRecords } from './record-readers';
import { type IngestBatch, type MappedEvent, type RecordMapper, MAX_LISTED_REJECTIONS } from './import-types';

export interface ImportProgress {
  records: number;
  events: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface RunImportOptions {
  input: Readable;
  format: ImportFormat;
  mapper: RecordMapper;
  ingest: IngestBatch;
  /** Events per ingest call; each batch is acknowledged (durably written) before the next is read. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Every rejection, including those beyond the summary's list (the CLI writes them to --rejections FILE). */
  onRejection?: (rejection: ImportRejection) => void;
  /** Milliseconds clock, injectable for tests. */
  clock?: () => number;
}

export const DEFAULT_BATCH_SIZE = 500;

/** Thrown when the store fails mid-import; `summary` says what was acknowledged before, so a re-run is safe. */
export class ImportInterruptedError extends Error {
  constructor(
    message: string,
    readonly summary: ImportSummary,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Streams records → events → batches of `batchSize` into the ingest service. Reading waits while a batch is
 * being written (the `for await` only pulls the next record after the flush resolves), so memory holds one
 * batch whatever the file size. Re-importing a file is harmless: events carry deterministic (source,
 * externalId) keys and come back as duplicates.
 */
export async function runImport(options: RunImportOptions): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const clock = options.clock ?? Date.now;
  const started = clock();
  const counts = {
    records: 0,
    events: 0,
    accepted: 0,
    duplicates: 0,
    rejectedCount: 0,
    recordsWithoutEvents: 0,
  };
  const listed: ImportRejection[] = [];
  let batch: MappedEvent[] = [];

  const summary = (): ImportSummary => ({
    ...counts,
    rejected: [...listed].sort((a, b) => a.line - b.line),
    seconds: (clock() - started) / 1000,
  });
  const reject = (rejection: ImportRejection) => {
    counts.rejectedCount += 1;
    options.onRejection?.(rejection);
    if (listed.length < MAX_LISTED_REJECTIONS) listed.push(rejection);
  };
  const progress = () =>
    options.onProgress?.({
      records: counts.records,
      events: counts.events,
      accepted: counts.accepted,
      duplicates: counts.duplicates,
      rejected: counts.rejectedCount,
    });
  const flush = async () => {
    if (batch.length === 0) return;
    const sending = batch;
    batch = [];
    let result;
    try {
      result = await options.ingest(sending.map((m) => m.event));
    } catch (err) {
      throw new ImportInterruptedError(
        `storing a batch failed after ${counts.accepted + counts.duplicates} events were stored: ${(err as Error).message}`,
        summary(),
        { cause: err },
      );
    }
    counts.accepted += result.accepted;
    counts.duplicates += result.duplicates;
    for (const r of result.rejected) reject({ line: sending[r.index]?.line ?? 0, reason: r.error });
    progress();
  };
  const take = async (out: { events: MappedEvent[]; rejections: ImportRejection[] }) => {
    out.rejections.forEach(reject);
    counts.events += out.events.length;
    batch.push(...out.events);
    if (batch.length >= batchSize) await flush();
  };

  for await (const item of readRecords(options.input, options.format)) {
    if (item.kind === 'rejection') {
      reject(item.rejection);
      continue;
    }
    counts.records += 1;
    const out = options.mapper.map(item.record);
    if (out.events.length === 0 && out.rejections.length === 0) counts.recordsWithoutEvents += 1;
    await take(out);
  }
  await take(options.mapper.finish());
  await flush();
  return summary();
}
