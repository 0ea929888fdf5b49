import type { Kysely, Migration } from 'kysely';

/**
 * When a token last authenticated a request, so the admin console can tell a device in use from one forgotten
 * in a drawer. Written at most once an hour per token (see touchTokenUse), never on every request.
 */
export const tokenLastUsed: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tokens').addColumn('last_used_at', 'text').execute();
  },
};
