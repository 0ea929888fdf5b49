import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerContext } from '../../../server/src/app/server-context';
import type { AppContext } from '../../../server/src/core/context';
import { importHistory } from '../../../server/src/import/import-history';
import { serverHistorySink } from '../../../server/src/import/server-sink';
import { parseMappingFile } from '../../../server/src/import/mappings/mapping-spec';
import { RECOMPUTE_ALL } from '../../../server/src/engine/recompute';
import { pendingJob } from '../../../server/src/store/repos/pending-work-repo';
import { STORES, type FreshStore } from './helpers/import-server';

const NOW = new Date('2026-03-16T12:00:00Z');

/**
 * 40 events of four agents over the week before NOW, as JSON Lines for the generic mapping. Line 23 repeats the
 * externalId of line 3 (a later batch than the first at the sizes below) and line 31 has an unreadable time.
 */
function historyLines(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const ticketId = `B${Math.floor(i / 2)}`;
    const at = new Date(NOW.getTime() - 86_400_000 * (1 + (i % 6)) + i * 60_000).toISOString();
    lines.push(
      JSON.stringify({
        type: i % 2 === 0 ? 'ticket_created' : 'ticket_solved',
        externalId: `${ticketId}/${i % 2}`,
        ticketId,
        at,
        ...(i % 2 === 1 ? { agent: `legacy:agent-${i % 4}` } : {}),
      }),
    );
  }
  lines[22] = JSON.stringify({ ...JSON.parse(lines[2]!), at: NOW.toISOString() });
  lines[30] = JSON.stringify({ ...JSON.parse(lines[30]!), at: 'yesterday' });
  return lines;
}

const importLines = (ctx: AppContext, lines: string[], batchSize: number) =>
  importHistory({
    input: Readable.from([`${lines.join('\n')}\n`]),
    spec: parseMappingFile(JSON.stringify({ mapping: 'generic', format: 'jsonl', source: 'legacy' })),
    sink: serverHistorySink(ctx),
    batchSize,
  });

async function storedEvents(ctx: AppContext): Promise<{ external_id: string; at: string }[]> {
  return ctx.store.db.selectFrom('events').select(['external_id', 'at']).orderBy('external_id').execute();
}

describe.each(STORES.map((make) => [make().name, make] as const))(
  'bulk import in bounded batches (%s)',
  (_name, make) => {
    let store: FreshStore;
    let ctx: AppContext;
    beforeAll(async () => {
      store = make();
      ctx = await createServerContext({ ...store.options, adminToken: null, now: NOW });
    });
    afterAll(async () => {
      await ctx?.store.close();
      await store?.cleanup();
    });

    it('stores every good line once across batches of 7, an id repeated in a later batch counted as a duplicate, the bad line rejected', async () => {
      const reply = await importLines(ctx, historyLines(), 7);
      expect(reply).toMatchObject({
        records: 40,
        events: 39,
        accepted: 38,
        duplicates: 1,
        rejectedCount: 1,
        recomputed: true,
      });
      expect(reply.rejected).toEqual([
        { line: 31, reason: expect.stringContaining('at "yesterday" is not a valid time') as unknown },
      ]);
      expect(reply.warnings?.map((w) => w.kind)).toContain('id_not_unique');
      const stored = await storedEvents(ctx);
      expect(stored).toHaveLength(38);
      // The first of the two rows with one id is the one kept, as if they had been stored one after the other.
      expect(stored.find((e) => e.external_id === 'B1/0')?.at).not.toBe(NOW.toISOString());
      // The recomputation ran to its end: nothing is owed.
      expect(await pendingJob(ctx.store.db, RECOMPUTE_ALL)).toBeNull();
    });

    it('of two rows with one id in one batch the first is stored, though the batch is stored in agent and time order', async () => {
      const late = new Date(NOW.getTime() - 3_600_000).toISOString();
      const early = new Date(NOW.getTime() - 5 * 86_400_000).toISOString();
      // One agent, so the second copy (earlier) is first in the (agent, time) order the batch is stored in.
      const row = (at: string) =>
        JSON.stringify({
          type: 'ticket_solved',
          externalId: 'twice',
          ticketId: 'T-twice',
          at,
          agent: 'other:a',
        });
      const reply = await importHistory({
        input: Readable.from([`${row(late)}\n${row(early)}\n`]),
        spec: parseMappingFile(JSON.stringify({ mapping: 'generic', format: 'jsonl', source: 'other' })),
        sink: serverHistorySink(ctx),
        batchSize: 1000,
      });
      expect(reply).toMatchObject({ accepted: 1, duplicates: 1 });
      const stored = await ctx.store.db
        .selectFrom('events')
        .select('at')
        .where('source', '=', 'other')
        .execute();
      expect(stored.map((r) => Date.parse(r.at))).toEqual([Date.parse(late)]);
    });

    it('a re-import in other batch sizes stores nothing twice and owes no recomputation', async () => {
      const before = await storedEvents(ctx);
      for (const batchSize of [1, 13, 1000]) {
        const reply = await importLines(ctx, historyLines(), batchSize);
        expect(reply).toMatchObject({ accepted: 0, duplicates: 39, rejectedCount: 1, recomputed: false });
      }
      expect(await storedEvents(ctx)).toEqual(before);
    });
  },
);
