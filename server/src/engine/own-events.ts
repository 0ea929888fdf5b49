import type { Kysely } from 'kysely';
import type { HelpdeskEvent, HelpdeskEventType } from '../../../shared/domain/events';
import { storedEvent } from './stored-event';
import type { Database } from '../store/schema';

/** The agent's own events since an instant, optionally of some types only. */
export async function loadOwnEvents(
  db: Kysely<Database>,
  agentId: string,
  since: string,
  types?: HelpdeskEventType[],
): Promise<HelpdeskEvent[]> {
  let query = db.selectFrom('events').select('body').where('agent_id', '=', agentId).where('at', '>=', since);
  if (types) query = query.where('type', 'in', types);
  const rows = await query.execute();
  return rows.map((r) => storedEvent(r.body));
}
