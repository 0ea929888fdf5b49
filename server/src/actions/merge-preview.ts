import type { Kysely } from 'kysely';
import type { MergePreview } from '../../../shared/api/admin';
import type { Database } from '../store/schema';
import { notFound } from '../core/errors';
import { loadPerson } from '../store/repos/people-repo';
import { hasTokens } from '../store/repos/tokens-repo';
import { countAgentEvents } from '../store/repos/events-repo';
import { countKudosTo } from '../store/repos/kudos-repo';

/**
 * What `mergePerson(fromId → intoId)` would move, read without changing anything, so the console can say it
 * before the admin confirms. The refusal rules are mergePerson's own (a claimed person, or one with a token).
 */
export async function mergePreview(
  db: Kysely<Database>,
  fromId: string,
  intoId: string,
): Promise<MergePreview> {
  const [from, into] = await Promise.all([loadPerson(db, fromId), loadPerson(db, intoId)]);
  if (!from || !into) throw notFound('The person');
  const [events, kudos, tokens] = await Promise.all([
    countAgentEvents(db, fromId),
    countKudosTo(db, fromId),
    hasTokens(db, fromId),
  ]);
  const reason =
    fromId === intoId
      ? 'A person cannot be merged into themselves.'
      : from.claimed || tokens
        ? `${from.name} is a claimed person with their own history; only an unclaimed person the helpdesk created can be merged.`
        : null;
  return {
    fromPersonId: fromId,
    intoPersonId: intoId,
    handles: from.handles,
    events,
    kudos,
    allowed: reason === null,
    reason,
  };
}
