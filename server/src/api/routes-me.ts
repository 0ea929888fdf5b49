import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FeedPage } from '../../../shared/api/feed';
import type { AppContext } from '../app/context';
import { snapshotFor } from '../services/snapshot-service';
import { readFeed } from '../feed/feed-reader';
import { loadPerson } from '../services/people-repo';
import { forbidden, parseOr400 } from './http-errors';
import type { Authenticator } from './authenticate';

const FeedQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** The signed-in person's own state: the snapshot and the feed after a cursor. */
export function registerMeRoutes(app: FastifyInstance, ctx: AppContext, authenticate: Authenticator): void {
  const me = async (request: Parameters<Authenticator>[0]) => {
    const principal = await authenticate(request);
    if (!(await loadPerson(ctx.store.db, principal.personId)))
      throw forbidden('The bootstrap admin has no personal state; create a person and a token.');
    return principal;
  };

  app.get('/api/me/state', async (request, reply) => {
    const principal = await me(request);
    return reply
      .header('cache-control', 'no-store')
      .send(await snapshotFor(ctx.store, principal.personId, ctx.clock()));
  });

  app.get('/api/me/feed', async (request, reply) => {
    const principal = await me(request);
    const { after, limit } = parseOr400(FeedQuery, request.query, 'query');
    // One more than asked tells whether there is more without a count query.
    const entries = await readFeed(ctx.store.db, principal.personId, after, limit + 1);
    const page = entries.slice(0, limit);
    const body: FeedPage = {
      entries: page,
      cursor: page.at(-1)?.seq ?? after,
      hasMore: entries.length > limit,
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
