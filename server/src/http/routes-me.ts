import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { apiRoutes } from '../../../shared/api/routes';
import { ownFeedJson, ownSnapshot } from '../actions/own-state';
import { myRecap } from '../actions/weekly-recap-reads';
import type { RegisterRoute } from './route-registrar';

/** The signed-in person's own state: the snapshot, the feed after a cursor, the latest weekly recap. */
export function registerMeRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'snapshot', ({ principal }) => ownSnapshot(ctx, principal));
  route(app, 'myRecap', ({ principal }) => myRecap(ctx, principal));
  // Sent as the JSON text the store's rows make (a FeedPage; the reply check in tests holds it to the schema).
  route(app, 'feed', async ({ principal, query, reply }) => {
    const page = await ownFeedJson(ctx, principal, query.after, query.limit);
    return reply
      .code(apiRoutes.feed.status)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(page);
  });
}
