import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/actions';
import { apiRoutes, type RouteSpec } from '../../../shared/api/routes';

const byRoute = new Map<string, RouteSpec>(Object.values(apiRoutes).map((r) => [`${r.method} ${r.path}`, r]));

/**
 * What is wrong with a reply against the route table, or null when it is what the table promises: the route's
 * reply schema for its success status, its own schema for the other statuses it names, an ApiError otherwise.
 * Streamed bodies (static files) are not read.
 */
export function replyProblem(
  method: string,
  url: string | undefined,
  status: number,
  contentType: string | undefined,
  payload: unknown,
): string | null {
  if (method === 'HEAD' || status === 101 || status === 304) return null;
  const spec = url === undefined ? undefined : byRoute.get(`${method} ${url}`);
  const schema: z.ZodType | null =
    spec && status === spec.status ? spec.reply : (spec?.otherReplies?.[status] ?? ApiError);
  const where = `${method} ${url ?? '(no route)'} → ${status}`;
  const text =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (schema === null)
    return text ? `${where}: the route table promises no body, got ${text.length} bytes` : null;
  if (text === null) return payload === null || payload === undefined ? `${where}: no body` : null;
  let value: unknown = text;
  if (contentType?.includes('json')) {
    try {
      value = JSON.parse(text);
    } catch {
      return `${where}: the body is not JSON`;
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${where}: the reply does not match shared/api/routes.ts at ${issue?.path.join('.') || '(body)'}: ${issue?.message}`;
}

/**
 * Checks every reply against the route table (SIDEKICK_VALIDATE_REPLIES, on in the integration suite). A reply
 * that breaks the contract becomes a 500 and is named on stderr, so the test that caused it fails.
 */
export function registerReplyChecks(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const contentType = reply.getHeader('content-type');
    const problem = replyProblem(
      request.method,
      request.routeOptions.url,
      reply.statusCode,
      typeof contentType === 'string' ? contentType : undefined,
      payload,
    );
    if (problem === null) return payload;
    console.error(`reply check: ${problem}`);
    throw new Error(problem);
  });
}
