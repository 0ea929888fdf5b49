import { randomUUID } from 'node:crypto';
import type { Store } from '../store/database';
import { inWriteTransaction } from '../store/unit-of-work';
import { handleOwner, insertHandle } from '../store/repos/handles-repo';
import { insertPerson, loadPerson, updatePerson } from '../store/repos/people-repo';
import type { VendorAgent } from './pull-stream';

/**
 * The vendor's agents become Sidekick people: an agent no handle names yet becomes an unclaimed person with
 * their real name and every handle (vendor id, e-mail), for the admin to claim or merge; a known agent gets any
 * handle they lack (unless someone else owns it) and, while still unclaimed and named after a handle, their
 * name. Claimed people are never renamed: the admin's word wins. Returns how many people were created.
 */
export async function syncAgentDirectory(
  store: Store,
  agents: readonly VendorAgent[],
  now: string,
): Promise<number> {
  if (agents.length === 0) return 0;
  return inWriteTransaction(store, async (trx) => {
    let created = 0;
    for (const agent of agents) {
      const owners = await Promise.all(agent.handles.map((h) => handleOwner(trx, h)));
      const personId = owners.find((o): o is string => o !== null);
      if (personId === undefined) {
        const id = randomUUID();
        await insertPerson(trx, {
          id,
          name: agent.name,
          role: 'agent',
          timezone: 'UTC',
          schedule: null,
          absences: [],
          claimed: false,
          createdAt: now,
        });
        for (const handle of agent.handles) await insertHandle(trx, handle, id);
        created += 1;
        continue;
      }
      for (const [i, handle] of agent.handles.entries())
        if (owners[i] === null) await insertHandle(trx, handle, personId);
      const person = await loadPerson(trx, personId);
      if (person && !person.claimed && person.name !== agent.name && person.handles.includes(person.name))
        await updatePerson(trx, personId, { name: agent.name });
    }
    return created;
  });
}
