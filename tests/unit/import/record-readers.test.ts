import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, readRecords, type SourceItem } from '../../../server/src/import/record-readers';

async function collect(text: string | Buffer[], format: 'csv' | 'jsonl' | 'json'): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readRecords(
    Readable.from(typeof text === 'string' ? [Buffer.from(text)] : text),
    format,
  ))
    items.push(item);
  return items;
}

describe('CSV reader', () => {
  it('reads records with their line numbers, a quoted multi-line field included', async () => {
    const items = await collect('\uFEFFnumber,note\nINC1,plain\nINC2,"two\nlines"\nINC3,last\n', 'csv');
    expect(items).toEqual([
      { kind: 'record', record: { line: 2, fields: { number: 'INC1', note: 'plain' } } },
      { kind: 'record', record: { line: 4, fields: { number: 'INC2', note: 'two\nlines' } } },
      { kind: 'record', record: { line: 5, fields: { number: 'INC3', note: 'last' } } },
    ]);
  });

  it('reports a record with the wrong number of columns by line and keeps reading', async () => {
    const items = await collect('a,b\n1,2\n3,4,5\n6,7\n', 'csv');
    expect(items.filter((i) => i.kind === 'record')).toHaveLength(2);
    const rejection = items.find((i) => i.kind === 'rejection');
    expect(rejection).toMatchObject({ kind: 'rejection', rejection: { line: 3 } });
    expect(rejection?.kind === 'rejection' && rejection.rejection.reason).toMatch(/unreadable CSV record/);
  });
});

describe('JSON Lines reader', () => {
  it('reads objects across chunk boundaries, skips blank lines, handles CRLF and a missing final newline', async () => {
    const text = '{"id":1}\r\n\n{"id":2,"s":"é"}\n{"id":3}';
    const bytes = Buffer.from(text);
    // Split inside the multi-byte "é" to prove decoding is chunk-safe.
    const cut = bytes.indexOf(0xa9);
    const items = await collect([bytes.subarray(0, cut), bytes.subarray(cut)], 'jsonl');
    expect(items).toEqual([
      { kind: 'record', record: { line: 1, fields: { id: 1 } } },
      { kind: 'record', record: { line: 3, fields: { id: 2, s: 'é' } } },
      { kind: 'record', record: { line: 4, fields: { id: 3 } } },
    ]);
  });

  it('rejects bad JSON and non-objects with their line and keeps the rest', async () => {
    const items = await collect('{"id":1}\n{oops\n[1,2]\n{"id":4}\n', 'jsonl');
    expect(
      items.map((i) =>
        i.kind === 'record'
          ? `ok ${i.record.line}`
          : `bad ${i.rejection.line}: ${i.rejection.reason.split(':')[0]}`,
      ),
    ).toEqual(['ok 1', 'bad 2: invalid JSON', 'bad 3: expected a JSON object on this line', 'ok 4']);
  });

  it('refuses a line longer than the limit without buffering it whole', async () => {
    const huge = `{"x":"${'a'.repeat(MAX_RECORD_BYTES + 10)}"}`;
    const chunks = [
      Buffer.from('{"id":1}\n'),
      ...Array.from({ length: 20 }, (_, i) =>
        Buffer.from(huge.slice(i * Math.ceil(huge.length / 20), (i + 1) * Math.ceil(huge.length / 20))),
      ),
      Buffer.from('\n{"id":3}\n'),
    ];
    const items = await collect(chunks, 'jsonl');
    expect(items.map((i) => (i.kind === 'record' ? i.record.line : `rejected ${i.rejection.line}`))).toEqual([
      1,
      'rejected 2',
      3,
    ]);
  });
});

describe('{stream, data} wrappers', () => {
  it('reads the record inside, keeping the stream name, and leaves plain records alone', async () => {
    const lines = [
      JSON.stringify({ stream: 'tickets', data: { id: 1, status: 'open' } }),
      JSON.stringify({
        type: 'RECORD',
        record: { stream: 'ticket_metrics', data: { id: 9, ticket_id: 1 }, emitted_at: 1 },
      }),
      JSON.stringify({ id: 2, stream: 'not a wrapper' }),
    ].join('\n');
    const items = await collect(`${lines}\n`, 'jsonl');
    expect(items).toEqual([
      { kind: 'record', record: { line: 1, fields: { id: 1, status: 'open', _stream: 'tickets' } } },
      { kind: 'record', record: { line: 2, fields: { id: 9, ticket_id: 1, _stream: 'ticket_metrics' } } },
      { kind: 'record', record: { line: 3, fields: { id: 2, stream: 'not a wrapper' } } },
    ]);
  });
});

describe('JSON reader (API answers)', () => {
  const brief = (items: SourceItem[]) =>
    items.map((i) =>
      i.kind === 'record'
        ? `${i.record.line} ${String(i.record.fields._stream ?? '-')} ${String(i.record.fields.id)}`
        : `bad ${i.rejection.line}: ${i.rejection.reason}`,
    );

  it('reads a top-level array of records (Mojo ticket pages), with the line each record starts on', async () => {
    const page = JSON.stringify(
      [
        { id: 1, tags: [{ id: 3, label: 'a]b' }] },
        { id: 2, title: 'say "hi" {' },
      ],
      null,
      2,
    );
    expect(brief(await collect(page, 'json'))).toEqual(['2 - 1', '11 - 2']);
  });

  it("streams a page object's record arrays, each record keeping its array's name, and ignores the page's other fields", async () => {
    const page = JSON.stringify({
      tickets: [{ id: 10, status: 'solved' }],
      metric_sets: [{ id: 99, ticket_id: 10 }],
      next_page: null,
      count: 1,
      end_of_stream: true,
    });
    expect(brief(await collect(page, 'json'))).toEqual(['1 tickets 10', '1 metric_sets 99']);
  });

  it('reads a single record object and several values one after another, across chunk boundaries', async () => {
    const text = `{"id": 7, "tags": ["x"]}\n[{"id": 8}]\n{"users": [{"id": 9}]}`;
    const chunks = [...Buffer.from(text)].map((b) => Buffer.from([b]));
    expect(brief(await collect(chunks, 'json'))).toEqual(['1 - 7', '2 - 8', '3 users 9']);
  });

  it('refuses non-objects where records are, a value cut short, and text that is not JSON', async () => {
    expect(brief(await collect('[1, {"id": 2}, "x"]', 'json'))).toEqual([
      'bad 1: expected a JSON object',
      '1 - 2',
      'bad 1: expected a JSON object',
    ]);
    expect(brief(await collect('[{"id": 1}, {"id": ', 'json'))).toEqual([
      '1 - 1',
      'bad 1: the JSON ends in the middle of a value',
    ]);
    expect(brief(await collect('id,status\n1,open\n', 'json'))).toEqual([
      'bad 1: expected JSON (an array of records or an object)',
    ]);
  });

  it('refuses a record longer than the limit without holding it', async () => {
    const big = `[{"id": 1, "x": "${'a'.repeat(MAX_RECORD_BYTES + 10)}"}, {"id": 2}]`;
    const chunks = Array.from({ length: Math.ceil(big.length / 65536) }, (_, i) =>
      Buffer.from(big.slice(i * 65536, (i + 1) * 65536)),
    );
    expect(brief(await collect(chunks, 'json'))).toEqual([
      `bad 1: record longer than ${MAX_RECORD_BYTES} bytes`,
      '1 - 2',
    ]);
  });
});
