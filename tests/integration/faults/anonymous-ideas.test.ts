import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionAck } from '../../../shared/api/actions';
import { apiRoutes } from '../../../shared/api/routes';
import { DIALECTS, startTestServer, type TestServer } from '../server/helpers/test-server';
import { key, standardTeam } from '../server/helpers/fixtures';

/**
 * Issue 12 item 7: an anonymous idea could be traced to its author, because the author's idempotency row was
 * written in the same transaction with `created_at` equal to the idea's `createdAt`. This reads every row of
 * every table after an anonymous idea and checks that no stored value links it to its author: no row that names
 * the author names the idea or carries its instant, and the only rows naming the idea that also name the author
 * are the feed entries every member of the team got alike.
 */
describe.each(DIALECTS)('anonymous ideas leave no trace of their author ($name)', (dialect) => {
  let t: TestServer;
  let team: Awaited<ReturnType<typeof standardTeam>>;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    team = await standardTeam(t.api);
  });
  afterAll(async () => t?.close());

  /** Every row of every table of this server's store, as [table, row] pairs. */
  async function everyRow(): Promise<[string, Record<string, unknown>][]> {
    const db = t.server.ctx.store.db;
    const schema = t.server.ctx.store.schema;
    const tables = (await db.introspection.getTables()).filter((table) => !schema || table.schema === schema);
    const rows: [string, Record<string, unknown>][] = [];
    for (const table of tables) {
      // Table names come from the store's own catalogue, not from input.
      const all = await db
        .selectFrom(table.name as 'feed')
        .selectAll()
        .execute();
      for (const row of all) rows.push([table.name, row as Record<string, unknown>]);
    }
    return rows;
  }

  it('no stored value links the idea to its author', async () => {
    const send = (path: string, body: unknown) =>
      t.api<ActionAck>('POST', path, { token: team.ana.token, body, headers: { 'idempotency-key': key() } });
    // The author does other things around it, so her rows are there to be compared with.
    expect(
      (
        await send(apiRoutes.sendKudos.path, {
          toPersonId: team.ben.id,
          value: 'Teamwork',
          message: 'thanks',
        })
      ).status,
    ).toBe(200);
    expect((await send(apiRoutes.submitIdea.path, { title: 'A named idea' })).status).toBe(200);
    const anon = await send(apiRoutes.submitIdea.path, { title: 'Fewer late shifts', anonymous: true });
    expect(anon.status).toBe(200);
    const ideaId = anon.body.id;
    if (!ideaId) throw new Error('no idea id');
    expect((await send(apiRoutes.submitIdea.path, { title: 'Another named idea' })).status).toBe(200);

    const rows = await everyRow();
    const ideaRow = rows.find(([table, row]) => table === 'ideas' && row.id === ideaId);
    if (!ideaRow) throw new Error('the idea is not stored');
    const createdAt = (JSON.parse(String(ideaRow[1].body)) as { createdAt: string }).createdAt;
    expect(createdAt).toBeTruthy();

    const author = team.ana.id;
    const text = (row: Record<string, unknown>) => JSON.stringify(row);
    const sharedFeedRow = (table: string, row: Record<string, unknown>) =>
      table === 'feed' && row.type === 'idea.upserted';
    const leaks = rows
      .filter(([table, row]) => text(row).includes(author) && !sharedFeedRow(table, row))
      .filter(([, row]) => text(row).includes(ideaId) || text(row).includes(createdAt))
      .map(([table, row]) => `${table}: ${text(row)}`);
    expect(leaks).toEqual([]);

    // The idea's feed entries went to the whole team alike, the author's among them: they single no one out.
    const audience = rows
      .filter(([table, row]) => sharedFeedRow(table, row) && text(row).includes(ideaId))
      .map(([, row]) => String(row.person_id))
      .sort();
    expect(audience).toEqual([team.supervisor.id, team.ana.id, team.ben.id].sort());
    const entries = rows.filter(([table, row]) => sharedFeedRow(table, row) && text(row).includes(ideaId));
    expect(new Set(entries.map(([, row]) => `${String(row.payload)}|${String(row.at)}`)).size).toBe(1);

    // No idempotency row carries the idea's instant, whoever it names.
    const sameInstant = rows.filter(
      ([table, row]) => table === 'idempotency' && row.created_at === createdAt,
    );
    expect(sameInstant).toEqual([]);
  });
});
