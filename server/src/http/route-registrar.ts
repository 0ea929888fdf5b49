import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import {
  apiRoutes,
  type Access,
  type RouteBody,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteReply,
  type RouteSpec,
} from '../../../shared/api/routes';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { bearerFrom } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import { forbidden } from '../core/errors';
import { HttpError, parseOr400 } from './http-errors';
import { requireAdmin, type Authenticator } from './authenticate';
import { countOrRefuse } from './limits';

type Spec<N extends RouteName> = (typeof apiRoutes)[N];

/** Who the handler is called for: nobody on open routes, the caller on the others. */
type PrincipalOf<A extends Access> = A extends 'public' | 'webhook'
  ? null
  : A extends 'metrics'
    ? null | Principal
    : Principal;
type KeyOf<N extends RouteName> =
  Spec<N> extends { idempotencyKey: 'required' }
    ? string
    : Spec<N> extends { idempotencyKey: 'optional' }
      ? string | null
      : null;

/** What a route handler gets: the request parsed with the route table's schemas, and who is asking. */
export interface RouteCall<N extends RouteName> {
  principal: PrincipalOf<Spec<N>['access']>;
  params: RouteParams<N>;
  query: RouteQuery<N>;
  body: Spec<N> extends { rawBody: string } ? unknown : RouteBody<N>;
  idempotencyKey: KeyOf<N>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Answers with the route's reply (sent with its status), or the reply object when the handler sent it itself. */
export type RouteHandler<N extends RouteName> = (call: RouteCall<N>) => Promise<RouteReply<N> | FastifyReply>;

export type RegisterRoute = <N extends RouteName>(
  app: FastifyInstance,
  name: N,
  handler: RouteHandler<N>,
  options?: Pick<RouteShorthandOptions, 'bodyLimit' | 'config'>,
) => void;

/** The Idempotency-Key header: client-made, up to 200 printable characters. */
export function idempotencyKey(request: FastifyRequest): string {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key)
    throw new HttpError(
      400,
      'idempotency_key_required',
      'Send an Idempotency-Key header so a retry never repeats the action.',
    );
  if (!/^[\x21-\x7e]{1,200}$/.test(key))
    throw new HttpError(
      400,
      'invalid_idempotency_key',
      'The Idempotency-Key must be 1–200 printable ASCII characters.',
    );
  return key;
}

/**
 * Registers routes from the route table (shared/api/routes.ts): method and path from the table, the caller
 * admitted by the route's `access`, then path parameters, query and body parsed with its schemas (a bad one is a
 * 400 naming the path and reason), then the handler; its answer goes out with the table's status.
 */
export function createRouteRegistrar(ctx: AppContext, authenticate: Authenticator): RegisterRoute {
  const admit = async (access: Access, request: FastifyRequest): Promise<Principal | null> => {
    switch (access) {
      case 'public':
      case 'webhook':
        return null;
      case 'person':
      case 'supervisor':
        return authenticate(request);
      case 'admin': {
        const principal = await authenticate(request);
        requireAdmin(principal);
        return principal;
      }
      case 'ingest': {
        const principal = await authenticate(request, { allowIngestToken: true });
        if (principal.role !== 'admin' && principal.tokenKind !== 'ingest')
          throw forbidden('Only admins and ingest tokens may send helpdesk events.');
        return principal;
      }
      case 'metrics': {
        // A scraper sends the SIDEKICK_METRICS_TOKEN, so it never needs an admin token.
        const bearer = bearerFrom(request.headers.authorization);
        const hash = ctx.config.metricsTokenHash;
        if (hash !== null && bearer !== null && hashToken(bearer) === hash) return null;
        const principal = await authenticate(request);
        requireAdmin(principal);
        return principal;
      }
    }
  };

  return (app, name, handler, options = {}) => {
    const spec: RouteSpec = apiRoutes[name];
    app.route({
      method: spec.method,
      url: spec.path,
      ...options,
      handler: async (request, reply) => {
        const principal = await admit(spec.access, request);
        // A person's own actions are limited per person (across instances): a flood of ideas or kudos from
        // one account cannot push everyone else's out of their teammates' views.
        if (principal && spec.method !== 'GET' && (spec.access === 'person' || spec.access === 'supervisor'))
          await countOrRefuse(ctx, 'action', principal.personId, ctx.config.actionsPerMinute);
        const requiredKey = spec.idempotencyKey === 'required' ? idempotencyKey(request) : null;
        const params = spec.params ? parseOr400(spec.params, request.params, 'path') : {};
        const query = spec.query ? parseOr400(spec.query, request.query, 'query') : undefined;
        const body = spec.body
          ? parseOr400(spec.body, request.body)
          : spec.rawBody
            ? request.body
            : undefined;
        const key =
          spec.idempotencyKey === 'optional' && request.headers['idempotency-key']
            ? idempotencyKey(request)
            : requiredKey;
        const call = { principal, params, query, body, idempotencyKey: key, request, reply };
        const result = await handler(call as unknown as RouteCall<typeof name>);
        if (result === reply) return reply;
        if (spec.noStore) reply.header('cache-control', 'no-store');
        if (spec.replyType && !reply.hasHeader('content-type'))
          reply.type(`${spec.replyType}; charset=utf-8`);
        reply.code(spec.status);
        return spec.reply === null ? reply.send() : reply.send(result);
      },
    });
  };
}
