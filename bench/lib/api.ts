import { type z } from 'zod';
import {
  CreatedToken,
  PersonRecord,
  TeamRecord,
  type CreatePersonBody,
  type CreateTeamBody,
} from '../../shared/api/admin';
import { IngestResult } from '../../shared/api/ingest';
import { ApiError } from '../../shared/api/actions';

/** A thin HTTP client for the sync server's API, parsing every answer with the shared schemas. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

export interface RawReply {
  status: number;
  body: unknown;
  text: string;
}

export async function request(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<RawReply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, text };
}

async function call<S extends z.ZodType>(
  schema: S,
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<z.output<S>> {
  const reply = await request(baseUrl, method, path, { token, body, ...(headers ? { headers } : {}) });
  if (reply.status >= 300) throw new HttpFailure(reply.status, reply.body, `${method} ${path}`);
  return schema.parse(reply.body);
}

export function adminApi(baseUrl: string, adminToken: string) {
  return {
    createTeam: (body: Partial<CreateTeamBody> & Pick<CreateTeamBody, 'name' | 'timezone'>) =>
      call(TeamRecord, baseUrl, 'POST', '/api/admin/teams', adminToken, body),
    createPerson: (body: Partial<CreatePersonBody> & Pick<CreatePersonBody, 'name' | 'role'>) =>
      call(PersonRecord, baseUrl, 'POST', '/api/admin/people', adminToken, body),
    createToken: (personId: string, kind: 'person' | 'ingest' = 'person') =>
      call(
        CreatedToken,
        baseUrl,
        'POST',
        `/api/admin/people/${encodeURIComponent(personId)}/tokens`,
        adminToken,
        { kind, label: 'bench' },
      ),
  };
}

export const ingest = (baseUrl: string, token: string, events: unknown[]) =>
  call(IngestResult, baseUrl, 'POST', '/api/ingest/events', token, { events });

export const postJson = <S extends z.ZodType>(
  schema: S,
  baseUrl: string,
  path: string,
  token: string,
  body: unknown,
  idempotencyKey?: string,
) =>
  call(
    schema,
    baseUrl,
    'POST',
    path,
    token,
    body,
    idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined,
  );

export const getJson = <S extends z.ZodType>(schema: S, baseUrl: string, path: string, token: string) =>
  call(schema, baseUrl, 'GET', path, token);

/** True when a reply is an ApiError body (a machine code and a sentence for people). */
export const isApiError = (body: unknown): boolean => {
  const parsed = ApiError.safeParse(body);
  return parsed.success && parsed.data.message.trim().length > 0;
};
