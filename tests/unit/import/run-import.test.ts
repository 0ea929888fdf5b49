import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ImportInterruptedError, runImport } from '../../../server/src/import/run-import';
import { createMapper } from '../../../server/src/import/mappings/mapping-spec';
import { type ImportedEvent, type IngestBatch } from '../../../server/src/import/import-types';
import { eventKey } from '../../../shared/domain/events';

/** An in-memory stand-in for the ingest service: idempotent by (source, externalId), records batch sizes. */
function memoryIngest(rejectTicket?: string) {
  const stored = new Map<string, ImportedEvent>();
  const batchSizes: number[] = [];
  const ingest: IngestBatch = async (events) => {
    batchSizes.push(events.length);
    let accepted = 0;
    let duplicates = 0;
    const rejected: { index: number; error: string }[] = [];
    events.forEach((e, index) => {
      if (e.ticketId === rejectTicket) rejected.push({ index, error: 'refused by the store' });
      else if (stored.has(eventKey(e))) duplicates += 1;
      else {
        stored.set(eventKey(e), e);
        accepted += 1;
      }
    });
    return { accepted, duplicates, rejected };
  };
  return { ingest, stored, batchSizes };
}

function jsonl(n: number): string {
  return (
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        type: 'ticket_solved',
        externalId: `e${i}`,
        ticketId: `T${i}`,
        at: '2026-03-02T10:00:00Z',
        agent: `zendesk:${i % 7}`,
      }),
    ).join('\n') + '\n'
  );
}

const spec = createMapper.bind(null, { mapping: 'generic', source: 'legacy', columns: {}, constants: {} });

describe('runImport', () => {
  it('imports in bounded batches, and importing the same file again changes nothing', async () => {
    const store = memoryIngest();
    const first = await runImport({
      input: Readable.from([jsonl(1234)]),
      format: 'jsonl',
      mapper: spec(),
      ingest: store.ingest,
      batchSize: 500,
    });
    expect(first).toMatchObject({
      records: 1234,
      events: 1234,
      accepted: 1234,
      duplicates: 0,
      rejectedCount: 0,
      rejected: [],
    });
    expect(store.batchSizes).toEqual([500, 500, 234]);
    const snapshot = new Map(store.stored);
    const second = await runImport({
      input: Readable.from([jsonl(1234)]),
      format: 'jsonl',
      mapper: spec(),
      ingest: store.ingest,
      batchSize: 500,
    });
    expect(second).toMatchObject({ accepted: 0, duplicates: 1234, rejectedCount: 0 });
    expect(store.stored).toEqual(snapshot);
  });

  it('names every rejection by line: unreadable lines, unmappable records, and events the store refused', async () => {
    const store = memoryIngest('T-refused');
    const lines = [
      JSON.stringify({
        type: 'ticket_solved',
        externalId: 'a',
        ticketId: 'T1',
        at: '2026-03-02T10:00:00Z',
        agent: 'x:1',
      }),
      '{not json',
      JSON.stringify({ type: 'ticket_solved', externalId: 'b', ticketId: 'T2', at: 'soon', agent: 'x:1' }),
      JSON.stringify({
        type: 'ticket_solved',
        externalId: 'c',
        ticketId: 'T-refused',
        at: '2026-03-02T10:00:00Z',
        agent: 'x:1',
      }),
    ];
    const seen: number[] = [];
    const summary = await runImport({
      input: Readable.from([lines.join('\n')]),
      format: 'jsonl',
      mapper: spec(),
      ingest: store.ingest,
      onRejection: (r) => seen.push(r.line),
    });
    expect(summary).toMatchObject({ records: 3, events: 2, accepted: 1, rejectedCount: 3 });
    expect(summary.rejected.map((r) => [r.line, r.reason.slice(0, 20)])).toEqual([
      [2, expect.stringMatching(/^invalid JSON: /)],
      [3, 'at "soon" is not a v'],
      [4, 'refused by the store'],
    ]);
    expect(seen.sort()).toEqual([2, 3, 4]);
  });

  it('stops with the acknowledged counts when the store fails, so a re-run resumes safely', async () => {
    const store = memoryIngest();
    let calls = 0;
    const flaky: IngestBatch = async (events) => {
      calls += 1;
      if (calls === 3) throw new Error('disk full');
      return store.ingest(events);
    };
    const error = await runImport({
      input: Readable.from([jsonl(1200)]),
      format: 'jsonl',
      mapper: spec(),
      ingest: flaky,
      batchSize: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterruptedError);
    expect((error as ImportInterruptedError).summary.accepted).toBe(1000);
    const rerun = await runImport({
      input: Readable.from([jsonl(1200)]),
      format: 'jsonl',
      mapper: spec(),
      ingest: store.ingest,
      batchSize: 500,
    });
    expect(rerun).toMatchObject({ accepted: 200, duplicates: 1000 });
    expect(store.stored.size).toBe(1200);
  });

  it('reads the input only as fast as batches are stored (backpressure)', async () => {
    let produced = 0;
    async function* slowSource() {
      for (let i = 0; i < 50; i++) {
        produced += 1;
        yield (
          JSON.stringify({
            type: 'ticket_created',
            externalId: `k${i}`,
            ticketId: `T${i}`,
            at: '2026-03-02T10:00:00Z',
          }) + '\n'
        );
      }
    }
    const producedAtFlush: number[] = [];
    const store = memoryIngest();
    const ingest: IngestBatch = async (events) => {
      producedAtFlush.push(produced);
      return store.ingest(events);
    };
    await runImport({
      input: Readable.from(slowSource(), { highWaterMark: 1 }),
      format: 'jsonl',
      mapper: spec(),
      ingest,
      batchSize: 10,
    });
    // At each flush the reader has run at most a small, fixed distance ahead of the batch being stored.
    producedAtFlush.forEach((p, i) => expect(p - (i + 1) * 10).toBeLessThanOrEqual(4));
  });
});
