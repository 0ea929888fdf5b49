import { randomUUID } from 'node:crypto';
import {
  PAIRING_CODE_TTL_MINUTES,
  formatPairingCode,
  type PairedDevice,
  type PairingCodeCreated,
} from '../../../shared/api/pairing';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { DomainError, forbidden, notFound } from '../core/errors';
import { generatePairingCode, hashPairingCode } from '../auth/pairing-codes';
import { issueToken } from '../auth/tokens';
import { requireSupervisedPerson } from './access';
import { loadPerson } from '../store/repos/people-repo';
import { claimPairingCode, insertPairingCode, pairingCodeByHash } from '../store/repos/pairing-codes-repo';
import { runUnitOfWork } from '../store/unit-of-work';
import { toIsoUtc } from '../store/time';

const unknownCode = () =>
  new DomainError(
    'unauthenticated',
    'pairing_code_unknown',
    'This pairing code is not right: check it with the person who gave it to you.',
  );

/**
 * A one-time code for a person's new device. Admins may pair anyone; supervisors only the agents of teams
 * they supervise (not another supervisor, not an admin). The code is returned once and stored hashed.
 */
export async function createPairingCode(
  ctx: AppContext,
  principal: Principal,
  personId: string,
): Promise<PairingCodeCreated> {
  const person = await requireSupervisedPerson(ctx.store.db, principal, personId);
  if (principal.role !== 'admin' && person.role !== 'agent')
    throw forbidden(
      'Supervisors may pair devices for the agents of their teams; ask an admin for this person.',
    );
  const now = ctx.clock();
  const expiresAt = toIsoUtc(new Date(now.getTime() + PAIRING_CODE_TTL_MINUTES * 60_000));
  const code = generatePairingCode();
  await insertPairingCode(ctx.store.db, {
    id: randomUUID(),
    hash: hashPairingCode(code),
    personId: person.id,
    createdBy: principal.personId,
    createdAt: toIsoUtc(now),
    expiresAt,
  });
  return { code: formatPairingCode(code), personId: person.id, personName: person.name, expiresAt };
}

/**
 * Exchanges a code (already normalised by the route's schema) for a new device token, once: an unknown code
 * is refused as unauthenticated, an expired or used one as gone. The claim and the token commit together.
 */
export async function exchangePairingCode(ctx: AppContext, code: string): Promise<PairedDevice> {
  const now = ctx.clock();
  return runUnitOfWork(ctx.store, ctx.bus, now, async (uow) => {
    const row = await pairingCodeByHash(uow.trx, hashPairingCode(code));
    if (!row) throw unknownCode();
    if (row.usedAt !== null)
      throw new DomainError(
        'gone',
        'pairing_code_used',
        'This pairing code was already used. Ask for a new one: each code signs in one device.',
      );
    if (row.expiresAt <= uow.now)
      throw new DomainError(
        'gone',
        'pairing_code_expired',
        `This pairing code has expired (codes last ${PAIRING_CODE_TTL_MINUTES} minutes). Ask for a new one.`,
      );
    const person = await loadPerson(uow.trx, row.personId);
    if (!person) throw notFound('The person this code was made for');
    const issued = await issueToken(uow.trx, person.id, 'person', 'device paired with a code', now);
    // A second exchange of the same code racing this one finds it claimed and rolls its token back.
    if (!(await claimPairingCode(uow.trx, row.id, uow.now, issued.id)))
      throw new DomainError(
        'gone',
        'pairing_code_used',
        'This pairing code was just used on another device.',
      );
    return { token: issued.token, personId: person.id, personName: person.name };
  });
}
