import { randomUUID } from 'node:crypto';
import type { TeamKudosBody, TeamKudosReply } from '../../../shared/api/actions';
import { personKudos } from '../../../shared/domain/kudos-rules';
import type { AppContext } from '../app/context';
import type { Principal } from '../auth/principal';
import { HttpError, forbidden, notFound } from '../api/http-errors';
import { canManageTeam, requireSupervisor } from './access';
import { loadPerson, loadTeam } from './people-repo';
import { insertKudos } from './kudos-repo';
import { deliverKudos } from './kudos-service';
import { runIdempotentAction } from './idempotent-action';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work';

/** Every kudos of one team kudos shares this source-key prefix, so a replay can name the kudos it created. */
const sourcePrefix = (batchId: string) => `team-kudos:${batchId}:`;

async function teamAgents(ctx: AppContext, teamId: string): Promise<{ id: string; name: string }[]> {
  return ctx.store.db
    .selectFrom('team_members')
    .innerJoin('people', 'people.id', 'team_members.person_id')
    .select(['people.id', 'people.name'])
    .where('team_members.team_id', '=', teamId)
    .where('people.role', '=', 'agent')
    .orderBy('people.id')
    .execute();
}

async function kudosIdsOfBatch(ctx: AppContext, batchId: string): Promise<string[]> {
  const rows = await ctx.store.db
    .selectFrom('kudos')
    .select('id')
    .where('source_key', 'like', `${sourcePrefix(batchId)}%`)
    .orderBy('to_person_id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Supervisor kudos to every agent of a team, in ONE transaction (one commit, one fsync): one kudos per member
 * with its inbox entry, toast, timeline and growth, published to live sockets only after the commit. With an
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
  const members = (await teamAgents(ctx, teamId)).filter((m) => m.id !== principal.personId);
  if (members.length === 0)
    throw new HttpError(422, 'no_members', 'This team has no agents to recognise yet.');
  const batchId = randomUUID();
  const kudosIds: string[] = [];
  const work = async (uow: UnitOfWork) => {
    for (const member of members) {
      const kudos = personKudos({
        id: randomUUID(),
        kind: 'supervisor',
        from: sender ?? { id: null, name: 'Admin' },
        to: member,
        note: body,
        at: uow.now,
      });
      await insertKudos(uow.trx, kudos, `${sourcePrefix(batchId)}${member.id}`);
      await deliverKudos(uow, kudos);
      kudosIds.push(kudos.id);
    }
    return { id: batchId };
  };
  if (!key) {
    await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), work);
    return { kudosIds, duplicate: false };
  }
  const ack = await runIdempotentAction(ctx, principal.personId, key, 'teamKudos', work);
  if (!ack.duplicate) return { kudosIds, duplicate: false };
  return { kudosIds: ack.id ? await kudosIdsOfBatch(ctx, ack.id) : [], duplicate: true };
}
