import type { Kysely } from 'kysely';
import { z } from 'zod';
import { StreakState } from '../../../../shared/domain/streak-model';
import { GrowthState } from '../../../../shared/domain/growth-model';
import { growthState } from '../../../../shared/domain/growth';
import { WeeklyTrendPoint } from '../../../../shared/domain/metrics-model';
import type { Database } from '../schema';
import { readJson, writeJson } from '../json';

/** The derived per-person state the engine keeps up to date: streak, growth, weekly trends. */
export interface PersonState {
  streak: StreakState;
  growth: GrowthState;
  trends: WeeklyTrendPoint[];
}

export function emptyPersonState(): PersonState {
  return {
    streak: { current: 0, longest: 0, freezesLeft: 1, nextMilestone: 3, recent: [], todayMet: false },
    // The domain's level for 0 points: level 1 with its real size, so nothing reads "the top level".
    growth: growthState(0, []),
    trends: [],
  };
}

export async function loadPersonState(db: Kysely<Database>, personId: string): Promise<PersonState> {
  const row = await db
    .selectFrom('person_state')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!row) return emptyPersonState();
  return {
    streak: readJson(StreakState, row.streak),
    growth: readJson(GrowthState, row.growth),
    trends: readJson(z.array(WeeklyTrendPoint), row.trends),
  };
}

export async function savePersonState(
  db: Kysely<Database>,
  personId: string,
  state: PersonState,
  now: string,
): Promise<void> {
  const values = {
    streak: writeJson(state.streak),
    growth: writeJson(state.growth),
    trends: writeJson(state.trends),
    updated_at: now,
  };
  await db
    .insertInto('person_state')
    .values({ person_id: personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .execute();
}
