import WebSocket from 'ws';
import { LiveMessage, type FeedEntry } from '../../../../shared/api/feed';

/** A test client for /api/live that records every message (parsed with the contract's schema). */
export class LiveClient {
  readonly messages: LiveMessage[] = [];
  private waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number }>;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(LiveMessage.parse(JSON.parse(data.toString())));
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve({ code })));
  }

  static async open(
    url: string,
    auth: { token: string; after: number; batch?: boolean } | { header: string; after: number },
  ): Promise<LiveClient> {
    const ws =
      'header' in auth
        ? new WebSocket(`${url.replace('http', 'ws')}/api/live?after=${auth.after}`, {
            headers: { authorization: `Bearer ${auth.header}` },
          })
        : new WebSocket(`${url.replace('http', 'ws')}/api/live`);
    const client = new LiveClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    if ('token' in auth)
      ws.send(
        JSON.stringify({
          kind: 'auth',
          token: auth.token,
          after: auth.after,
          ...(auth.batch ? { batch: true } : {}),
        }),
      );
    return client;
  }

  entries(): FeedEntry[] {
    return this.messages.flatMap((m) =>
      m.kind === 'entry' ? [m.entry] : m.kind === 'entries' ? m.entries : [],
    );
  }

  /** Resolves when `predicate` holds on the messages received so far, or rejects after `ms`. */
  async waitFor(predicate: (c: LiveClient) => boolean, ms = 1000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate(this)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `live: condition not met within ${ms} ms; got ${JSON.stringify(this.messages.map((m) => m.kind))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
