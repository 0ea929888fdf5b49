import { createHash } from 'node:crypto';
import type { ActionAck } from '../../../shared/api/actions';
import type { AppContext } from '../core/context';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work';
import {
  findIdempotencyKey,
  rememberIdempotencyKey,
  type RememberedAction,
} from '../store/repos/idempotency-repo';
import { DomainError, conflict } from '../core/errors';

export interface ActionResult {
  id: string | null;
  /** Every id the action created, answered again on a replay; defaults to `id`. */
  ids?: readonly string[];
  /**
   * An anonymous action (an anonymous idea): its idempotency row must not link it to its author. The row then
   * names no person (person `anonymous`, key = hash of person and key, so only the author's own retry finds it),
   * remembers no result id, and carries the day instead of the instant (the idea's createdAt is the instant).
   */
  anonymous?: boolean;
}

export interface IdempotentOutcome {
  ack: ActionAck;
  /** What the first request created (ActionResult.ids), for replies that list more than one id. */
  ids: string[];
}

/** The person_id of rows written for anonymous actions; person ids are UUIDs, so it names nobody. */
const ANONYMOUS = 'anonymous';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted, so the same request hashes the same whatever order its fields came in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

/**
 * Runs an action once per (person, Idempotency-Key): the key is stored in the same transaction as the change,
 * with a hash of the request and the ids it created, so a retry after a lost response returns the first result
 * with `duplicate: true` and changes nothing. The same key with another action or another request (body and
 * path) is a 409 naming the key: answering it "duplicate" would tell the client a change it never made was made.
 * Two concurrent first attempts race on the key's primary key; the loser rolls back and answers as a replay.
 */
export async function runIdempotent(
  ctx: AppContext,
  personId: string,
  key: string,
  action: string,
  request: unknown,
  work: (uow: UnitOfWork) => Promise<ActionResult>,
): Promise<IdempotentOutcome> {
  const requestHash = sha256(JSON.stringify([personId, key, action, canonical(request)]));
  const anonymousKey = sha256(`${personId}\n${key}`);
  const replay = async (): Promise<IdempotentOutcome | null> => {
    const row: RememberedAction | null =
      (await findIdempotencyKey(ctx.store.db, personId, key)) ??
      (await findIdempotencyKey(ctx.store.db, ANONYMOUS, anonymousKey));
    if (!row) return null;
    if (row.action !== action)
      throw conflict(
        `The Idempotency-Key "${key}" was already used for "${row.action}"; send a new key for a new request.`,
        'idempotency_key_reused',
      );
    if (row.requestHash !== null && row.requestHash !== requestHash)
      throw conflict(
        `The Idempotency-Key "${key}" was already used for a different request; send a new key for a new request.`,
        'idempotency_key_reused',
      );
    const ids = row.resultIds ?? (row.resultId ? [row.resultId] : []);
    return { ack: { ok: true, id: row.resultId, duplicate: true }, ids };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await runUnitOfWork(ctx.store, ctx.bus, ctx.clock(), async (uow) => {
      const result = await work(uow);
      const ids = [...(result.ids ?? (result.id ? [result.id] : []))];
      await rememberIdempotencyKey(
        uow.trx,
        result.anonymous
          ? {
              personId: ANONYMOUS,
              key: anonymousKey,
              action,
              resultId: null,
              resultIds: null,
              requestHash,
              at: `${uow.now.slice(0, 10)}T00:00:00.000Z`,
            }
          : { personId, key, action, resultId: result.id, resultIds: ids, requestHash, at: uow.now },
      );
      return { ack: { ok: true as const, id: result.id, duplicate: false }, ids };
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const raced = await replay();
    if (raced) return raced;
    throw error;
  }
}

/** runIdempotent for actions whose reply is the ActionAck. */
export async function runIdempotentAction(
  ctx: AppContext,
  personId: string,
  key: string,
  action: string,
  request: unknown,
  work: (uow: UnitOfWork) => Promise<ActionResult>,
): Promise<ActionAck> {
  return (await runIdempotent(ctx, personId, key, action, request, work)).ack;
}
