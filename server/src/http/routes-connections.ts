import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import {
  checkCredentials,
  checkStoredCredentials,
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  pauseConnection,
  resumeConnection,
  syncSoon,
  updateConnection,
} from '../connectors/connection-service';
import type { RegisterRoute } from './route-registrar';

/** Admin: helpdesk pull connections (connectors/). No reply carries a credential. */
export function registerConnectionRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  route(app, 'createConnection', ({ body }) => createConnection(ctx, body));
  route(app, 'checkNewConnection', ({ body }) => checkCredentials(ctx, body));
  route(app, 'listConnections', async () => ({ connections: await listConnections(ctx) }));
  route(app, 'getConnection', ({ params }) => getConnection(ctx, params.id));
  route(app, 'updateConnection', ({ params, body }) => updateConnection(ctx, params.id, body));
  route(app, 'checkConnection', ({ params }) => checkStoredCredentials(ctx, params.id));
  route(app, 'pauseConnection', ({ params }) => pauseConnection(ctx, params.id));
  route(app, 'resumeConnection', ({ params }) => resumeConnection(ctx, params.id));
  route(app, 'syncConnection', ({ params }) => syncSoon(ctx, params.id));
  route(app, 'deleteConnection', ({ params }) => deleteConnection(ctx, params.id));
}
