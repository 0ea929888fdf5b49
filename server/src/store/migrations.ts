import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { pendingWork } from './migration-0003-pending-work';
import { idempotencyReplies } from './migration-0004-idempotency-replies';
import { rateCountersMigration } from './migration-0005-rate-counters';
import { pairingCodes } from './migration-0007-pairing-codes';
import { connectionsMigration } from './migration-0008-connections';
import { growthMigration } from './migration-0009-growth';
import { growthPlansMigration } from './migration-0010-growth-plans';
import { weeklyRecapsMigration } from './migration-0011-weekly-recaps';
import { recognitionMigration } from './migration-0012-recognition';
import { tokenLastUsed } from './migration-0014-token-last-used';
import { agentDayTalliesMigration } from './migration-0015-agent-day-tallies';
import { feedShared } from './migration-0016-feed-shared';
import { agentlessEventsMigration } from './migration-0017-agentless-events';

/**
 * One set of migrations for both dialects, written with Kysely's schema builder and portable column types
 * only (text, integer). Never edit a shipped migration; add the next one to the list.
 */
const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('daily_goal', 'text', (c) => c.notNull())
      .addColumn('schedule', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('schedule', 'text')
      .addColumn('absences', 'text', (c) => c.notNull())
      .addColumn('claimed', 'integer', (c) => c.notNull())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('team_members')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'person_id'])
      .execute();
    await db.schema.createIndex('team_members_person').on('team_members').column('person_id').execute();
    await db.schema
      .createTable('handles')
      .addColumn('handle', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('handles_person').on('handles').column('person_id').execute();
    await db.schema
      .createTable('tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('events')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text')
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('events_pk', ['source', 'external_id'])
      .execute();
    await db.schema.createIndex('events_agent_at').on('events').columns(['agent_id', 'at']).execute();
    await db.schema.createIndex('events_ticket').on('events').columns(['ticket_id', 'type']).execute();
    await db.schema
      .createTable('feed')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('feed_pk', ['person_id', 'seq'])
      .execute();
    await db.schema
      .createTable('feed_heads')
      .addColumn('person_id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('idempotency')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('result_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['person_id', 'key'])
      .execute();
    await db.schema
      .createTable('kudos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_person_id', 'text')
      .addColumn('to_person_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('thanked_at', 'text')
      .addColumn('read_at', 'text')
      .addColumn('source_key', 'text', (c) => c.unique())
      .execute();
    await db.schema.createIndex('kudos_to').on('kudos').columns(['to_person_id', 'at']).execute();
    await db.schema.createIndex('kudos_from').on('kudos').columns(['from_person_id', 'at']).execute();
    await db.schema
      .createTable('missions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('window_end', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('progress', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('missions_agent').on('missions').columns(['agent_id', 'status']).execute();
    await db.schema
      .createTable('offers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('week_start', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('offers_agent').on('offers').columns(['agent_id', 'week_start']).execute();
    await db.schema
      .createTable('person_state')
      .addColumn('person_id', 'text', (c) => c.primaryKey())
      .addColumn('streak', 'text', (c) => c.notNull())
      .addColumn('growth', 'text', (c) => c.notNull())
      .addColumn('trends', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('timeline')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_key', 'text', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('timeline_pk', ['agent_id', 'id'])
      .execute();
    await db.schema
      .createTable('coaching')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('coaching_agent').on('coaching').column('agent_id').execute();
    await db.schema
      .createTable('ideas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text')
      .addColumn('author_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('job_runs')
      .addColumn('job', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('ran_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('job_runs_pk', ['job', 'period'])
      .execute();
  },
};

/** Indexes for the team-wide reads: team missions (one row per member) and a team's ideas. */
const teamIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('missions_team').on('missions').columns(['team_id', 'status']).execute();
    await db.schema.createIndex('ideas_team').on('ideas').columns(['team_id', 'updated_at']).execute();
  },
};

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_team_indexes': teamIndexes,
  '0003_pending_work': pendingWork,
  '0004_idempotency_replies': idempotencyReplies,
  '0005_rate_counters': rateCountersMigration,
  '0007_pairing_codes': pairingCodes,
  '0008_connections': connectionsMigration,
  '0009_growth': growthMigration,
  '0010_growth_plans': growthPlansMigration,
  '0011_weekly_recaps': weeklyRecapsMigration,
  '0012_recognition': recognitionMigration,
  '0014_token_last_used': tokenLastUsed,
  '0015_agent_day_tallies': agentDayTalliesMigration,
  '0016_feed_shared': feedShared,
  '0017_agentless_events': agentlessEventsMigration,
};

class StaticMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the schema up to date; safe to run on every start (Kysely locks the migration table). */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  // With a named schema the migration tables are looked up there, not in whichever schema has them first.
  const migrator = new Migrator({
    db,
    provider: new StaticMigrations(),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
