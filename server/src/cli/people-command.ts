import { CreatePersonBody, CreateTeamBody } from '../../../shared/api/admin';
import { openStore } from '../store/database';
import { createServerContext } from '../app/server-context';
import { createPerson, createTeam, listPeople } from '../actions/admin-actions';
import { flag, flagAll, parseArgs, storeFlags } from './args';
import type { Environment } from '../core/config';

/** `people add …` / `people list [--handle H]`: the admin API's people routes, from a shell. */
export async function runPeople(argv: readonly string[], env: Environment): Promise<void> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  const ctx = await createServerContext({ environment: env, ...storeFlags(args, env), adminToken: null });
  const store = ctx.store;
  try {
    if (sub === 'add') {
      const body = CreatePersonBody.parse({
        name: flag(args, 'name'),
        role: flag(args, 'role') ?? 'agent',
        teamIds: flagAll(args, 'team'),
        timezone: flag(args, 'timezone'),
        handles: flagAll(args, 'handle'),
      });
      const person = await createPerson(ctx, body, new Date());
      console.log(JSON.stringify(person, null, 2));
    } else if (sub === 'list') {
      const handle = flag(args, 'handle');
      console.log(JSON.stringify(await listPeople(store.db, handle ? { handle } : {}), null, 2));
    } else {
      throw new Error('usage: sidekick-server people add|list …');
    }
  } finally {
    await store.close();
  }
}

/** `teams add --name N --timezone TZ`. */
export async function runTeams(argv: readonly string[], env: Environment): Promise<void> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  if (sub !== 'add') throw new Error('usage: sidekick-server teams add --name NAME --timezone TZ');
  const store = await openStore(storeFlags(args, env));
  try {
    const team = await createTeam(
      store.db,
      CreateTeamBody.parse({ name: flag(args, 'name'), timezone: flag(args, 'timezone') ?? 'UTC' }),
      new Date(),
    );
    console.log(JSON.stringify(team, null, 2));
  } finally {
    await store.close();
  }
}
