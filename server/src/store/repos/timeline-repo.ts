import type { Kysely } from 'kysely';
import { TimelineEntry } from '../../../../shared/domain/growth-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

/** Inserts a timeline entry once per (agent, id); returns false when it was already there. */
export async function insertTimeline(db: Kysely<Database>, entry: TimelineEntry): Promise<boolean> {
  const result = await db
    .insertInto('timeline')
    .values({
      id: entry.id,
      agent_id: entry.agentId,
      at: entry.at,
      kind: entry.kind,
      ref_key: entry.refId ?? '',
      points: entry.points,
      body: writeJson(entry),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function timelineOf(
  db: Kysely<Database>,
  agentId: string,
  limit = 500,
): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('timeline')
    .select('body')
    .where('agent_id', '=', agentId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => readJson(TimelineEntry, r.body)).reverse();
}

export async function totalPoints(db: Kysely<Database>, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('timeline')
    .select((eb) => eb.fn.sum<number | string>('points').as('points'))
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return Number(row?.points ?? 0);
}

/** totalPoints for many agents, a query per 500 (0 for an agent without entries). */
export async function totalPointsOf(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>(agentIds.map((id) => [id, 0]));
  for (let i = 0; i < agentIds.length; i += 500) {
    const rows = await db
      .selectFrom('timeline')
      .select(['agent_id', (eb) => eb.fn.sum<number | string>('points').as('points')])
      .where('agent_id', 'in', agentIds.slice(i, i + 500))
      .groupBy('agent_id')
      .execute();
    for (const r of rows) out.set(r.agent_id, Number(r.points ?? 0));
  }
  return out;
}

/** Which of these (agent, id) timeline entries exist already, as `${agentId}\u0000${id}`; a query per 300. */
export async function existingTimelineKeys(
  db: Kysely<Database>,
  entries: readonly { agentId: string; id: string }[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < entries.length; i += 300) {
    const chunk = entries.slice(i, i + 300);
    const rows = await db
      .selectFrom('timeline')
      .select(['agent_id', 'id'])
      .where('agent_id', 'in', [...new Set(chunk.map((e) => e.agentId))])
      .where('id', 'in', [...new Set(chunk.map((e) => e.id))])
      .execute();
    for (const r of rows) out.add(`${r.agent_id}\u0000${r.id}`);
  }
  return out;
}
