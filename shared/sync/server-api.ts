import { z } from 'zod';
import type { Snapshot } from '../api/snapshot';
import { FEED_PAGE_MAX_BEFORE, FeedPage } from '../api/feed';
import { ApiError, type ActionAck, type OutboxAction } from '../api/actions';
import { actionRoute, apiRoutes } from '../api/routes';
import type { HttpFetch, HttpRequestInit } from './ports';

/** Why a request failed, in a form both people (message) and the retry logic (retryable) can use. */
export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError';
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached or answered something unreadable. */
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
  /** Worth trying again later: the network, a timeout, rate limiting or a server-side failure. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
  /** The token was refused: retrying will not help, the person has to sign in again. */
  get unauthorized(): boolean {
    return this.status === 401;
  }
}

export type Method = HttpRequestInit['method'];

/**
 * A feed page (`FeedPage`) with only its envelope checked: the cursor and `hasMore` are all the client needs to
 * ask for the next page, so it asks before it checks and folds this page's entries, and the next page is on its
 * way meanwhile. The entries are then checked one by one against the same `FeedEntry` schema the route table
 * names (`checkFeedEntries`), so nothing unchecked is folded or handed to a listener.
 */
export const FeedPageEnvelope = FeedPage.extend({ entries: z.array(z.unknown()) });
export type FeedPageEnvelope = z.infer<typeof FeedPageEnvelope>;

/** A body sent as it is, not as JSON: a history file for the import route. */
export class RawBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/**
 * The REST half of the sync protocol, with the bearer token and zod parsing in one place. Paths, methods and
 * reply schemas come from the route table (shared/api/routes.ts).
 */
export interface ServerApi {
  call<S extends z.ZodType>(
    method: Method,
    path: string,
    body: unknown,
    schema: S,
    idempotencyKey?: string,
  ): Promise<z.output<S>>;
  getSnapshot(): Promise<Snapshot>;
  /**
   * A feed page with its envelope checked; its entries are checked by `checkFeedEntries` (feed-page-check.ts).
   * `onText` sees the page's text as it arrives, before it is parsed (to ask for the next page sooner).
   */
  getFeed(after: number, limit: number, onText?: (text: string) => void): Promise<FeedPageEnvelope>;
  postAction(action: OutboxAction, idempotencyKey: string): Promise<ActionAck>;
  liveUrl(): string;
}

/** `https://host/base/` → `https://host/base`; the URL was validated as http(s) when the person signed in. */
export function normaliseServerUrl(serverUrl: string): string {
  return serverUrl.replace(/\/+$/, '');
}

const { snapshot, feed } = apiRoutes;

export function createServerApi(http: HttpFetch, serverUrl: string, token: string): ServerApi {
  const base = normaliseServerUrl(serverUrl);
  /** The largest feed page this server takes, as far as its answers told. */
  let pageCap = Infinity;
  async function call<S extends z.ZodType>(
    method: Method,
    path: string,
    body: unknown,
    schema: S,
    idempotencyKey?: string,
    onText?: (text: string) => void,
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body instanceof RawBody) headers['content-type'] = body.contentType;
    else if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const init: HttpRequestInit = { method, headers };
    if (body instanceof RawBody) init.body = body.text;
    else if (body !== undefined) init.body = JSON.stringify(body);
    let status: number;
    let text: string;
    try {
      const response = await http(`${base}${path}`, init);
      status = response.status;
      text = await response.text();
      if (!response.ok) throw errorFrom(status, text);
    } catch (error) {
      if (error instanceof SyncRequestError) throw error;
      throw new SyncRequestError(`Could not reach the server at ${base} (${describe(error)}).`, 0, 'network');
    }
    onText?.(text);
    const parsed = schema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new SyncRequestError(
        `The server's answer to ${method} ${path} was not understood: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        0,
        'bad_response',
      );
    }
    return parsed.data;
  }
  return {
    call,
    getSnapshot: () => call(snapshot.method, snapshot.path, undefined, snapshot.reply),
    getFeed: async (after, limit, onText) => {
      const page = (size: number) =>
        call(
          feed.method,
          `${feed.path}?after=${after}&limit=${size}`,
          undefined,
          FeedPageEnvelope,
          undefined,
          onText,
        );
      const size = Math.min(limit, pageCap);
      try {
        return await page(size);
      } catch (error) {
        // A server older than this client refuses pages above what it allowed (400): ask it for its own largest
        // from now on, so a desktop app updated ahead of its self-hosted server still catches up.
        if (!(error instanceof SyncRequestError) || error.status !== 400 || size <= FEED_PAGE_MAX_BEFORE)
          throw error;
        pageCap = FEED_PAGE_MAX_BEFORE;
        return page(pageCap);
      }
    },
    postAction: (action, key) => {
      const route = actionRoute(action.kind);
      return call(route.method, route.path, action.body, route.reply, key);
    },
    liveUrl: () => `${base.replace(/^http/, 'ws')}${apiRoutes.live.path}`,
  };
}

/** A failed reply as a SyncRequestError: the server's ApiError sentence when it sent one. */
export function errorFrom(status: number, text: string): SyncRequestError {
  const body = ApiError.safeParse(safeJson(text));
  if (body.success) return new SyncRequestError(body.data.message, status, body.data.error);
  if (status === 401)
    return new SyncRequestError(
      'The server did not accept this token; sign in again.',
      status,
      'unauthorized',
    );
  return new SyncRequestError(`The server answered ${status}.`, status, `http_${status}`);
}

export function safeJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
