import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database';
import { TimelineEntry } from '../../../../shared/domain/growth-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

/** Inserts a timeline entry once per (agent, id); returns false when it was already there. */
export async function insertTimeline(db: Kysely<Database>, entry: TimelineEntry): Promise<boolean> {
  const result = await db
    .insertInto('timeline')
    .values(timelineRow(entry))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

const timelineRow = (entry: TimelineEntry) => ({
  id: entry.id,
  agent_id: entry.agentId,
  at: entry.at,
  kind: entry.kind,
  ref_key: entry.refId ?? '',
  points: entry.points,
  body: writeJson(entry),
});

/** The key `insertTimelines` reports an inserted entry under. */
export const timelineKey = (entry: { agentId: string; id: string }): string =>
  `${entry.agentId}\u0000${entry.id}`;

/**
 * Many timeline entries in one statement, each once per (agent, id); returns the keys (`timelineKey`) of those
 * that were new (RETURNING lists only inserted rows on SQLite and PostgreSQL alike). The rows travel as one JSON
 * array (json_each, SQLite) or as column arrays (unnest, PostgreSQL), so the statement's text stays the same size.
 */
export async function insertTimelines(
  db: Kysely<Database>,
  dialect: Dialect,
  entries: readonly TimelineEntry[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  if (entries.length === 0) return inserted;
  const rows = entries.map(timelineRow);
  const query =
    dialect === 'postgres'
      ? sql<{
          agent_id: string;
          id: string;
        }>`insert into timeline (id, agent_id, at, kind, ref_key, points, body)
        select * from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.agent_id)}::text[],
          ${rows.map((r) => r.at)}::text[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.ref_key)}::text[],
          ${rows.map((r) => r.points)}::integer[], ${rows.map((r) => r.body)}::text[])
        on conflict do nothing returning agent_id, id`
      : // `where true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
        sql<{
          agent_id: string;
          id: string;
        }>`insert into timeline (id, agent_id, at, kind, ref_key, points, body)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
        from json_each(${JSON.stringify(rows.map((r) => [r.id, r.agent_id, r.at, r.kind, r.ref_key, r.points, r.body]))})
        where true on conflict do nothing returning agent_id, id`;
  for (const r of (await query.execute(db)).rows)
    inserted.add(timelineKey({ agentId: r.agent_id, id: r.id }));
  return inserted;
}

/** Rows per statement of the reads below: one parameter a row, far below either dialect's limit. */
const ROWS_PER_STATEMENT = 500;

/** Which of these (agent, id) timeline entries are stored already, as `timelineKey`s, in a few reads. */
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
    for (const r of rows) out.add(timelineKey({ agentId: r.agent_id, id: r.id }));
  }
  return out;
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

/** Each agent's timeline points, for many agents in a few grouped reads (an agent with none is absent). */
export async function totalPointsOf(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < agentIds.length; i += ROWS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('timeline')
      .select(['agent_id', (eb) => eb.fn.sum<number | string>('points').as('points')])
      .where('agent_id', 'in', agentIds.slice(i, i + ROWS_PER_STATEMENT))
      .groupBy('agent_id')
      .execute();
    for (const r of rows) out.set(r.agent_id, Number(r.points ?? 0));
  }
  return out;
}
