import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context';
import { bearerFrom, principalForToken, type Principal } from '../auth/principal';
import { forbidden } from '../core/errors';
import { HttpError, unauthorized } from './http-errors';

/**
 * Counts failed authentications per client IP in a sliding minute; past the limit the client gets 429 before
 * any token lookup, which makes guessing tokens slow even though they are 256-bit random.
 */
export class AuthFailureLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}

  check(ip: string, now: number): void {
    const recent = (this.failures.get(ip) ?? []).filter((t) => now - t < 60_000);
    this.failures.set(ip, recent);
    if (recent.length >= this.perMinute)
      throw new HttpError(
        429,
        'too_many_attempts',
        'Too many failed sign-in attempts; wait a minute and try again.',
      );
  }

  fail(ip: string, now: number): void {
    this.failures.set(ip, [...(this.failures.get(ip) ?? []), now]);
    if (this.failures.size > 10_000) this.failures.clear();
  }
}

export async function authenticateToken(
  ctx: AppContext,
  limiter: AuthFailureLimiter,
  ip: string,
  token: string | null,
): Promise<Principal> {
  const now = Date.now();
  limiter.check(ip, now);
  const principal = token ? await principalForToken(ctx.store.db, token, ctx.config.adminTokenHash) : null;
  if (!principal) {
    limiter.fail(ip, now);
    throw unauthorized(
      token
        ? 'This token is not valid (unknown or revoked).'
        : 'A bearer token is required (Authorization: Bearer sk_…).',
    );
  }
  return principal;
}

export type Authenticator = (
  request: FastifyRequest,
  opts?: { allowIngestToken?: boolean },
) => Promise<Principal>;

/** Builds the per-request authenticator. Ingest tokens may call only the ingest routes. */
export function createAuthenticator(ctx: AppContext): {
  authenticate: Authenticator;
  limiter: AuthFailureLimiter;
} {
  const limiter = new AuthFailureLimiter(ctx.config.authFailuresPerMinute);
  const authenticate: Authenticator = async (request, opts = {}) => {
    const principal = await authenticateToken(
      ctx,
      limiter,
      request.ip,
      bearerFrom(request.headers.authorization),
    );
    if (principal.tokenKind === 'ingest' && !opts.allowIngestToken)
      throw forbidden('An ingest token may only send helpdesk events.');
    return principal;
  };
  return { authenticate, limiter };
}

export function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw forbidden('Only admins may do this.');
}
