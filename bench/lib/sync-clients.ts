import { createSyncClient, type SyncClient, type KeyValueStorage } from '../../shared/sync';
import type { ClientState } from '../../shared/ipc/contract';
import { nodeSyncDeps, MemoryStorage } from './node-sync-deps';
import type { BackoffOptions, SyncDeps } from '../../shared/sync';

/** A shared/sync client in this process, as the desktop app runs it (snapshot, catch-up, live socket). */
export function nodeSyncClient(
  serverUrl: string,
  token: string,
  opts: { storage?: KeyValueStorage; deps?: Partial<SyncDeps>; backoff?: BackoffOptions } = {},
): SyncClient {
  return createSyncClient(nodeSyncDeps({ storage: opts.storage ?? new MemoryStorage(), ...opts.deps }), {
    serverUrl,
    token,
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
  });
}

/** Resolves when `predicate` holds for the client's state; rejects after `timeoutMs` with the last state. */
export function waitForState(
  client: SyncClient,
  predicate: (s: ClientState) => boolean,
  timeoutMs: number,
): Promise<ClientState> {
  return new Promise((resolve, reject) => {
    if (predicate(client.getState())) return resolve(client.getState());
    const timer = setTimeout(() => {
      stop();
      const s = client.getState();
      reject(
        new Error(
          `client state did not settle within ${timeoutMs} ms: ${s.connection}, cursor ${s.snapshot?.cursor ?? 'none'}, ${s.lastError ?? 'no error'}`,
        ),
      );
    }, timeoutMs);
    const stop = client.subscribe((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      stop();
      resolve(s);
    });
  });
}

export const isLiveAt =
  (cursor: number) =>
  (s: ClientState): boolean =>
    s.connection === 'online' && (s.snapshot?.cursor ?? -1) >= cursor;
