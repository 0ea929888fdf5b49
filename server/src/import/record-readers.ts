import { type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type CsvError, parse } from 'csv-parse';
import type { ImportFormat, ImportRejection } from '../../../shared/api/import';
import { type SourceRecord } from './import-types';

/** What a reader yields: a record, or a line it could not read (bad quoting, bad JSON), with the reason. */
export type SourceItem =
  { kind: 'record'; record: SourceRecord } | { kind: 'rejection'; rejection: ImportRejection };

/** A single record larger than this is refused rather than buffered: no line can exhaust memory. */
export const MAX_RECORD_BYTES = 1024 * 1024;

export function readRecords(input: Readable, format: ImportFormat): AsyncGenerator<SourceItem> {
  return format === 'csv' ? readCsvRecords(input) : readJsonLinesRecords(input);
}

/**
 * Streams a CSV file with a header row. csv-parse pulls from `input` only as fast as the consumer iterates, so
 * memory stays flat however large the file is; a malformed record is skipped *and reported* with its line.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<SourceItem> {
  const skipped: ImportRejection[] = [];
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    info: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    skip_records_with_error: true,
  });
  parser.on('skip', (err: CsvError) => {
    skipped.push({ line: err.lines ?? 0, reason: `unreadable CSV record: ${err.message}` });
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  for await (const item of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    while (skipped.length > 0) yield { kind: 'rejection', rejection: skipped.shift()! };
    yield { kind: 'record', record: { line: item.info.lines, fields: item.record } };
  }
  while (skipped.length > 0) yield { kind: 'rejection', rejection: skipped.shift()! };
}

/**
 * Export tools write each record in a `{ "stream": "tickets", "data": { … } }` wrapper (Airbyte's record
 * messages nest it once more under `record`). The record is the `data`, with the stream's name kept as
 * `_stream` so a mapping can tell a ticket from, say, a ticket metrics record.
 */
export function unwrapStream(value: Record<string, unknown>): Record<string, unknown> {
  const inner =
    value.type === 'RECORD' && typeof value.record === 'object' && value.record !== null
      ? (value.record as Record<string, unknown>)
      : value;
  const { stream, data } = inner;
  if (typeof stream !== 'string' || typeof data !== 'object' || data === null || Array.isArray(data))
    return value;
  return { ...(data as Record<string, unknown>), _stream: stream };
}

/**
 * Streams JSON Lines: one JSON object per line, blank lines ignored. Written by hand rather than with readline
 * so an endless line is cut off at MAX_RECORD_BYTES instead of filling memory.
 */
export async function* readJsonLinesRecords(input: Readable): AsyncGenerator<SourceItem> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  let overflowing = false;
  const parseLine = (text: string, lineNo: number): SourceItem | null => {
    const trimmed = text.replace(/\r$/, '').trim();
    if (trimmed === '') return null;
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return {
          kind: 'rejection',
          rejection: { line: lineNo, reason: 'expected a JSON object on this line' },
        };
      }
      return {
        kind: 'record',
        record: { line: lineNo, fields: unwrapStream(value as Record<string, unknown>) },
      };
    } catch (err) {
      return {
        kind: 'rejection',
        rejection: { line: lineNo, reason: `invalid JSON: ${(err as Error).message}` },
      };
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    // Scan by offset and cut `pending` once per chunk: slicing after every line would copy the chunk per line.
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      line += 1;
      const text = pending.slice(start, newline);
      start = newline + 1;
      if (overflowing) {
        overflowing = false;
        yield {
          kind: 'rejection',
          rejection: { line, reason: `line longer than ${MAX_RECORD_BYTES} bytes` },
        };
      } else {
        const item = parseLine(text, line);
        if (item) yield item;
      }
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    if (pending.length > MAX_RECORD_BYTES) {
      overflowing = true;
      pending = '';
    }
  }
  pending += decoder.end();
  if (overflowing)
    yield {
      kind: 'rejection',
      rejection: { line: line + 1, reason: `line longer than ${MAX_RECORD_BYTES} bytes` },
    };
  else if (pending.length > 0) {
    const item = parseLine(pending, line + 1);
    if (item) yield item;
  }
}
