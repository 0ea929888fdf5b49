import pg from 'pg';

/**
 * A PostgreSQL session-level advisory lock held on a dedicated connection (not the pool: the lock belongs to
 * the session that took it). While this process lives and its connection stands, no other process gets the
 * lock; when the process dies or the connection is cut, PostgreSQL releases it and the next `tryHold` anywhere
 * takes it over.
 */
export class SessionLock {
  private client: pg.Client | null = null;
  private held = false;
  private closed = false;

  constructor(
    private readonly url: string,
    /** Names the lock; hashed to PostgreSQL's advisory-lock key space. */
    private readonly name: string,
    private readonly applicationName: string,
  ) {}

  /** True when this process holds the lock (taking it if it is free). Never throws: a failure is "not held". */
  async tryHold(): Promise<boolean> {
    if (this.closed) return false;
    if (this.held && this.client) return true;
    try {
      const client = this.client ?? (await this.open());
      const result = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
        this.name,
      ]);
      this.held = result.rows[0]?.ok === true;
    } catch {
      this.drop();
    }
    return this.held;
  }

  isHeld(): boolean {
    return this.held;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: this.applicationName,
      keepAlive: true,
    });
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    this.client = client;
    await client.connect();
    return client;
  }

  /** The session is gone, and with it the lock. */
  private drop(client: pg.Client | null = this.client): void {
    if (client !== this.client) return;
    this.client = null;
    this.held = false;
    void client?.end().catch(() => undefined);
  }
}
