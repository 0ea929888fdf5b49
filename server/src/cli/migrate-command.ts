import { openStore } from '../store/database';
import { parseArgs, storeFlags } from './args';

/** Creates or upgrades the schema (the server also does this on start). */
export async function runMigrate(argv: readonly string[]): Promise<void> {
  const store = await openStore(storeFlags(parseArgs(argv)));
  console.log(`Schema is up to date (${store.dialect}: ${store.location}).`);
  await store.close();
}
