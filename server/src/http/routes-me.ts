import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context';
import { ownFeed, ownSnapshot } from '../actions/own-state';
import { parseOr400 } from './http-errors';
import type { Authenticator } from './authenticate';

const FeedQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** The signed-in person's own state: the snapshot and the feed after a cursor. */
export function registerMeRoutes(app: FastifyInstance, ctx: AppContext, authenticate: Authenticator): void {
  app.get('/api/me/state', async (request, reply) => {
    const principal = await authenticate(request);
    return reply.header('cache-control', 'no-store').send(await ownSnapshot(ctx, principal));
  });

  app.get('/api/me/feed', async (request, reply) => {
    const principal = await authenticate(request);
    const { after, limit } = parseOr400(FeedQuery, request.query, 'query');
    return reply.header('cache-control', 'no-store').send(await ownFeed(ctx, principal, after, limit));
  });
}
