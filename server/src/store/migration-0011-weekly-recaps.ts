import type { Kysely, Migration } from 'kysely';

/**
 * Weekly recaps and supervisor briefings as delivered (issue 18). The primary key is the delivery itself — one
 * per person, kind and week (a briefing also per team) — so the scheduler's insert "on conflict do nothing"
 * is what makes a recap go out exactly once, however many ticks or instances try.
 */
export const weeklyRecapsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('weekly_recaps')
      .addColumn('person_id', 'text', (c) => c.notNull())
      /** 'recap' for an agent's own week, 'briefing:<teamId>' for a supervisor's team. */
      .addColumn('subject', 'text', (c) => c.notNull())
      /** The week the delivery opens (the person's or team's Monday); the content is about the week before. */
      .addColumn('for_week', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('weekly_recaps_pk', ['person_id', 'subject', 'for_week'])
      .execute();
  },
};
