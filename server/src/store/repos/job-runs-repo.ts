import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Scheduled work done once per period (e.g. `offers:<agent>` per week), so it is never attempted twice. */
export async function jobsDone(db: Kysely<Database>, prefix: string, period: string): Promise<string[]> {
  const rows = await db
    .selectFrom('job_runs')
    .select('job')
    .where('job', 'like', `${prefix}%`)
    .where('period', '=', period)
    .execute();
  return rows.map((r) => r.job);
}

export async function recordJobRun(
  db: Kysely<Database>,
  job: string,
  period: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('job_runs')
    .values({ job, period, ran_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
