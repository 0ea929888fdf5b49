import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  ActionAck,
  MarkKudosReadBody,
  SendKudosBody,
  ThankKudosBody,
} from '../../../shared/api/actions';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { forbidden, notFound, ruleRefused } from '../core/errors';
import { runIdempotentAction } from './idempotent-action';
import { loadPerson } from '../store/repos/people-repo';
import {
  insertKudos,
  lockPeerKudosOf,
  loadKudos,
  markKudosReadAt,
  markKudosThanked,
  unreadKudosAmong,
} from '../store/repos/kudos-repo';
import { kudosQuota } from '../engine/kudos-quota';
import { deliverKudos } from '../engine/kudos-delivery';
import { personKudos } from '../../../shared/domain/kudos-rules';

export async function sendKudos(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof SendKudosBody>,
  key: string,
): Promise<ActionAck> {
  const db = ctx.store.db;
  const [sender, recipient] = await Promise.all([
    loadPerson(db, principal.personId),
    loadPerson(db, body.toPersonId),
  ]);
  if (!sender) throw forbidden('Only people can send kudos.');
  if (!recipient) throw notFound('The recipient');
  if (recipient.id === sender.id) throw ruleRefused('self_kudos', 'Kudos are for someone else.');
  const shareTeam = recipient.teamIds.some((t) => sender.teamIds.includes(t));
  if (sender.role !== 'admin' && !shareTeam) throw forbidden('You can send kudos to people in your teams.');
  const kind = sender.role === 'agent' ? 'peer' : 'supervisor';
  return runIdempotentAction(ctx, sender.id, key, 'sendKudos', body, async (uow) => {
    if (kind === 'peer') {
      await lockPeerKudosOf(uow.trx, uow.dialect, sender.id);
      const quota = await kudosQuota(uow.trx, sender.id, sender.timezone, uow.now);
      if (quota.sentToday >= quota.dailyCap) {
        throw ruleRefused(
          'daily_cap_reached',
          `You have sent ${quota.sentToday} kudos today, the daily limit; more can go out tomorrow.`,
        );
      }
    }
    const kudos = personKudos({
      id: randomUUID(),
      kind,
      from: sender,
      to: recipient,
      note: body,
      at: uow.now,
    });
    await insertKudos(uow.trx, kudos, null);
    await deliverKudos(uow, kudos);
    if (kind === 'peer')
      uow.feed(sender.id, 'kudos.quota', await kudosQuota(uow.trx, sender.id, sender.timezone, uow.now));
    return { id: kudos.id };
  });
}

export async function thankKudos(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof ThankKudosBody>,
  key: string,
): Promise<ActionAck> {
  return runIdempotentAction(ctx, principal.personId, key, 'thankKudos', body, async (uow) => {
    const kudos = await loadKudos(uow.trx, body.kudosId);
    if (!kudos || kudos.toPersonId !== principal.personId) throw notFound('The kudos');
    if (kudos.thankedAt === null) {
      await markKudosThanked(uow.trx, kudos.id, uow.now);
      const thanked = { ...kudos, thankedAt: uow.now };
      uow.feed(kudos.toPersonId, 'kudos.upserted', thanked);
      if (kudos.fromPersonId) {
        uow.feed(kudos.fromPersonId, 'celebration', {
          id: `thanks:${kudos.id}`,
          kind: 'kudos',
          size: 'toast',
          title: `${kudos.toName} says thanks`,
          message: `For your kudos: ${kudos.message}`,
          at: uow.now,
          refId: kudos.id,
        });
      }
    }
    return { id: kudos.id };
  });
}

export async function markKudosRead(
  ctx: AppContext,
  principal: Principal,
  body: z.infer<typeof MarkKudosReadBody>,
  key: string,
): Promise<ActionAck> {
  return runIdempotentAction(ctx, principal.personId, key, 'markKudosRead', body, async (uow) => {
    for (const kudos of await unreadKudosAmong(uow.trx, principal.personId, body.kudosIds)) {
      await markKudosReadAt(uow.trx, kudos.id, uow.now);
      uow.feed(principal.personId, 'kudos.upserted', { ...kudos, readAt: uow.now });
    }
    return { id: null };
  });
}
