import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  ACTION_PATHS,
  AcceptOfferBody,
  MarkKudosReadBody,
  ReplyCoachingBody,
  SendKudosBody,
  SubmitIdeaBody,
  ThankKudosBody,
  TickTaskBody,
  UpdateProfileBody,
  type ActionAck,
  type OutboxActionKind,
} from '../../../shared/api/actions';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { acceptOffer, replyCoaching, submitIdea, tickTask, updateProfile } from '../actions/agent-actions';
import { markKudosRead, sendKudos, thankKudos } from '../actions/kudos-actions';
import { HttpError, parseOr400 } from './http-errors';
import type { Authenticator } from './authenticate';

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

type Handler<S extends z.ZodType> = (
  ctx: AppContext,
  principal: Principal,
  body: z.infer<S>,
  key: string,
) => Promise<ActionAck>;

/** The agent's own actions (ACTION_PATHS), each idempotent by its Idempotency-Key. */
export function registerActionRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  authenticate: Authenticator,
): void {
  const route = <S extends z.ZodType>(kind: OutboxActionKind, schema: S, handler: Handler<S>) => {
    app.post(ACTION_PATHS[kind], async (request) => {
      const principal = await authenticate(request);
      const key = idempotencyKey(request);
      return handler(ctx, principal, parseOr400(schema, request.body), key);
    });
  };
  route('sendKudos', SendKudosBody, sendKudos);
  route('thankKudos', ThankKudosBody, thankKudos);
  route('markKudosRead', MarkKudosReadBody, markKudosRead);
  route('acceptOffer', AcceptOfferBody, acceptOffer);
  route('updateProfile', UpdateProfileBody, updateProfile);
  route('tickTask', TickTaskBody, tickTask);
  route('replyCoaching', ReplyCoachingBody, replyCoaching);
  route('submitIdea', SubmitIdeaBody, submitIdea);
}
