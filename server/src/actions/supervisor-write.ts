import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work';
import { runIdempotentAction } from './idempotent-action';

/** Supervisor writes run once per Idempotency-Key when the client sends one, else as a plain transaction. */
export function supervisorWrite<T extends { id: string | null }>(
  ctx: AppContext,
  principal: Principal,
  key: string | null,
  action: string,
  work: (uow: UnitOfWork) => Promise<T>,
) {
  if (key) return runIdempotentAction(ctx, principal.personId, key, action, work);
  return runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => ({
    ok: true as const,
    id: (await work(uow)).id,
    duplicate: false,
  }));
}
