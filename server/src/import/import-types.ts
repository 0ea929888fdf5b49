import { IngestEvent, type IngestResult } from '../../../shared/api/ingest';
import type { ImportRejection } from '../../../shared/api/import';
import type { VendorAgent } from '../connectors/pull-stream';

/**
 * One record read from an import file: its fields and the (1-based) line of the file it came from, so every
 * rejection can point at the line a person has to fix.
 */
export interface SourceRecord {
  line: number;
  fields: Record<string, unknown>;
  /** The file it came from, when one import reads several. */
  file?: string;
}

/**
 * An event derived from a record: a HelpdeskEvent that names its agent by helpdesk handle (`agent`, e.g.
 * "servicenow:Resolver 12"), exactly what the ingest service takes; it resolves handles to people and creates
 * unclaimed people for unknown handles.
 */
export const ImportedEvent = IngestEvent;
export type ImportedEvent = IngestEvent;

export interface MappedEvent {
  line: number;
  event: ImportedEvent;
  file?: string;
}

export interface MapOutput {
  events: MappedEvent[];
  rejections: ImportRejection[];
  /** The record was left out by the mapping's row filter (counted, neither imported nor rejected). */
  filtered?: boolean;
  /** Helpdesk agents named by users records (their names and handles become people at the end of the import). */
  agents?: VendorAgent[];
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

/** The importer's only way to store events: one batch at a time, resolved once the batch is durably written. */
export type IngestBatch = (events: ImportedEvent[]) => Promise<IngestResult>;

/** How many rejections the summary lists in full; the count is always exact. */
export const MAX_LISTED_REJECTIONS = 1000;
