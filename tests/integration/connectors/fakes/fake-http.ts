import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The plumbing the fake helpdesks share: a server on 127.0.0.1 that checks the Authorization header, serves
 * queued faults first (a 429 with Retry-After, a 5xx, …), then the vendor's route. It logs every request so a
 * test can see the pages asked for, and can call a hook before answering (to kill the Sidekick server mid-sync).
 */
export interface Fault {
  /** Requests whose path starts with this are hit (the first matching fault is used once). */
  path: string;
  status: number;
  headers?: Record<string, string>;
}

export type Handler = (url: URL) => unknown;

export interface FakeHttp {
  url: string;
  requests: string[];
  /** Answer the next request under `path` with `status` (once). */
  fail(fault: Fault): void;
  /** Every request is refused with 401 until `accept` is called with the new authorization. */
  revoke(): void;
  accept(authorization: string): void;
  /** Called before each answer; may wait (e.g. while a test kills the server). */
  onRequest(hook: ((url: URL) => Promise<void> | void) | null): void;
  close(): Promise<void>;
}

export async function startFakeHttp(authorization: string, route: Handler): Promise<FakeHttp> {
  let expected: string | null = authorization;
  const faults: Fault[] = [];
  const requests: string[] = [];
  let hook: ((url: URL) => Promise<void> | void) | null = null;
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(`${url.pathname}${url.search}`);
      if (hook) await hook(url);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (expected === null || req.headers.authorization !== expected)
        return send(401, { error: 'Couldn’t authenticate you' });
      const i = faults.findIndex((f) => url.pathname.startsWith(f.path));
      if (i >= 0) {
        const [fault] = faults.splice(i, 1);
        if (fault) return send(fault.status, { error: `fault ${fault.status}` }, fault.headers);
      }
      const body = route(url);
      if (body === undefined) return send(404, { error: 'InvalidEndpoint' });
      return send(200, body);
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail: (fault) => faults.push(fault),
    revoke: () => (expected = null),
    accept: (auth) => (expected = auth),
    onRequest: (h) => (hook = h),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
