import type { Kysely, Migration } from 'kysely';

/**
 * "Asked before change" consultations. An anonymous answer leaves no stored value that links it to its
 * author: who took part (`consultation_participants`: no answer, no time) is kept apart from what was said
 * (`consultation_tallies`: counts and sorted texts, no person, no time, updated in place). Named answers keep
 * their author and time in `consultation_named_answers`.
 */
export const growthMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('consultations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('closes_at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultations_team')
      .on('consultations')
      .columns(['team_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('consultation_participants')
      .addColumn('consultation_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_participants_pk', ['consultation_id', 'person_id'])
      .execute();
    await db.schema
      .createIndex('consultation_participants_person')
      .on('consultation_participants')
      .column('person_id')
      .execute();
    await db.schema
      .createTable('consultation_tallies')
      .addColumn('consultation_id', 'text', (c) => c.primaryKey())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('consultation_named_answers')
      .addColumn('consultation_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_named_answers_pk', ['consultation_id', 'person_id'])
      .execute();
  },
};
