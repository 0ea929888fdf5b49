import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context';
import {
  createPerson,
  createTeam,
  createToken,
  getPerson,
  listPeople,
  listTeams,
  mergePerson,
  revokeToken,
  updatePerson,
} from '../actions/admin-actions';
import type { RegisterRoute } from './route-registrar';

/** Admin: teams, people (with schedules, absences, handles), tokens. The table makes every one admin-only. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  const db = ctx.store.db;
  route(app, 'createTeam', ({ body }) => createTeam(db, body, ctx.clock()));
  route(app, 'listTeams', async () => ({ teams: await listTeams(db) }));
  route(app, 'createPerson', ({ body }) => createPerson(ctx, body, ctx.clock()));
  route(app, 'listPeople', async ({ query }) => ({
    people: await listPeople(db, {
      handle: query.handle,
      claimed: query.claimed === undefined ? undefined : query.claimed === 'true',
    }),
  }));
  route(app, 'getPerson', ({ params }) => getPerson(db, params.id));
  route(app, 'updatePerson', ({ params, body }) => updatePerson(ctx, params.id, body, ctx.clock()));
  route(app, 'mergePerson', ({ params, body }) =>
    mergePerson(ctx, params.id, body.intoPersonId, ctx.clock()),
  );
  route(app, 'createToken', ({ params, body }) => createToken(db, params.id, body, ctx.clock()));
  route(app, 'revokeToken', async ({ params }) => revokeToken(db, params.id, ctx.clock()));
}
