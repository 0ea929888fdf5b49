import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreatePersonBody,
  CreateTeamBody,
  CreateTokenBody,
  MergePersonBody,
  UpdatePersonBody,
} from '../../../shared/api/admin';
import { Handle } from '../../../shared/api/ingest';
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
import { parseOr400 } from './http-errors';
import { requireAdmin, type Authenticator } from './authenticate';

const IdParams = z.object({ id: z.string().min(1).max(128) });
const PeopleQuery = z.object({ handle: Handle.optional(), claimed: z.enum(['true', 'false']).optional() });

/** Admin: teams, people (with schedules, absences, handles), tokens. Every route is admin-only. */
export function registerAdminRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  authenticate: Authenticator,
): void {
  const admin = async (request: Parameters<Authenticator>[0]) => requireAdmin(await authenticate(request));

  app.post('/api/admin/teams', async (request, reply) => {
    await admin(request);
    const team = await createTeam(ctx.store.db, parseOr400(CreateTeamBody, request.body), ctx.clock());
    return reply.code(201).send(team);
  });

  app.get('/api/admin/teams', async (request) => {
    await admin(request);
    return { teams: await listTeams(ctx.store.db) };
  });

  app.post('/api/admin/people', async (request, reply) => {
    await admin(request);
    const person = await createPerson(ctx, parseOr400(CreatePersonBody, request.body), ctx.clock());
    return reply.code(201).send(person);
  });

  app.get('/api/admin/people', async (request) => {
    await admin(request);
    const query = parseOr400(PeopleQuery, request.query, 'query');
    return {
      people: await listPeople(ctx.store.db, {
        handle: query.handle,
        claimed: query.claimed === undefined ? undefined : query.claimed === 'true',
      }),
    };
  });

  app.get('/api/admin/people/:id', async (request) => {
    await admin(request);
    const { id } = parseOr400(IdParams, request.params, 'path');
    return getPerson(ctx.store.db, id);
  });

  app.patch('/api/admin/people/:id', async (request) => {
    await admin(request);
    const { id } = parseOr400(IdParams, request.params, 'path');
    return updatePerson(ctx, id, parseOr400(UpdatePersonBody, request.body), ctx.clock());
  });

  app.post('/api/admin/people/:id/merge', async (request) => {
    await admin(request);
    const { id } = parseOr400(IdParams, request.params, 'path');
    return mergePerson(ctx, id, parseOr400(MergePersonBody, request.body).intoPersonId);
  });

  app.post('/api/admin/people/:id/tokens', async (request, reply) => {
    await admin(request);
    const { id } = parseOr400(IdParams, request.params, 'path');
    const body = parseOr400(CreateTokenBody, request.body ?? {});
    const created = await createToken(ctx.store.db, id, body, ctx.clock());
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });

  app.delete('/api/admin/tokens/:id', async (request, reply) => {
    await admin(request);
    const { id } = parseOr400(IdParams, request.params, 'path');
    await revokeToken(ctx.store.db, id, ctx.clock());
    return reply.code(204).send();
  });
}
