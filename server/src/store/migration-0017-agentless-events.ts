import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The agentless events by type and time (a partial index: only rows without an agent, so an insert of an
 * agent's event pays nothing for it). The engine asks, for every agent and window it recomputes, which tickets
 * an agentless reopen reopened in the window (`agentlessReopens`); without this the only index was
 * events_agent_at, whose `agent_id is null` range holds every ticket creation of the window, each row read
 * to check its type — 0.24 s a query on a 200,000-event store, and most of the recomputation after a history
 * import (measured with benchmark 9). With it the query reads only the reopens.
 */
export const agentlessEventsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('events_agentless_type_at')
      .on('events')
      .columns(['type', 'at'])
      .where(sql.ref('agent_id'), 'is', null)
      .execute();
  },
};
