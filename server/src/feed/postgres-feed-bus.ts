import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FeedEntry } from '../../../shared/api/feed';
import type { Store } from '../store/database';
import type { Database } from '../store/schema';
import { PgListener } from '../store/pg-listener';
import { notifyInTransaction, notifyNow } from '../store/repos/notify-repo';
import { LocalFeedBus, type FeedBus, type FeedListener } from './feed-bus';
import { encodeNotices } from './feed-notice';
import {
  decodeSessionEnd,
  encodeSessionEnd,
  type LiveSessionEnd,
  type SessionEndListener,
} from './session-end';
import { RemoteFanout } from './remote-fanout';

/** The NOTIFY channel of one store: one per schema, since channels are per database and tests share one. */
export function feedChannel(schema: string | undefined): string {
  const name = `sidekick_feed.${schema ?? 'public'}`;
  // A channel is an identifier (at most 63 bytes); a long schema name is hashed instead.
  return name.length <= 63
    ? name
    : `sidekick_feed.${createHash('sha256')
        .update(schema ?? '')
        .digest('hex')
        .slice(0, 40)}`;
}

/**
 * The cross-instance bus of a PostgreSQL deployment, on LISTEN/NOTIFY (no infrastructure beyond the database).
 * Each writing transaction queues its notices with pg_notify inside the transaction, so they go out exactly
 * when it commits (and never for a rollback, nor lost to a crash between commit and notify). This instance's
 * own sockets get the committed entries directly; a dedicated LISTEN connection hears the other instances.
 */
export class PostgresFeedBus implements FeedBus {
  readonly kind = 'postgres' as const;
  private readonly local = new LocalFeedBus();
  private readonly instanceId = randomBytes(6).toString('base64url');
  private readonly channel: string;
  private readonly fanout: RemoteFanout;
  private readonly listener: PgListener;
  private started = false;

  constructor(
    private readonly store: Store,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {
    if (!store.sessionUrl) throw new Error('the PostgreSQL feed bus needs a PostgreSQL store');
    this.channel = feedChannel(store.schema);
    this.fanout = new RemoteFanout(store, this.local, this.instanceId, (e) =>
      this.log(`feed bus: could not read notified entries, re-checking: ${String(e)}`),
    );
    this.listener = new PgListener({
      url: store.sessionUrl,
      channel: this.channel,
      applicationName: `sidekick-listen ${store.schema ?? 'public'}`.slice(0, 63),
      onNotification: (payload) => this.receive(payload),
      onReconnected: () => {
        this.log(
          'feed bus: LISTEN connection re-established; every live session re-checks its cursor and token',
        );
        this.fanout.resync();
        this.local.recheckSessions();
      },
      onError: (e) => this.log(`feed bus: LISTEN connection lost (${String(e)}); reconnecting`),
    });
  }

  async beforeCommit(trx: Kysely<Database>, entries: readonly FeedEntry[]): Promise<void> {
    await notifyInTransaction(trx, this.channel, encodeNotices(this.instanceId, entries));
  }

  publish(entries: readonly FeedEntry[]): void {
    this.local.publish(entries);
  }

  subscribe(personId: string, listener: FeedListener): () => void {
    return this.local.subscribe(personId, listener);
  }

  listenerCount(): number {
    return this.local.listenerCount();
  }

  /** This instance's sessions end at once; the others' when they hear the NOTIFY (it commits on its own). */
  async endSessions(end: LiveSessionEnd): Promise<void> {
    await this.local.endSessions(end);
    await notifyNow(this.store.db, this.channel, encodeSessionEnd(this.instanceId, end));
  }

  onSessionEnd(listener: SessionEndListener): () => void {
    return this.local.onSessionEnd(listener);
  }

  async start(): Promise<void> {
    this.started = true;
    await this.listener.start();
  }

  problem(): string | null {
    if (!this.started) return null;
    return this.listener.isListening() ? null : 'the feed bus is not listening to PostgreSQL (reconnecting)';
  }

  /** Resolves when every notice received so far has been delivered (tests). */
  idle(): Promise<void> {
    return this.fanout.idle();
  }

  /** One channel carries both kinds of message: session ends (rare, small) and feed notices. */
  private receive(payload: string): void {
    const ended = decodeSessionEnd(payload);
    if (!ended) return this.fanout.receive(payload);
    if (ended.from !== this.instanceId) void this.local.endSessions(ended.end);
  }

  async close(): Promise<void> {
    this.fanout.close();
    await this.listener.close();
  }
}
