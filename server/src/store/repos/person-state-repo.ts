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
  return row ? stateFromRow(row) : emptyPersonState();
}

const Trends = z.array(WeeklyTrendPoint);

function stateFromRow(row: { streak: string; growth: string; trends: string }): PersonState {
  return {
    streak: readJson(StreakState, row.streak),
    growth: readJson(GrowthState, row.growth),
    trends: readJson(Trends, row.trends),
  };
}

/** People per statement (an IN list, or 5 parameters a row for the upsert). */
const PEOPLE_PER_STATEMENT = 500;

/** Many people's state in a few reads; a person with none stored gets the empty state. */
export async function loadPersonStates(
  db: Kysely<Database>,
  personIds: readonly string[],
): Promise<Map<string, PersonState>> {
  const out = new Map<string, PersonState>();
  for (let i = 0; i < personIds.length; i += PEOPLE_PER_STATEMENT) {
    const rows = await db
      .selectFrom('person_state')
      .selectAll()
      .where('person_id', 'in', personIds.slice(i, i + PEOPLE_PER_STATEMENT))
      .execute();
    for (const r of rows) out.set(r.person_id, stateFromRow(r));
  }
  for (const id of personIds) if (!out.has(id)) out.set(id, emptyPersonState());
  return out;
}

/** Many people's state in a few multi-row upserts (a team kudos refreshes every member's growth). */
export async function savePersonStates(
  db: Kysely<Database>,
  states: readonly (readonly [string, PersonState])[],
  now: string,
): Promise<void> {
  for (let i = 0; i < states.length; i += PEOPLE_PER_STATEMENT)
    await db
      .insertInto('person_state')
      .values(
        states.slice(i, i + PEOPLE_PER_STATEMENT).map(([person_id, state]) => ({
          person_id,
          streak: writeJson(state.streak),
          growth: writeJson(state.growth),
          trends: writeJson(state.trends),
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet((eb) => ({
          streak: eb.ref('excluded.streak'),
          growth: eb.ref('excluded.growth'),
          trends: eb.ref('excluded.trends'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
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
