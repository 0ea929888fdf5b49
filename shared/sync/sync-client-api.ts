import type { z } from 'zod';
import type { Snapshot } from '../api/snapshot';
import type { FeedEntry } from '../api/feed';
import type { OutboxAction } from '../api/actions';
import type { ClientState, Receipt, Unsubscribe } from '../ipc/contract';
import type { BackoffOptions } from './backoff';
import type { Method } from './server-api';

/** What a sync client is configured with and what it offers; the implementation is sync-client.ts. */
export interface SyncConfig {
  serverUrl: string;
  token: string;
  /** A live socket silent for this long is dead. The server beats every 15 s by default. */
  heartbeatTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Entries per catch-up page (default and most: FEED_PAGE_MAX). */
  feedPageSize?: number;
  /** Prefix of every storage key, so several clients can share one store. */
  storagePrefix?: string;
}

export interface SyncClient {
  /** Loads the cached state and outbox, then connects in the background. */
  start(): Promise<void>;
  /** Fetches a fresh snapshot now; rejects with a SyncRequestError a person can read (used by sign-in). */
  verify(): Promise<Snapshot>;
  getState(): ClientState;
  subscribe(listener: (state: ClientState) => void): Unsubscribe;
  /** Each feed entry newly folded into the state (catch-up or live), once: for pop-ups and celebrations. */
  onEntry(listener: (entry: FeedEntry) => void): Unsubscribe;
  /** Persists the action in the outbox, then tries to deliver it; `queued` is false once the server has it. */
  enqueue(action: OutboxAction): Promise<Receipt>;
  /** An online-only call (supervisor views and actions), parsed with `schema`. */
  request<S extends z.ZodType>(method: Method, path: string, body: unknown, schema: S): Promise<z.output<S>>;
  /** Drops the live socket and catches up from the cursor now (resume from sleep, "refresh"). */
  resync(): Promise<void>;
  stop(): void;
  /** Stops and deletes everything this client stored (sign-out). */
  wipe(): Promise<void>;
}
