import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, readRecords, type SourceItem } from '../../../server/src/import/record-readers';

async function collect(text: string | Buffer[], format: 'csv' | 'jsonl'): Promise<SourceItem[]> {
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
