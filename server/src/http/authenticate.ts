import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context';
import { bearerFrom, principalForToken, type Principal } from '../auth/principal';
import { forbidden } from '../core/errors';
import { TooManyRequests, unauthorized } from './http-errors';

/**
 * Counts failed authentications per client IP in each minute (ctx.limits: shared by every instance on
 * PostgreSQL). Past the limit a wrong token gets 429 instead of 401, with Retry-After. A valid token is never
 * refused because of the failures of others behind the same address (a proxy, an office NAT).
 */
export class AuthFailureLimiter {
  constructor(
    private readonly ctx: AppContext,
    private readonly perMinute: number,
  ) {}

  /**
   * Answers 429 when this IP already failed `perMinute` times this minute, without counting. Only for secrets
   * short enough to guess (pairing codes): a bearer token is never refused for its address's failures.
   */
  async check(ip: string): Promise<void> {
    const verdict = await this.ctx.limits.reached('auth-failure', ip, this.perMinute);
    if (verdict.limited)
      throw new TooManyRequests(
        'too_many_attempts',
        'Too many failed sign-in attempts from this address',
        verdict.retryAfterSeconds,
      );
  }

  /** Records a failure, or answers 429 when this IP already failed too often this minute. */
  async fail(ip: string): Promise<void> {
    const verdict = await this.ctx.limits.hit('auth-failure', ip, this.perMinute);
    if (verdict.limited)
      throw new TooManyRequests(
        'too_many_attempts',
        'Too many failed sign-in attempts from this address',
        verdict.retryAfterSeconds,
      );
  }
}

export async function authenticateToken(
  ctx: AppContext,
  limiter: AuthFailureLimiter,
  ip: string,
  token: string | null,
): Promise<Principal> {
  const principal = token
    ? await principalForToken(ctx.store.db, token, ctx.config.adminTokenHash, ctx.clock())
    : null;
  if (!principal) {
    await limiter.fail(ip);
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
  const limiter = new AuthFailureLimiter(ctx, ctx.config.authFailuresPerMinute);
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
