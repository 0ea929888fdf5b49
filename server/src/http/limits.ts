import type { AppContext } from '../core/context';
import type { LimitKind } from '../core/rate-limits';
import { TooManyRequests } from './http-errors';

const WHAT: Record<LimitKind, string> = {
  'auth-failure': 'Too many failed sign-in attempts from this address',
  'webhook-failure': 'Too many webhook deliveries with a wrong secret or signature from this address',
  ingest: 'Too many ingest requests this minute',
  webhook: 'Too many webhook deliveries this minute',
  action: 'Too many actions this minute',
};

/** Counts one request against a per-minute limit; over it: 429 with Retry-After and when to retry. */
export async function countOrRefuse(
  ctx: AppContext,
  kind: LimitKind,
  key: string,
  max: number,
): Promise<void> {
  const verdict = await ctx.limits.hit(kind, key, max);
  if (verdict.limited)
    throw new TooManyRequests(
      kind === 'action' ? 'too_many_actions' : 'rate_limited',
      WHAT[kind],
      verdict.retryAfterSeconds,
    );
}
