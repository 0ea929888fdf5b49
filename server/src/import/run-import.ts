import { type Readable } from 'node:stream';
import type { ImportFormat, ImportRejection, ImportSummary } from '../../../shared/api/import';
import { readRecords } from './record-readers';
import {
  type IngestBatch,
  type MapOutput,
  type MappedEvent,
  type RecordMapper,
  MAX_LISTED_REJECTIONS,
} from './import-types';
import { type VendorAgent } from '../connectors/pull-stream';
import { ImportWarnings } from './import-warnings';

export interface ImportProgress {
  records: number;
  events: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** One of several files read by one import (tickets, metrics, ratings, users …); rejections name the file. */
export interface ImportInput {
  name: string;
  input: Readable;
}

/** Who the imported rows name: which handles already belong to someone, and the helpdesk's own agent list. */
export interface ImportPeople {
  /** The handles among these that some person already has. */
  existing: (handles: readonly string[]) => Promise<ReadonlySet<string>>;
  /** The agents named by users records: people with their names and handles (after the events are stored). */
  directory: (agents: readonly VendorAgent[]) => Promise<void>;
}

export interface RunImportOptions {
  /** One stream, or several files read one after another as one import (records joined across them). */
  input: Readable | readonly ImportInput[];
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
  /** Collects the warnings (the same collector the mapper was given); a fresh one when absent. */
  warnings?: ImportWarnings;
  /** Without it, nobody is checked and users records name no one. */
  people?: ImportPeople;
}

/** How many distinct handles the unknown-person check remembers (agents, not rows). */
const MAX_CHECKED_HANDLES = 100_000;
/** How many agents users records may name in one import (a helpdesk's staff, not its customers). */
const MAX_DIRECTORY = 50_000;

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
  const warnings = options.warnings ?? new ImportWarnings();
  const checked = new Set<string>();
  const unknown = new Set<string>();
  const directory = new Map<string, VendorAgent>();
  let filtered = 0;
  let file: string | undefined;
  const inputs: readonly ImportInput[] = Array.isArray(options.input)
    ? (options.input as readonly ImportInput[])
    : [{ name: '', input: options.input as Readable }];
  const named = inputs.length > 1;

  const summary = (): ImportSummary => ({
    ...counts,
    rejected: [...listed].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line),
    seconds: (clock() - started) / 1000,
    filtered,
    warnings: warnings.list(),
  });
  const reject = (given: ImportRejection) => {
    const rejection = named && given.file === undefined && file ? { ...given, file } : given;
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
      await checkPeople(sending);
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
    for (const r of result.rejected) {
      const m = sending[r.index];
      reject({ line: m?.line ?? 0, reason: r.error, ...(m?.file ? { file: m.file } : {}) });
    }
    progress();
  };
  // Before a batch is stored (storing creates an unclaimed person for every unknown handle): which of its
  // handles no one had yet. Each distinct handle is asked about once; every event naming one is counted.
  const checkPeople = async (events: MappedEvent[]) => {
    if (!options.people) return;
    const fresh = new Set<string>();
    for (const { event } of events) {
      const handle = 'agent' in event ? event.agent : undefined;
      if (handle && !checked.has(handle) && checked.size + fresh.size < MAX_CHECKED_HANDLES)
        fresh.add(handle);
    }
    if (fresh.size > 0) {
      const existing = await options.people.existing([...fresh]);
      for (const handle of fresh) {
        checked.add(handle);
        if (!existing.has(handle)) unknown.add(handle);
      }
    }
    for (const { event, line } of events) {
      const handle = 'agent' in event ? event.agent : undefined;
      if (handle && unknown.has(handle)) warnings.unknownPerson(handle, line);
    }
  };
  const take = async (out: MapOutput) => {
    out.rejections.forEach(reject);
    counts.events += out.events.length;
    for (const agent of out.agents ?? [])
      if (directory.size < MAX_DIRECTORY && agent.handles[0]) directory.set(agent.handles[0], agent);
    for (const event of out.events) batch.push(named && file && !event.file ? { ...event, file } : event);
    if (batch.length >= batchSize) await flush();
  };

  for (const source of inputs) {
    file = source.name || undefined;
    for await (const item of readRecords(source.input, options.format)) {
      if (item.kind === 'rejection') {
        reject(item.rejection);
        continue;
      }
      counts.records += 1;
      warnings.at(item.record.line);
      const out = options.mapper.map(named && file ? { ...item.record, file } : item.record);
      if (out.filtered) filtered += 1;
      else if (out.events.length === 0 && out.rejections.length === 0) counts.recordsWithoutEvents += 1;
      await take(out);
    }
  }
  file = undefined;
  await take(options.mapper.finish());
  await flush();
  if (options.people && directory.size > 0) {
    const agents = [...directory.values()];
    try {
      await options.people.directory(agents);
    } catch (err) {
      throw new ImportInterruptedError(
        `storing the agents named by users records failed after every event was stored: ${(err as Error).message}`,
        summary(),
        { cause: err },
      );
    }
    warnings.forgetPeople(agents.flatMap((a) => a.handles));
  }
  return summary();
}
