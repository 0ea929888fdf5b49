import { z } from 'zod';
import { IngestEvent } from '../../../shared/api/ingest';

/**
 * One record read from an import file: its fields and the (1-based) line of the file it came from, so every
 * rejection can point at the line a person has to fix.
 */
export interface SourceRecord {
  line: number;
  fields: Record<string, unknown>;
}

/**
 * An event derived from a record: a HelpdeskEvent that names its agent by helpdesk handle (`agent`, e.g.
 * "servicenow:Resolver 12"), exactly what the ingest service takes; it resolves handles to people and creates
 * unclaimed people for unknown handles.
 */
export const ImportedEvent = IngestEvent;
export type ImportedEvent = IngestEvent;

/** A line the importer could not use, and why. Never silently dropped: it ends up in the summary. */
export const ImportRejection = z.object({ line: z.number().int().min(0), reason: z.string() });
export type ImportRejection = z.infer<typeof ImportRejection>;

export interface MappedEvent {
  line: number;
  event: ImportedEvent;
}

export interface MapOutput {
  events: MappedEvent[];
  rejections: ImportRejection[];
}

/**
 * Turns records into events. A mapper is created per import and may keep a little state (the ServiceNow log
 * derives events from the difference between consecutive rows of an incident), so `finish` flushes whatever
 * is still pending at the end of the file. Mappers never compute metrics: that is the engine's job.
 */
export interface RecordMapper {
  map(record: SourceRecord): MapOutput;
  finish(): MapOutput;
}

export const IngestBatchResult = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.array(z.object({ index: z.number().int().min(0), error: z.string() })),
});
export type IngestBatchResult = z.infer<typeof IngestBatchResult>;

/** The importer's only way to store events: one batch at a time, resolved once the batch is durably written. */
export type IngestBatch = (events: ImportedEvent[]) => Promise<IngestBatchResult>;

/** How many rejections the summary lists in full; the count is always exact. */
export const MAX_LISTED_REJECTIONS = 1000;

export const ImportSummary = z.object({
  records: z.number().int().min(0),
  events: z.number().int().min(0),
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejectedCount: z.number().int().min(0),
  /** The first MAX_LISTED_REJECTIONS rejections, in file order. */
  rejected: z.array(ImportRejection),
  /** Records that were read fine but describe no change worth an event (e.g. an audit row that only edits notes). */
  recordsWithoutEvents: z.number().int().min(0),
  seconds: z.number().min(0),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
