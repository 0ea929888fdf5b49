/**
 * GET requests to a helpdesk's API with the vendors' documented manners: a 429 is answered by waiting its
 * Retry-After (in line when short, else the sync stops and the next poll is put after it); a 5xx or a network
 * failure is retried with exponential backoff; a 401/403 means the credentials no longer work. Only URLs on the
 * connection's own origin are fetched, so a `next_page` link can never carry the credentials elsewhere.
 * Error messages name the vendor, the status and the path, never a header: the credential is not in them.
 */
export type VendorName = 'Zendesk' | 'Freshdesk';

export class VendorCredentialsRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
export class VendorUnavailable extends Error {}
export class VendorRateLimited extends Error {
  constructor(
    readonly retryAt: number,
    message: string,
  ) {
    super(message);
  }
}
export class VendorBadResponse extends Error {}

export interface VendorClientOptions {
  vendor: VendorName;
  baseUrl: string;
  authorization: string;
  /** The clock of the server (ms), for Retry-After dates and for when a long wait ends. */
  nowMs: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Longest Retry-After waited in line; longer ones end the sync until then. Default 60 s. */
  maxInlineWaitMs?: number;
  /** Tries for a 5xx / network failure before giving up. Default 4. */
  tries?: number;
  /** First backoff after a 5xx, doubled each try. Default 500 ms. */
  backoffMs?: number;
  timeoutMs?: number;
}

export interface VendorReply {
  json: unknown;
  headers: Headers;
}

export interface VendorClient {
  vendor: VendorName;
  get(pathOrUrl: string): Promise<VendorReply>;
  /** Requests sent, including retries (for tests and status). */
  requests(): number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; 60 s when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number {
  if (header === null) return 60_000;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? 60_000 : Math.max(0, at - nowMs);
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
  const sleep = options.sleep ?? realSleep;
  const maxInline = options.maxInlineWaitMs ?? 60_000;
  const tries = options.tries ?? 4;
  const backoff = options.backoffMs ?? 500;
  const origin = new URL(options.baseUrl).origin;
  let sent = 0;

  const urlOf = (pathOrUrl: string): URL => {
    const url = new URL(pathOrUrl, origin);
    if (url.origin !== origin)
      throw new VendorBadResponse(
        `${options.vendor} sent a next-page link to ${url.origin}, not ${origin}; not followed`,
      );
    return url;
  };

  return {
    vendor: options.vendor,
    requests: () => sent,
    async get(pathOrUrl) {
      const url = urlOf(pathOrUrl);
      const where = `${url.pathname}`;
      for (let attempt = 1; ; attempt++) {
        let res: Response;
        try {
          sent += 1;
          res = await fetch(url, {
            headers: { authorization: options.authorization, accept: 'application/json' },
            signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
          });
        } catch (error) {
          if (attempt >= tries)
            throw new VendorUnavailable(
              `${options.vendor} could not be reached at ${origin} (${(error as Error).message}) after ${tries} tries`,
            );
          await sleep(backoff * 2 ** (attempt - 1));
          continue;
        }
        if (res.status === 429) {
          const wait = retryAfterMs(res.headers.get('retry-after'), options.nowMs());
          await res.body?.cancel();
          if (wait > maxInline)
            throw new VendorRateLimited(
              options.nowMs() + wait,
              `${options.vendor} is rate limiting this account (429) and asked to wait ${Math.round(wait / 1000)} s`,
            );
          await sleep(wait);
          attempt = 0; // a rate limit is not a failure: the tries count starts again
          continue;
        }
        if (res.status === 401 || res.status === 403) {
          await res.body?.cancel();
          throw new VendorCredentialsRefused(
            res.status,
            `${options.vendor} refused the credentials (${res.status} on ${where}): the token may have expired, been revoked, or lack admin rights. Enter new credentials to resume.`,
          );
        }
        if (res.status >= 500) {
          await res.body?.cancel();
          if (attempt >= tries)
            throw new VendorUnavailable(
              `${options.vendor} answered ${res.status} on ${where} ${tries} times in a row`,
            );
          await sleep(backoff * 2 ** (attempt - 1));
          continue;
        }
        if (!res.ok) {
          await res.body?.cancel();
          throw new VendorBadResponse(`${options.vendor} answered ${res.status} on ${where}`);
        }
        try {
          return { json: await res.json(), headers: res.headers };
        } catch {
          throw new VendorBadResponse(`${options.vendor} answered ${where} with something that is not JSON`);
        }
      }
    },
  };
}
