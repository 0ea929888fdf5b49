import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoutes } from '../../../shared/api/routes';
import { LIVE_RECONNECT_CLOSE_CODE, LIVE_RECONNECT_ERROR } from '../../../shared/api/feed';
import type { AppContext } from '../core/context';
import { bearerFrom, type Principal } from '../auth/principal';
import { authenticateToken, type AuthFailureLimiter } from './authenticate';
import { HttpError } from './http-errors';
import { hashToken } from '../auth/tokens';
import { AUTH_TIMEOUT_MS, LiveSession, parseClientMessage } from './live-session';

const LiveQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

/**
 * WebSocket /api/live. Browsers send `{kind:'auth', token, after}` as the first message; Node clients may
 * instead authenticate the upgrade with `Authorization: Bearer` and pass `?after=N` to start at once.
 */
export function registerLiveRoute(app: FastifyInstance, ctx: AppContext, limiter: AuthFailureLimiter): void {
  app.get(apiRoutes.live.path, { websocket: true }, (socket, request) => {
    ctx.metrics.liveSockets.inc();
    const session = new LiveSession(ctx, socket);
    // Draining (SIGTERM): close with the "reconnect" code, so the client reconnects at once to another instance.
    const offDrain = ctx.lifecycle.onDrain(() =>
      session.fail(
        LIVE_RECONNECT_ERROR,
        'This server instance is shutting down; reconnect now.',
        LIVE_RECONNECT_CLOSE_CODE,
      ),
    );
    let principal: Principal | null = null;
    let started = false;
    // `batch`: the client reads `entries` frames (the auth message says so; a header-authenticated client does not).
    const start = (p: Principal, after: number, token: string, batch = false) => {
      if (p.tokenKind !== 'person')
        return session.fail('forbidden', 'Only a person’s own token opens their live feed.');
      principal = p;
      started = true;
      clearTimeout(authTimer);
      session.start(p, after, hashToken(token), batch);
    };
    const authTimer = setTimeout(() => {
      if (!started) session.fail('auth_timeout', 'Send {"kind":"auth","token":…,"after":…} first.');
    }, AUTH_TIMEOUT_MS);

    const headerToken = bearerFrom(request.headers.authorization);
    const query = LiveQuery.safeParse(request.query);
    if (headerToken && query.success && query.data.after !== undefined) {
      const after = query.data.after;
      authenticateToken(ctx, limiter, request.ip, headerToken)
        .then((p) => start(p, after, headerToken))
        .catch((e: unknown) =>
          session.fail('unauthorized', e instanceof HttpError ? e.message : 'Not signed in.'),
        );
    }

    socket.on('message', (data) => {
      const message = parseClientMessage(data.toString());
      if (!message)
        return session.fail('invalid_message', 'Messages must be {"kind":"auth",…} or {"kind":"ping"}.');
      if (message.kind === 'ping') return started ? session.handlePing() : undefined;
      if (started) {
        // A repeated auth must name the same person; the session already streams from its cursor.
        return;
      }
      authenticateToken(ctx, limiter, request.ip, message.token)
        .then((p) => {
          if (principal && principal.personId !== p.personId)
            throw new HttpError(401, 'unauthorized', 'Token mismatch.');
          if (!started) start(p, message.after, message.token, message.batch === true);
        })
        .catch((e: unknown) =>
          session.fail('unauthorized', e instanceof HttpError ? e.message : 'Not signed in.'),
        );
    });
    socket.on('close', () => {
      offDrain();
      clearTimeout(authTimer);
      session.close();
      ctx.metrics.liveSockets.dec();
    });
    socket.on('error', () => session.close());
  });
}
