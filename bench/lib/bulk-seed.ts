import { randomUUID } from 'node:crypto';
import { openStore } from '../../server/src/store/database';
import { createTeam } from '../../server/src/services/admin-service';
import { DEFAULT_DAILY_GOAL, EMPTY_PROFILE } from '../../server/src/services/people-repo';
import { DEFAULT_SCHEDULE } from '../../shared/api/admin';
import { issueToken } from '../../server/src/auth/tokens';
import { writeJson } from '../../server/src/store/json';
import { toIsoUtc } from '../../server/src/store/time';

/**
 * Seeding thousands of agents through the admin API costs two durable transactions each (about 25 ms a person
 * on this machine, two minutes for 5,000), which is time the live-push benchmark would spend not measuring.
 * This writes the same rows the admin API writes (people, team memberships, hashed tokens) in one transaction,
 * using the server's own store, migrations and token code, before the server process starts on the directory.
 */
export interface BulkSeed {
  teams: Map<string, string>;
  supervisor: { id: string; token: string };
  agents: { id: string; token: string; teamIds: string[] }[];
}

export async function bulkSeed(
  dataDir: string,
  opts: { teams: string[]; agents: number; teamsOf: (i: number) => string[] },
): Promise<BulkSeed> {
  const store = await openStore({ dataDir });
  try {
    const now = new Date();
    const teams = new Map<string, string>();
    for (const name of opts.teams)
      teams.set(
        name,
        (
          await createTeam(
            store.db,
            {
              name,
              timezone: 'Europe/Dublin',
              dailyGoal: DEFAULT_DAILY_GOAL,
              schedule: DEFAULT_SCHEDULE,
            },
            now,
          )
        ).id,
      );
    return await store.db.transaction().execute(async (trx) => {
      const person = async (name: string, role: 'agent' | 'supervisor', teamIds: string[]) => {
        const id = randomUUID();
        await trx
          .insertInto('people')
          .values({
            id,
            name,
            role,
            timezone: 'Europe/Dublin',
            schedule: null,
            absences: '[]',
            claimed: 1,
            profile: writeJson(EMPTY_PROFILE),
            created_at: toIsoUtc(now),
          })
          .execute();
        for (const teamId of teamIds)
          await trx.insertInto('team_members').values({ team_id: teamId, person_id: id }).execute();
        const { token } = await issueToken(trx, id, 'person', 'bench', now);
        return { id, token, teamIds };
      };
      const supervisor = await person('Sam Supervisor', 'supervisor', [...teams.values()]);
      const agents = [];
      for (let i = 0; i < opts.agents; i++)
        agents.push(
          await person(
            `Agent ${i}`,
            'agent',
            opts.teamsOf(i).map((name) => teams.get(name) as string),
          ),
        );
      return { teams, supervisor: { id: supervisor.id, token: supervisor.token }, agents };
    });
  } finally {
    await store.close();
  }
}
