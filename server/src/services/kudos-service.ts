import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  ActionAck,
  MarkKudosReadBody,
  SendKudosBody,
  ThankKudosBody,
} from '../../../shared/api/actions';
import type { Kudos } from '../../../shared/domain/people-model';
import type { AppContext } from '../app/context';
import type { Principal } from '../auth/principal';
import type { UnitOfWork } from '../store/unit-of-work';
import { HttpError, forbidden, notFound } from '../api/http-errors';
import { runIdempotentAction } from './idempotent-action';
import { loadPerson } from './people-repo';
import { insertKudos, kudosFromRow, loadKudos } from './kudos-repo';
import { kudosQuota } from './kudos-quota';
import { recordAchievement } from '../engine/growth-updater';
import { timelineEntryFor } from '../../../shared/domain/timeline';
import { celebrationFor } from '../../../shared/domain/celebrations';
import { personKudos } from '../../../shared/domain/kudos-rules';

/**
 * Delivers a stored kudos to its recipient: inbox entry, toast, timeline, growth points. Used by peers,
 * supervisors and customer ratings. `historical` (imports) skips the pop-up: old news is not a moment.
 */
export async function deliverKudos(
  uow: UnitOfWork,
  kudos: Kudos,
  opts: { historical?: boolean } = {},
): Promise<void> {
  uow.feed(kudos.toPersonId, 'kudos.upserted', kudos);
  const celebration = opts.historical
    ? null
    : celebrationFor({ kind: 'kudos', kudos }, uow.now, `kudos:${kudos.id}`);
  await recordAchievement(uow, timelineEntryFor({ kind: 'kudos_received', kudos }), celebration);
}

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
  if (recipient.id === sender.id) throw new HttpError(422, 'self_kudos', 'Kudos are for someone else.');
  const shareTeam = recipient.teamIds.some((t) => sender.teamIds.includes(t));
  if (sender.role !== 'admin' && !shareTeam) throw forbidden('You can send kudos to people in your teams.');
  const kind = sender.role === 'agent' ? 'peer' : 'supervisor';
  return runIdempotentAction(ctx, sender.id, key, 'sendKudos', async (uow) => {
    if (kind === 'peer') {
      const quota = await kudosQuota(uow.trx, sender.id, sender.timezone, uow.now);
      if (quota.sentToday >= quota.dailyCap) {
        throw new HttpError(
          422,
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
  return runIdempotentAction(ctx, principal.personId, key, 'thankKudos', async (uow) => {
    const kudos = await loadKudos(uow.trx, body.kudosId);
    if (!kudos || kudos.toPersonId !== principal.personId) throw notFound('The kudos');
    if (kudos.thankedAt === null) {
      await uow.trx.updateTable('kudos').set({ thanked_at: uow.now }).where('id', '=', kudos.id).execute();
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
  return runIdempotentAction(ctx, principal.personId, key, 'markKudosRead', async (uow) => {
    const rows = await uow.trx
      .selectFrom('kudos')
      .selectAll()
      .where('id', 'in', body.kudosIds)
      .where('to_person_id', '=', principal.personId)
      .where('read_at', 'is', null)
      .execute();
    for (const row of rows) {
      await uow.trx.updateTable('kudos').set({ read_at: uow.now }).where('id', '=', row.id).execute();
      uow.feed(principal.personId, 'kudos.upserted', kudosFromRow({ ...row, read_at: uow.now }));
    }
    return { id: null };
  });
}
