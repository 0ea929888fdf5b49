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

function stateOf(row: { streak: string; growth: string; trends: string }): PersonState {
  return {
    streak: readJson(StreakState, row.streak),
    growth: readJson(GrowthState, row.growth),
    trends: readJson(z.array(WeeklyTrendPoint), row.trends),
  };
}

export async function loadPersonState(db: Kysely<Database>, personId: string): Promise<PersonState> {
  const row = await db
    .selectFrom('person_state')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row ? stateOf(row) : emptyPersonState();
}

const CHUNK = 500;

/** loadPersonState for many people, a query per 500 (people without a row get the empty state). */
export async function loadPersonStates(
  db: Kysely<Database>,
  personIds: readonly string[],
): Promise<Map<string, PersonState>> {
  const out = new Map<string, PersonState>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const chunk = personIds.slice(i, i + CHUNK);
    const rows = await db.selectFrom('person_state').selectAll().where('person_id', 'in', chunk).execute();
    for (const r of rows) out.set(r.person_id, stateOf(r));
  }
  for (const id of personIds) if (!out.has(id)) out.set(id, emptyPersonState());
  return out;
}

/** savePersonState for many people, one multi-row upsert per 200. */
export async function savePersonStates(
  db: Kysely<Database>,
  states: ReadonlyMap<string, PersonState>,
  now: string,
): Promise<void> {
  const rows = [...states].map(([person_id, state]) => ({
    person_id,
    streak: writeJson(state.streak),
    growth: writeJson(state.growth),
    trends: writeJson(state.trends),
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('person_state')
      .values(rows.slice(i, i + 200))
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
