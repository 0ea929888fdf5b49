import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import { ownFeed, ownSnapshot } from '../actions/own-state';
import { myRecap } from '../actions/weekly-recap-reads';
import type { RegisterRoute } from './route-registrar';

/** The signed-in person's own state: the snapshot, the feed after a cursor, the latest weekly recap. */
export function registerMeRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'snapshot', ({ principal }) => ownSnapshot(ctx, principal));
  route(app, 'myRecap', ({ principal }) => myRecap(ctx, principal));
  route(app, 'feed', ({ principal, query }) => ownFeed(ctx, principal, query.after, query.limit));
}
