import { type Kysely, sql } from 'kysely';
import type { AgentDayTally, TicketCredit } from '../../../../shared/domain/metric-tallies';
import type { IsoDate } from '../../../../shared/domain/primitives';
import type { Database } from '../schema';
import type { Store } from '../database';

/** Agents per read (one bound parameter each, far inside both dialects' limits). */
const AGENTS_PER_READ = 500;
/** Rows per multi-row upsert: 3 columns each. */
const ROWS_PER_UPSERT = 300;

/**
 * The stored credits of one day. Written only by this repo from the domain's TicketCredit values, so it is
 * read with a shape check instead of a zod parse of every credit: a batch reads thousands of them.
 */
function ticketsOf(text: string): Record<string, TicketCredit> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('agent_day_tallies.tickets is not an object of ticket credits');
  return value as Record<string, TicketCredit>;
}

const tallyOf = (r: { agent_id: string; day: string; tickets: string }): AgentDayTally => ({
  agentId: r.agent_id,
  day: r.day as IsoDate,
  tickets: ticketsOf(r.tickets),
});

/** The tallies of `agentIds` from `fromDay` (and up to `toDay`, both inclusive), a query per 500 agents. */
export async function loadTallies(
  db: Kysely<Database>,
  agentIds: readonly string[],
  fromDay: IsoDate,
  toDay?: IsoDate,
): Promise<AgentDayTally[]> {
  const out: AgentDayTally[] = [];
  const ids = [...new Set(agentIds)];
  for (let i = 0; i < ids.length; i += AGENTS_PER_READ) {
    let query = db
      .selectFrom('agent_day_tallies')
      .select(['agent_id', 'day', 'tickets'])
      .where('agent_id', 'in', ids.slice(i, i + AGENTS_PER_READ))
      .where('day', '>=', fromDay);
    if (toDay !== undefined) query = query.where('day', '<=', toDay);
    for (const r of await query.execute()) out.push(tallyOf(r));
  }
  return out;
}

/** The stored tallies among exactly these (agent, day) pairs: one query (agents × days, filtered). */
export async function loadTallyRows(
  db: Kysely<Database>,
  keys: readonly { agentId: string; day: IsoDate }[],
): Promise<AgentDayTally[]> {
  if (keys.length === 0) return [];
  const wanted = new Set(keys.map((k) => `${k.agentId}\u0000${k.day}`));
  const agents = [...new Set(keys.map((k) => k.agentId))];
  const days = [...new Set(keys.map((k) => k.day))];
  const out: AgentDayTally[] = [];
  for (let i = 0; i < agents.length; i += AGENTS_PER_READ) {
    const rows = await db
      .selectFrom('agent_day_tallies')
      .select(['agent_id', 'day', 'tickets'])
      .where('agent_id', 'in', agents.slice(i, i + AGENTS_PER_READ))
      .where('day', 'in', days)
      .execute();
    for (const r of rows) if (wanted.has(`${r.agent_id}\u0000${r.day}`)) out.push(tallyOf(r));
  }
  return out;
}

/** Upserts these tallies, 300 rows a statement; a tally without tickets is stored as '{}' (read as none). */
export async function saveTallies(db: Kysely<Database>, tallies: readonly AgentDayTally[]): Promise<void> {
  for (let i = 0; i < tallies.length; i += ROWS_PER_UPSERT)
    await db
      .insertInto('agent_day_tallies')
      .values(
        tallies.slice(i, i + ROWS_PER_UPSERT).map((t) => ({
          agent_id: t.agentId,
          day: t.day,
          tickets: JSON.stringify(t.tickets),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['agent_id', 'day']).doUpdateSet((eb) => ({ tickets: eb.ref('excluded.tickets') })),
      )
      .execute();
}

/** Removes every tally of these agents and their zone rows (their tallies count as not built). */
export async function deleteTalliesOf(db: Kysely<Database>, agentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(agentIds)];
  for (let i = 0; i < ids.length; i += AGENTS_PER_READ) {
    const chunk = ids.slice(i, i + AGENTS_PER_READ);
    await db.deleteFrom('agent_day_tallies').where('agent_id', 'in', chunk).execute();
    await db.deleteFrom('tally_zones').where('agent_id', 'in', chunk).execute();
  }
}

/**
 * Marks these agents' tallies as not built (their zone rows go; the tallies stay until the rebuild replaces
 * them): cheaper than deleting the rows when a rebuild follows anyway.
 */
export async function forgetTallyZones(db: Kysely<Database>, agentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(agentIds)];
  for (let i = 0; i < ids.length; i += AGENTS_PER_READ)
    await db
      .deleteFrom('tally_zones')
      .where('agent_id', 'in', ids.slice(i, i + AGENTS_PER_READ))
      .execute();
}

/** The zone each agent's tallies were built in; agents without built tallies are absent. */
export async function tallyZones(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(agentIds)];
  for (let i = 0; i < ids.length; i += AGENTS_PER_READ) {
    const rows = await db
      .selectFrom('tally_zones')
      .select(['agent_id', 'timezone'])
      .where('agent_id', 'in', ids.slice(i, i + AGENTS_PER_READ))
      .execute();
    for (const r of rows) out.set(r.agent_id, r.timezone);
  }
  return out;
}

export async function saveTallyZones(
  db: Kysely<Database>,
  zones: readonly (readonly [string, string])[],
): Promise<void> {
  for (let i = 0; i < zones.length; i += ROWS_PER_UPSERT)
    await db
      .insertInto('tally_zones')
      .values(zones.slice(i, i + ROWS_PER_UPSERT).map(([agent_id, timezone]) => ({ agent_id, timezone })))
      .onConflict((oc) =>
        oc.column('agent_id').doUpdateSet((eb) => ({ timezone: eb.ref('excluded.timezone') })),
      )
      .execute();
}

/**
 * On PostgreSQL, two ingest transactions moving credits of the same ticket or the same agent's days would
 * each read the rows before the other's commit and one update would be lost: each takes transaction-scoped
 * advisory locks on its tickets (space 1) or agents (space 2), all in one statement, in a fixed order, so
 * they queue instead. SQLite has one writer at a time already.
 */
export async function lockTallyKeys(
  db: Kysely<Database>,
  dialect: Store['dialect'],
  space: 1 | 2,
  keys: readonly string[],
): Promise<void> {
  if (dialect !== 'postgres' || keys.length === 0) return;
  const sorted = [...new Set(keys)].sort();
  await sql`select pg_advisory_xact_lock(${space}::int, k) from (
      select distinct hashtext(x) as k from unnest(${sorted}::text[]) as x order by k
    ) as keys`.execute(db);
}
