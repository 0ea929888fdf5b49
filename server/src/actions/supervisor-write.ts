import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work';
import { runIdempotent, type ActionResult, type IdempotentOutcome } from './idempotent-action';

/**
 * Supervisor writes run once per Idempotency-Key when the client sends one (the request is hashed with the key,
 * so the same key with another request is refused), else as a plain transaction.
 */
export function supervisorWrite(
  ctx: AppContext,
  principal: Principal,
  key: string | null,
  action: string,
  request: unknown,
  work: (uow: UnitOfWork) => Promise<ActionResult>,
): Promise<IdempotentOutcome> {
  if (key) return runIdempotent(ctx, principal.personId, key, action, request, work);
  return runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
    const result = await work(uow);
    return {
      ack: { ok: true as const, id: result.id, duplicate: false },
      ids: [...(result.ids ?? (result.id ? [result.id] : []))],
    };
  });
}
