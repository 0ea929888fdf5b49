import type { Kysely } from 'kysely';
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

/** Rows per statement: 7 parameters a row, far below either dialect's limit. */
const ROWS_PER_STATEMENT = 500;

/** The key `insertTimelines` reports an inserted entry under. */
export const timelineKey = (entry: { agentId: string; id: string }): string =>
  `${entry.agentId}\u0000${entry.id}`;

/**
 * Many timeline entries in a few multi-row statements, each once per (agent, id); returns the keys
 * (`timelineKey`) of those that were new (RETURNING lists only inserted rows on SQLite and PostgreSQL alike).
 */
export async function insertTimelines(
  db: Kysely<Database>,
  entries: readonly TimelineEntry[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
    const rows = await db
      .insertInto('timeline')
      .values(entries.slice(i, i + ROWS_PER_STATEMENT).map(timelineRow))
      .onConflict((oc) => oc.doNothing())
      .returning(['agent_id', 'id'])
      .execute();
    for (const r of rows) inserted.add(timelineKey({ agentId: r.agent_id, id: r.id }));
  }
  return inserted;
}

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
