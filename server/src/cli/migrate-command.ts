import { openStore } from '../store/database';
import { parseArgs, storeFlags } from './args';
import type { Environment } from '../core/config';

/** Creates or upgrades the schema (the server also does this on start). */
export async function runMigrate(argv: readonly string[], env: Environment): Promise<void> {
  const store = await openStore(storeFlags(parseArgs(argv), env));
  console.log(`Schema is up to date (${store.dialect}: ${store.location}).`);
  await store.close();
}
