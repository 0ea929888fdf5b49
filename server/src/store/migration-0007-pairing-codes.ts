import type { Kysely, Migration } from 'kysely';

/**
 * Pairing codes (shared/api/pairing.ts): only the code's SHA-256 is stored, found by hash like tokens. A code is
 * used once (`used_at`, set by a conditional update so two devices racing with one code cannot both win) and
 * dies at `expires_at`.
 */
export const pairingCodes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pairing_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('token_id', 'text')
      .execute();
    await db.schema.createIndex('pairing_codes_person').on('pairing_codes').column('person_id').execute();
  },
};
