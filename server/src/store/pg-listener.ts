import pg from 'pg';

export interface PgListenerOptions {
  /** Connection string of the database (store.sessionUrl). */
  url: string;
  channel: string;
  /** Shown in pg_stat_activity, so an operator (and the outage test) can find this connection. */
  applicationName: string;
  onNotification(payload: string): void;
  /**
   * Called each time LISTEN is (re)established after the first: notifications sent while the connection was
   * down are lost, so whoever listens must compare what it has with the store.
   */
  onReconnected(): void;
  onError?(error: unknown): void;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2_000;

/**
 * One dedicated PostgreSQL session that LISTENs on a channel (a pooled connection cannot: LISTEN belongs to a
 * session). When the connection is lost — a terminated backend, a restart, a network cut — it reconnects by
 * itself with a capped backoff and tells its owner, who re-checks what it may have missed.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private connectedOnce = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private firstConnect: Promise<void> | null = null;

  constructor(private readonly options: PgListenerOptions) {}

  /** Connects and LISTENs; resolves once listening (the first attempt's failure rejects, later ones retry). */
  start(): Promise<void> {
    return (this.firstConnect ??= this.connect());
  }

  /** Whether LISTEN is in place right now (readiness). */
  isListening(): boolean {
    return this.listening;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listening = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: this.options.applicationName,
      keepAlive: true,
    });
    // Without these listeners a lost connection is an uncaught 'error' that ends the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel === this.options.channel && message.payload !== undefined)
        this.options.onNotification(message.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.options.channel)}`);
    } catch (error) {
      this.lost(client, error);
      throw error;
    }
    if (this.closed || this.client !== client) return;
    this.listening = true;
    this.retryMs = RETRY_MIN_MS;
    if (this.connectedOnce) this.options.onReconnected();
    this.connectedOnce = true;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    if (error) this.options.onError?.(error);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    // After any loss the next successful LISTEN is a reconnect, even when the very first attempt failed.
    this.connectedOnce = true;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.connect().catch(() => undefined);
    }, wait);
    this.retryTimer.unref();
  }
}
