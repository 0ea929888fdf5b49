import fs from 'node:fs';
import { createServerContext } from '../app/server-context';
import { seedDemo } from '../demo/seed-demo';
import { NowFlag, flag, parseArgs, parsedFlag, storeFlags } from './args';
import type { Environment } from '../core/config';

/** Seeds the demo team into a store and prints one sign-in token per person. */
export async function runSeedDemo(argv: readonly string[], env: Environment): Promise<void> {
  const args = parseArgs(argv);
  const now = parsedFlag(args, 'now', NowFlag);
  const ctx = await createServerContext({
    environment: env,
    ...storeFlags(args, env),
    ...(now ? { now } : {}),
  });
  try {
    const tokens = await seedDemo(ctx);
    for (const t of tokens) console.log(`${t.role.padEnd(10)} ${t.name.padEnd(18)} ${t.token}`);
    const file = flag(args, 'demo-tokens-file');
    if (file)
      fs.writeFileSync(file, JSON.stringify({ serverUrl: null, people: tokens }, null, 2), { mode: 0o600 });
  } finally {
    await ctx.store.close();
  }
}
