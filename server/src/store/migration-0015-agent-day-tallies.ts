import type { Kysely, Migration } from 'kysely';

/**
 * Per-agent, per-local-day metric tallies (issue 15; shared/domain/metric-tallies.ts): each row holds, for one
 * agent and one day of their zone, the credit of every ticket that counts there, as JSON keyed by ticket. The
 * ingest transaction moves the credits of the tickets it touches, so windows are read from these rows instead
 * of re-deriving them from raw events.
 *
 * `tally_zones` says which agents have tallies and in which zone their days were bucketed. An agent without a
 * row there (every agent of a store upgraded from before this migration, a merged person, a recompute) or
 * with another zone than their current one (a time zone change) has their tallies rebuilt from their stored
 * events before anything reads them — this is the backfill, done lazily per agent, so the migration itself
 * reads no events.
 */
export const agentDayTalliesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('agent_day_tallies')
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      /** Record<ticketId, TicketCredit> as JSON; '{}' when the day's last ticket moved away. */
      .addColumn('tickets', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('agent_day_tallies_pk', ['agent_id', 'day'])
      .execute();
    await db.schema
      .createTable('tally_zones')
      .addColumn('agent_id', 'text', (c) => c.primaryKey())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .execute();
  },
};
