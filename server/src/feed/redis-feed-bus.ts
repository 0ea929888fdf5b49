import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FeedEntry } from '../../../shared/api/feed';
import type { Store } from '../store/database';
import { LocalFeedBus, type FeedBus, type FeedListener } from './feed-bus';
import { encodeNotices } from './feed-notice';
import { RemoteFanout } from './remote-fanout';
import {
  decodeSessionEnd,
  encodeSessionEnd,
  type LiveSessionEnd,
  type SessionEndListener,
} from './session-end';

/** The pub/sub channel of one store: instances on the same database and schema share it, no one else. */
export function redisFeedChannel(store: Store): string {
  const database = store.sessionUrl ? new URL(store.sessionUrl).pathname.replace(/^\//, '') : '';
  return `sidekick_feed:${database}:${store.schema ?? 'public'}`;
}

const RETRY_MAX_MS = 2_000;
/** A publish that Redis did not answer within this fails (the caller logs it, or the revoke route reports it). */
const PUBLISH_TIMEOUT_MS = 2_000;

/**
 * The cross-instance bus on Redis pub/sub (SIDEKICK_FEED_BUS=redis), for a deployment that has Redis anyway or
 * wants the notices off PostgreSQL. The same notices as the PostgreSQL bus travel (people and seqs, read back
 * from the store), with one difference: Redis cannot publish inside a PostgreSQL transaction, so the notice goes
 * out right after the commit. If the instance dies in between, the other instances miss that notice; their
 * sessions find the entries at the person's next entry (a gap is read from the store) or at reconnect.
 * A subscriber that lost Redis resubscribes by itself, then every session re-checks its cursor and token.
 */
export class RedisFeedBus implements FeedBus {
  readonly kind = 'redis' as const;
  private readonly local = new LocalFeedBus();
  private readonly instanceId = randomBytes(6).toString('base64url');
  private readonly channel: string;
  private readonly fanout: RemoteFanout;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private listening = false;
  private subscribedOnce = false;
  private started = false;
  private closed = false;

  constructor(
    store: Store,
    url: string,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {
    if (!store.sessionUrl) throw new Error('the Redis feed bus needs a PostgreSQL store');
    this.channel = redisFeedChannel(store);
    this.fanout = new RemoteFanout(store, this.local, this.instanceId, (e) =>
      this.log(`feed bus: could not read notified entries, re-checking: ${String(e)}`),
    );
    const options = {
      lazyConnect: true,
      // Shown by CLIENT LIST, so an operator (and the test) can find these connections; no spaces allowed.
      connectionName: `sidekick-feed:${store.schema ?? 'public'}`,
      retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 5), RETRY_MAX_MS),
    };
    // With Redis down, a publish fails at once instead of waiting in the offline queue through ~20 retries
    // (~35 s): a revoke request answers promptly, and the periodic revoked-token sweep ends the sockets instead.
    this.publisher = new Redis(url, {
      ...options,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: PUBLISH_TIMEOUT_MS,
    });
    // Resubscribing is ours (below), so that the re-check runs only once the subscription is in place.
    this.subscriber = new Redis(url, { ...options, autoResubscribe: false });
    this.publisher.on('error', () => undefined); // reported through the subscriber and failed publishes
    this.subscriber.on('error', (e: unknown) => {
      if (this.listening) this.log(`feed bus: Redis connection lost (${String(e)}); reconnecting`);
    });
    this.subscriber.on('close', () => (this.listening = false));
    this.subscriber.on('ready', () => {
      if (this.subscribedOnce) void this.resubscribe();
    });
    this.subscriber.on('message', (channel: string, payload: string) => {
      if (channel === this.channel) this.receive(payload);
    });
  }

  publish(entries: readonly FeedEntry[]): void {
    this.local.publish(entries);
    if (entries.length === 0) return;
    void this.send(encodeNotices(this.instanceId, entries)).catch((e: unknown) =>
      this.log(`feed bus: could not publish to Redis; other instances see these entries later: ${String(e)}`),
    );
  }

  subscribe(personId: string, listener: FeedListener): () => void {
    return this.local.subscribe(personId, listener);
  }

  listenerCount(): number {
    return this.local.listenerCount();
  }

  async endSessions(end: LiveSessionEnd): Promise<void> {
    await this.local.endSessions(end);
    await this.send([encodeSessionEnd(this.instanceId, end)]);
  }

  onSessionEnd(listener: SessionEndListener): () => void {
    return this.local.onSessionEnd(listener);
  }

  async start(): Promise<void> {
    this.started = true;
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(this.channel);
    this.listening = true;
    this.subscribedOnce = true;
  }

  problem(): string | null {
    if (!this.started) return null;
    return this.listening ? null : 'the feed bus is not subscribed to Redis (reconnecting)';
  }

  /** Resolves when every notice received so far has been delivered (tests). */
  idle(): Promise<void> {
    return this.fanout.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.fanout.close();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private async send(payloads: string[]): Promise<void> {
    for (const payload of payloads) await this.publisher.publish(this.channel, payload);
  }

  private async resubscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (e) {
      // The connection dropped again; its next 'ready' tries again.
      return this.log(`feed bus: could not resubscribe to Redis: ${String(e)}`);
    }
    if (this.closed) return;
    this.listening = true;
    this.log(
      'feed bus: Redis subscription re-established; every live session re-checks its cursor and token',
    );
    this.fanout.resync();
    this.local.recheckSessions();
  }

  /** Session ends and feed notices share the channel, as on the PostgreSQL bus. */
  private receive(payload: string): void {
    const ended = decodeSessionEnd(payload);
    if (!ended) return this.fanout.receive(payload);
    if (ended.from !== this.instanceId) void this.local.endSessions(ended.end);
  }
}
