import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiRoutes } from '../../../shared/api/routes';
import type { AppContext } from '../core/context';
import { bearerFrom } from '../auth/principal';
import type { AuthFailureLimiter } from './authenticate';
import { LiveSession } from './live-session';
import { releaseUpgradeRequest } from './upgrade-release';

const LiveQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

/**
 * WebSocket /api/live. Browsers send `{kind:'auth', token, after}` as the first message; Node clients may
 * instead authenticate the upgrade with `Authorization: Bearer` and pass `?after=N` to start at once. The
 * session serves the socket from here on; the handler reads what it needs of the upgrade request and lets go
 * of the rest (an idle socket keeps no request, reply or closure of this handler).
 */
export function registerLiveRoute(app: FastifyInstance, ctx: AppContext, limiter: AuthFailureLimiter): void {
  app.get(apiRoutes.live.path, { websocket: true }, (socket, request) => {
    const headerToken = bearerFrom(request.headers.authorization);
    const query = LiveQuery.safeParse(request.query);
    const after = query.success ? query.data.after : undefined;
    const bearer = headerToken && after !== undefined ? { token: headerToken, after } : null;
    const ip = request.ip;
    releaseUpgradeRequest(socket, request);
    new LiveSession(ctx, socket).listen({ ip, limiter, bearer });
  });
}
