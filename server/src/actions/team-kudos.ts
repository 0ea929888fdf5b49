import { randomUUID } from 'node:crypto';
import type { TeamKudosBody, TeamKudosReply } from '../../../shared/api/actions';
import { personKudos } from '../../../shared/domain/kudos-rules';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, notFound, ruleRefused } from '../core/errors';
import { canManageTeam, requireSupervisor } from './access';
import { loadPerson } from '../store/repos/people-repo';
import { loadTeam, teamAgents } from '../store/repos/teams-repo';
import { insertKudosMany, kudosIdsWithSourcePrefix } from '../store/repos/kudos-repo';
import { deliverKudosMany } from '../engine/kudos-delivery';
import { runIdempotentAction } from './idempotent-action';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work';

/** Every kudos of one team kudos shares this source-key prefix, so a replay can name the kudos it created. */
const sourcePrefix = (batchId: string) => `team-kudos:${batchId}:`;

/**
 * Supervisor kudos to every agent of a team, in ONE transaction (one commit, one fsync): one kudos per member
 * with its inbox entry, toast, timeline and growth, written set-based (a few multi-row statements for the whole
 * team) and published to live sockets only after the commit. With an
 * Idempotency-Key the whole batch happens once; a replay answers with the same kudos ids.
 */
export async function sendTeamKudos(
  ctx: AppContext,
  principal: Principal,
  teamId: string,
  body: TeamKudosBody,
  key: string | null,
): Promise<TeamKudosReply> {
  requireSupervisor(principal);
  if (!canManageTeam(principal, teamId)) throw forbidden('You do not supervise this team.');
  if (!(await loadTeam(ctx.store.db, teamId))) throw notFound('The team');
  const sender = await loadPerson(ctx.store.db, principal.personId);
  const members = (await teamAgents(ctx.store.db, teamId)).filter((m) => m.id !== principal.personId);
  if (members.length === 0) throw ruleRefused('no_members', 'This team has no agents to recognise yet.');
  const batchId = randomUUID();
  const kudosIds: string[] = [];
  const work = async (uow: UnitOfWork) => {
    const kudos = members.map((member) =>
      personKudos({
        id: randomUUID(),
        kind: 'supervisor',
        from: sender ?? { id: null, name: 'Admin' },
        to: member,
        note: body,
        at: uow.now,
      }),
    );
    // Set-based: a few multi-row statements for the whole team (kudos, timeline, growth, feed), not five per member.
    await insertKudosMany(
      uow.trx,
      uow.dialect,
      kudos.map((k) => ({ kudos: k, sourceKey: `${sourcePrefix(batchId)}${k.toPersonId}` })),
    );
    await deliverKudosMany(uow, kudos);
    kudosIds.push(...kudos.map((k) => k.id));
    return { id: batchId };
  };
  if (!key) {
    await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), work);
    return { kudosIds, duplicate: false };
  }
  const ack = await runIdempotentAction(ctx, principal.personId, key, 'teamKudos', { teamId, body }, work);
  if (!ack.duplicate) return { kudosIds, duplicate: false };
  return {
    kudosIds: ack.id ? await kudosIdsWithSourcePrefix(ctx.store.db, sourcePrefix(ack.id)) : [],
    duplicate: true,
  };
}
