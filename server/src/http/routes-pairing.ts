import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { DomainError } from '../core/errors';
import { createPairingCode, exchangePairingCode } from '../actions/pairing-actions';
import type { AuthFailureLimiter } from './authenticate';
import type { RegisterRoute } from './route-registrar';

/**
 * Pairing a device: supervisors and admins make a code; a device with no token exchanges it. A wrong, expired
 * or used code counts as a failed sign-in for the caller's IP, in the same limiter as bad tokens, so guessing
 * codes is as slow as guessing tokens (429 past the limit, before any lookup).
 */
export function registerPairingRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  route: RegisterRoute,
  limiter: AuthFailureLimiter,
): void {
  route(app, 'createPairingCode', (c) => createPairingCode(ctx, c.principal, c.params.personId));
  route(app, 'exchangePairingCode', async ({ body, request }) => {
    await limiter.check(request.ip);
    try {
      return await exchangePairingCode(ctx, body.code);
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'unauthenticated' || error.kind === 'gone'))
        await limiter.fail(request.ip);
      throw error;
    }
  });
}
