import type { Kysely, Migration } from 'kysely';

/**
 * Who opted in to the most-improved board (issue 18). No row means "not opted in": the board is opt-in, and a
 * person nobody asked is never on it. `board_opt_in` is 0 or 1 (portable on SQLite and PostgreSQL).
 */
export const recognitionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('recognition_settings')
      .addColumn('person_id', 'text', (c) => c.primaryKey())
      .addColumn('board_opt_in', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
