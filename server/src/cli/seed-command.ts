import fs from 'node:fs';
import { createServerContext } from '../app/server-context';
import { seedDemo } from '../demo/seed-demo';
import { flag, parseArgs, storeFlags } from './args';

/** Seeds the demo team into a store and prints one sign-in token per person. */
export async function runSeedDemo(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const now = flag(args, 'now');
  const ctx = await createServerContext({ ...storeFlags(args), ...(now ? { now } : {}) });
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
