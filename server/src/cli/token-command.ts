import { openStore } from '../store/database';
import { issueToken } from '../auth/tokens';
import { loadPerson } from '../store/repos/people-repo';
import { flag, parseArgs, storeFlags } from './args';
import type { Environment } from '../core/config';

/** `token create --person ID [--kind person|ingest]`: prints a new token once; only its hash is stored. */
export async function runToken(argv: readonly string[], env: Environment): Promise<void> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  if (sub !== 'create')
    throw new Error('usage: sidekick-server token create --person ID [--kind person|ingest] [--label TEXT]');
  const personId = flag(args, 'person');
  if (!personId) throw new Error('--person ID is required');
  const kind = flag(args, 'kind') ?? 'person';
  if (kind !== 'person' && kind !== 'ingest') throw new Error('--kind must be person or ingest');
  const store = await openStore(storeFlags(args, env));
  try {
    if (!(await loadPerson(store.db, personId))) throw new Error(`No person with id ${personId}`);
    const created = await issueToken(store.db, personId, kind, flag(args, 'label') ?? '', new Date());
    console.log(created.token);
  } finally {
    await store.close();
  }
}
