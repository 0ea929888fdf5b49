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
  updateTeam,
} from '../actions/admin-actions';
import { listTokens, revokePairingCode } from '../actions/admin-tokens';
import { mergePreview } from '../actions/merge-preview';
import type { RegisterRoute } from './route-registrar';
import { endLiveSessions, REVOKED_MESSAGE } from './live-registry';
import type { LiveSessionEnd } from '../feed/session-end';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Admin: teams, people (with schedules, absences, handles), tokens. The table makes every one admin-only. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext, route: RegisterRoute): void {
  const db = ctx.store.db;
  route(app, 'createTeam', ({ body }) => createTeam(db, body, ctx.clock()));
  route(app, 'listTeams', async () => ({ teams: await listTeams(db) }));
  route(app, 'updateTeam', ({ params, body }) => updateTeam(ctx, params.id, body, ctx.clock()));
  route(app, 'createPerson', ({ body }) => createPerson(ctx, body, ctx.clock()));
  route(app, 'listPeople', async ({ query }) => ({
    people: await listPeople(db, {
      handle: query.handle,
      claimed: query.claimed === undefined ? undefined : query.claimed === 'true',
    }),
  }));
  route(app, 'getPerson', ({ params }) => getPerson(db, params.id));
  route(app, 'updatePerson', async ({ params, body }) => {
    const before =
      body.role !== undefined || body.teamIds !== undefined ? await getPerson(db, params.id) : null;
    const after = await updatePerson(ctx, params.id, body, ctx.clock());
    // A new role or team changes what the person may see: their open companions start over from a snapshot.
    if (before && (before.role !== after.role || !sameSet(before.teamIds, after.teamIds)))
      await endEverywhere(app, ctx, {
        who: { personId: params.id },
        reason: 'resync',
        message: 'Your role or teams changed; loading your state afresh.',
      });
    return after;
  });
  route(app, 'mergePerson', ({ params, body }) =>
    mergePerson(ctx, params.id, body.intoPersonId, ctx.clock()),
  );
  route(app, 'mergePreview', ({ params, query }) => mergePreview(db, params.id, query.into));
  route(app, 'listTokens', ({ params }) => listTokens(db, params.id, ctx.clock()));
  route(app, 'revokePairingCode', ({ params }) => revokePairingCode(db, params.id, ctx.clock()));
  route(app, 'createToken', ({ params, body }) => createToken(db, params.id, body, ctx.clock()));
  route(app, 'revokeToken', async ({ params }) => {
    const { tokenHash } = await revokeToken(db, params.id, ctx.clock());
    // Within the request, right after the commit: the revoked token's open sockets end now, on every
    // instance, not at their next sign-in.
    await endEverywhere(app, ctx, { who: { tokenHash }, reason: 'signedOut', message: REVOKED_MESSAGE });
  });
}

/**
 * The change is committed, so the request succeeds even if the other instances could not be told: this
 * instance's sockets ended, the others refuse the token at their next sign-in, and an instance whose bus
 * connection was lost re-checks its sockets' tokens when it reconnects.
 */
async function endEverywhere(app: FastifyInstance, ctx: AppContext, end: LiveSessionEnd): Promise<void> {
  await endLiveSessions(ctx, end).catch((error: unknown) =>
    app.log.warn({ err: error }, 'could not tell the other instances to end live sessions'),
  );
}
