import type { Kysely } from 'kysely';
import { type TeamBriefing, WeeklyRecap } from '../../../../shared/domain/recap-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

/** The subject of an agent's own recap row; a briefing's is `briefing:<teamId>`. */
export const RECAP_SUBJECT = 'recap';
export const briefingSubject = (teamId: string) => `briefing:${teamId}`;

/** Who already has a delivery of `subject` for `forWeek` (one query per time zone and week in the scheduler). */
export async function deliveredTo(
  db: Kysely<Database>,
  subject: string,
  forWeek: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('weekly_recaps')
    .select('person_id')
    .where('subject', '=', subject)
    .where('for_week', '=', forWeek)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/**
 * Records a delivery unless there is one already for this person, subject and week (the primary key); true
 * when this call wrote it, so only that caller feeds it. Inside the delivering transaction.
 */
export async function insertDeliveryOnce(
  db: Kysely<Database>,
  row: { personId: string; subject: string; forWeek: string; body: WeeklyRecap | TeamBriefing; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('weekly_recaps')
    .values({
      person_id: row.personId,
      subject: row.subject,
      for_week: row.forWeek,
      body: writeJson(row.body),
      delivered_at: row.at,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The agent's latest delivered recap, or null before the first. */
export async function latestRecap(db: Kysely<Database>, personId: string): Promise<WeeklyRecap | null> {
  const row = await db
    .selectFrom('weekly_recaps')
    .select('body')
    .where('person_id', '=', personId)
    .where('subject', '=', RECAP_SUBJECT)
    .orderBy('for_week', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? readJson(WeeklyRecap, row.body) : null;
}

/** How many deliveries a person has of a subject (tests and operators: "exactly once"). */
export async function deliveriesOf(
  db: Kysely<Database>,
  personId: string,
  subject: string,
): Promise<{ forWeek: string; deliveredAt: string }[]> {
  const rows = await db
    .selectFrom('weekly_recaps')
    .select(['for_week', 'delivered_at'])
    .where('person_id', '=', personId)
    .where('subject', '=', subject)
    .orderBy('for_week')
    .execute();
  return rows.map((r) => ({ forWeek: r.for_week, deliveredAt: r.delivered_at }));
}
