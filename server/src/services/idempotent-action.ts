import type { ActionAck } from '../../../shared/api/actions';
import type { AppContext } from '../app/context';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work';
import { HttpError } from '../api/http-errors';

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
    const row = await ctx.store.db
      .selectFrom('idempotency')
      .select(['action', 'result_id'])
      .where('person_id', '=', personId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return null;
    if (row.action !== action)
      throw new HttpError(
        409,
        'idempotency_key_reused',
        `This Idempotency-Key was already used for "${row.action}".`,
      );
    return { ok: true, id: row.result_id, duplicate: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
      const result = await work(uow);
      await uow.trx
        .insertInto('idempotency')
        .values({
          person_id: personId,
          key,
          action,
          result_id: result.rememberId === undefined ? result.id : result.rememberId,
          created_at: uow.now,
        })
        .execute();
      return { ok: true as const, id: result.id, duplicate: false };
    });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const raced = await replay();
    if (raced) return raced;
    throw error;
  }
}
