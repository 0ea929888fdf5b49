import { OutboxAction } from '../api/actions';
import type { ClientStorage, OutboxItem } from './client-storage';
import type { RetryTimer } from './backoff';
import type { Logger } from './ports';
import { SyncRequestError, type ServerApi } from './server-api';

/**
 * The persisted queue of the person's own actions. An item is written to storage before `add` resolves,
 * keeps its idempotency key for life, and leaves the queue only once the server acknowledged it (a replay
 * of an already-applied key is acknowledged with duplicate: true). So a retry, a lost response or an app
 * restart never sends the same kudos twice, and nothing the person did is lost while offline.
 */
export interface Outbox {
  load(): Promise<void>;
  add(action: OutboxAction): Promise<OutboxItem>;
  /** Sends queued items in order; on a retryable failure schedules the next attempt with backoff. */
  flush(): Promise<void>;
  has(key: string): boolean;
  readonly size: number;
  stop(): void;
}

export interface OutboxOptions {
  storage: ClientStorage;
  retry: RetryTimer;
  newKey: () => string;
  now: () => number;
  log: Logger;
  api: () => ServerApi;
  onChange: (size: number) => void;
  /** The server refused an item for good (bad input, not allowed): it is dropped and the person told why. */
  onRejected: (item: OutboxItem, error: SyncRequestError) => void;
  /** The token was refused: stop until the person signs in again. */
  onUnauthorized: (error: SyncRequestError) => void;
}

export function createOutbox(options: OutboxOptions): Outbox {
  let items: OutboxItem[] = [];
  let flushing: Promise<void> | null = null;
  let stopped = false;

  const persist = async () => {
    await options.storage.saveOutbox(items);
    options.onChange(items.length);
  };

  async function sendAll(): Promise<void> {
    while (!stopped) {
      const item = items[0];
      if (!item) {
        options.retry.reset();
        return;
      }
      try {
        item.attempts += 1;
        await options.api().postAction(item.action, item.key);
        items = items.filter((i) => i.key !== item.key);
        await persist();
        options.retry.reset();
      } catch (error) {
        const failure =
          error instanceof SyncRequestError ? error : new SyncRequestError(String(error), 0, 'unknown');
        if (failure.unauthorized) return options.onUnauthorized(failure);
        if (failure.retryable) {
          const ms = options.retry.schedule(() => void flush());
          options.log(
            'info',
            `outbox: ${item.action.kind} not delivered (${failure.message}); retrying in ${ms} ms`,
          );
          await persist();
          return;
        }
        options.log('warn', `outbox: the server refused ${item.action.kind}: ${failure.message}`);
        items = items.filter((i) => i.key !== item.key);
        await persist();
        options.onRejected(item, failure);
      }
    }
  }

  function flush(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (!flushing) {
      options.retry.cancel();
      flushing = sendAll().finally(() => {
        flushing = null;
      });
    }
    return flushing;
  }

  return {
    async load() {
      items = await options.storage.loadOutbox();
      options.onChange(items.length);
    },
    async add(action) {
      const item: OutboxItem = {
        key: options.newKey(),
        action: OutboxAction.parse(action),
        enqueuedAt: options.now(),
        attempts: 0,
      };
      items = [...items, item];
      await persist();
      return item;
    },
    flush,
    has: (key) => items.some((i) => i.key === key),
    get size() {
      return items.length;
    },
    stop() {
      stopped = true;
      options.retry.cancel();
    },
  };
}
