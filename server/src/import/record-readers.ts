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
  if (format === 'csv') return readCsvRecords(input);
  return format === 'json' ? readJsonRecords(input) : readJsonLinesRecords(input);
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

/**
 * The arrays of an API page that hold records: Zendesk's incremental and list pages (`tickets`, `metric_sets`,
 * `ticket_metrics`, `satisfaction_ratings`, `users`), search (`results`), and similar pages of other vendors.
 */
const PAGE_KEYS = new Set([
  'tickets',
  'metric_sets',
  'ticket_metrics',
  'satisfaction_ratings',
  'users',
  'agents',
  'results',
  'records',
  'data',
]);

interface Capture {
  kind: 'element' | 'object';
  line: number;
  text: string;
  /** Where the current chunk's part of the capture starts. */
  from: number;
  overflow: boolean;
  stream: string | undefined;
}

/**
 * Streams JSON as vendor APIs answer it: a top-level array of records (Mojo's ticket pages), or a page object
 * whose arrays hold them (a Zendesk incremental page: `{ "tickets": [...], "metric_sets": [...], "end_of_stream":
 * true }`, each record keeping its array's name as `_stream`), or a single record object; several such values
 * may follow one another (pages saved one after another). Scanned character by character so only one record is
 * ever held, cut off at MAX_RECORD_BYTES, however large the page is.
 */
export async function* readJsonRecords(input: Readable): AsyncGenerator<SourceItem> {
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  let top: 'none' | 'array' | 'object' = 'none';
  /** The depth at which values are records: 1 in a top-level array, 2 in a page's array, -1 elsewhere. */
  let recordDepth = -1;
  let stream: string | undefined;
  let cap: Capture | null = null;
  let scalar = false;
  // The top-level object's keys, to tell a page's record arrays from the other fields.
  let readingKey = false;
  let key = '';
  let lastKey = '';
  let expectValue = false;
  let isPage = false;

  const finish = (c: Capture, chunk: string, end: number): SourceItem => {
    if (c.overflow || c.text.length + (end - c.from) > MAX_RECORD_BYTES)
      return {
        kind: 'rejection',
        rejection: { line: c.line, reason: `record longer than ${MAX_RECORD_BYTES} bytes` },
      };
    const raw = c.text + chunk.slice(c.from, end);
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { kind: 'rejection', rejection: { line: c.line, reason: 'expected a JSON object' } };
      const fields = unwrapStream(value as Record<string, unknown>);
      return {
        kind: 'record',
        record: {
          line: c.line,
          fields: c.stream && fields._stream === undefined ? { ...fields, _stream: c.stream } : fields,
        },
      };
    } catch (err) {
      return {
        kind: 'rejection',
        rejection: { line: c.line, reason: `invalid JSON: ${(err as Error).message}` },
      };
    }
  };

  const scan = function* (chunk: string): Generator<SourceItem, boolean> {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === '\n') line += 1;
      if (inString) {
        if (escape) escape = false;
        else if (c === '\\') escape = true;
        else if (c === '"') {
          inString = false;
          if (readingKey) {
            readingKey = false;
            lastKey = key;
          }
        } else if (readingKey && key.length < 64) key += c;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
      if (depth === 0) {
        if (c === '[') {
          top = 'array';
          recordDepth = 1;
          stream = undefined;
        } else if (c === '{') {
          top = 'object';
          isPage = false;
          expectValue = false;
          cap = { kind: 'object', line, text: '', from: i, overflow: false, stream: undefined };
        } else {
          yield {
            kind: 'rejection',
            rejection: { line, reason: 'expected JSON (an array of records or an object)' },
          };
          return false;
        }
        depth = 1;
        continue;
      }
      // A value starting where records are: capture it (an object) or refuse it once (anything else).
      const atRecordStart = depth === recordDepth && cap === null && !scalar && c !== ',' && c !== ']';
      if (atRecordStart) {
        if (c === '{') cap = { kind: 'element', line, text: '', from: i, overflow: false, stream };
        else {
          scalar = true;
          yield { kind: 'rejection', rejection: { line, reason: 'expected a JSON object' } };
        }
      }
      if (c === '"') {
        inString = true;
        if (top === 'object' && depth === 1 && !expectValue) {
          readingKey = true;
          key = '';
        }
        continue;
      }
      if (top === 'object' && depth === 1) {
        if (c === ':') expectValue = true;
        else if (c === ',') expectValue = false;
        else if (c === '[' && expectValue && PAGE_KEYS.has(lastKey)) {
          // A page: its record arrays are streamed; the object itself is not a record.
          isPage = true;
          if (cap?.kind === 'object') cap = null;
          recordDepth = 2;
          stream = lastKey;
        }
      }
      if (c === ',' && depth === recordDepth) scalar = false;
      if (c === '{' || c === '[') depth += 1;
      else if (c === '}' || c === ']') {
        depth -= 1;
        if (depth === recordDepth && cap?.kind === 'element') {
          yield finish(cap, chunk, i + 1);
          cap = null;
        } else if (depth === recordDepth - 1 && recordDepth > 0) {
          // The record array closed.
          scalar = false;
          recordDepth = -1;
          stream = undefined;
        }
        if (depth === 0) {
          if (cap?.kind === 'object' && !isPage) yield finish(cap, chunk, i + 1);
          cap = null;
          top = 'none';
          recordDepth = -1;
        }
      }
    }
    return true;
  };

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const go = yield* scan(text);
    if (!go) return;
    const open = cap as Capture | null;
    if (open) {
      if (!open.overflow) open.text += text.slice(open.from);
      open.from = 0;
      if (open.text.length > MAX_RECORD_BYTES) {
        open.overflow = true;
        open.text = '';
      }
    }
  }
  const rest = decoder.end();
  if (rest) yield* scan(rest);
  if (depth > 0 || inString)
    yield { kind: 'rejection', rejection: { line, reason: 'the JSON ends in the middle of a value' } };
}
