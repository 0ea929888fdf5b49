import type { ActionAck } from '../../../shared/api/actions';
import type { AppContext } from '../core/context';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work';
import { findIdempotencyKey, rememberIdempotencyKey } from '../store/repos/idempotency-repo';
import { DomainError, conflict } from '../core/errors';

export interface ActionResult {
  id: string | null;
  /** What to remember for a replay; defaults to `id`. Anonymous ideas remember null so no row links author and idea. */
  rememberId?: string | null;
}

/**
 * Runs an action once per (person, Idempotency-Key): the key is stored in the same transaction as the change,
 * so a retry after a lost response returns the first result with `duplicate: true` and changes nothing.
 * A key reused for a different action is a 409. Two concurrent first attempts race on the key's primary key;
 * the loser rolls back and answers as a duplicate.
 */
export async function runIdempotentAction(
  ctx: AppContext,
  personId: string,
  key: string,
  action: string,
  work: (uow: UnitOfWork) => Promise<ActionResult>,
): Promise<ActionAck> {
  const replay = async (): Promise<ActionAck | null> => {
    const row = await findIdempotencyKey(ctx.store.db, personId, key);
    if (!row) return null;
    if (row.action !== action)
      throw conflict(`This Idempotency-Key was already used for "${row.action}".`, 'idempotency_key_reused');
    return { ok: true, id: row.resultId, duplicate: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
      const result = await work(uow);
      await rememberIdempotencyKey(uow.trx, {
        personId,
        key,
        action,
        resultId: result.rememberId === undefined ? result.id : result.rememberId,
        at: uow.now,
      });
      return { ok: true as const, id: result.id, duplicate: false };
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const raced = await replay();
    if (raced) return raced;
    throw error;
  }
}
