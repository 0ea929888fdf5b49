import { randomUUID } from 'node:crypto';
import { openStore } from '../../server/src/store/database';
import { createTeam } from '../../server/src/actions/admin-actions';
import { insertPerson } from '../../server/src/store/repos/people-repo';
import { addMemberships } from '../../server/src/store/repos/teams-repo';
import { DEFAULT_DAILY_GOAL, DEFAULT_SCHEDULE } from '../../shared/api/admin';
import { issueToken } from '../../server/src/auth/tokens';

/**
 * Seeding thousands of agents through the admin API costs two durable transactions each (about 25 ms a person
 * on this machine, two minutes for 5,000), which is time the live-push benchmark would spend not measuring.
 * This writes the same rows the admin API writes (people, team memberships, hashed tokens) in one transaction,
 * using the server's own store, migrations, repositories and token code, before the server process starts on the
 * directory (or on the PostgreSQL schema).
 */
export interface BulkSeed {
  teams: Map<string, string>;
  supervisor: { id: string; token: string };
  agents: { id: string; token: string; teamIds: string[] }[];
}

export async function bulkSeed(
  dataDir: string,
  opts: {
    teams: string[];
    agents: number;
    teamsOf: (i: number) => string[];
    /** A PostgreSQL store (with `?schema=`) instead of the SQLite file in `dataDir`. */
    databaseUrl?: string;
  },
): Promise<BulkSeed> {
  const store = await openStore(
    opts.databaseUrl === undefined ? { dataDir } : { dataDir, databaseUrl: opts.databaseUrl },
  );
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
        await insertPerson(trx, {
          id,
          name,
          role,
          timezone: 'Europe/Dublin',
          schedule: null,
          absences: [],
          claimed: true,
          createdAt: now,
        });
        await addMemberships(trx, id, teamIds);
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
