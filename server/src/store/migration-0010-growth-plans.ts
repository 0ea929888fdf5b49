import type { Kysely, Migration } from 'kysely';

/**
 * Growth plans (shared/domain/growth-plan-model.ts): one per agent, kept by the agent. `visibility` and
 * `next_check_in` are columns beside the JSON body so the supervisor's read of a team's shared plans and
 * check-ins due filters in SQL and never loads a plan kept to "me".
 */
export const growthPlansMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('growth_plans')
      .addColumn('agent_id', 'text', (c) => c.primaryKey())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('next_check_in', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('growth_plans_visibility')
      .on('growth_plans')
      .columns(['visibility', 'next_check_in'])
      .execute();
  },
};
