import { z } from 'zod';
import { Snapshot } from '../api/snapshot';
import { OutboxAction } from '../api/actions';
import type { KeyValueStorage, Logger } from './ports';

/**
 * What the sync client keeps across restarts, and the zod schemas it is read back through. Storage is a
 * boundary: a value that no longer parses is logged and ignored (the cache is refetched from the server),
 * while outbox items are parsed one by one so a single bad item never costs the others.
 */
export const CachedState = z.object({
  version: z.literal(1),
  serverUrl: z.string(),
  snapshot: Snapshot,
  /** Epoch ms of the last confirmed contact with the server, so "as of 10 min ago" survives a restart. */
  lastContactAt: z.number().nullable(),
});
export type CachedState = z.infer<typeof CachedState>;

export const OutboxItem = z.object({
  key: z.string().min(1).max(200),
  action: OutboxAction,
  enqueuedAt: z.number(),
  attempts: z.number().int().min(0),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const STORAGE_KEYS = { cache: 'sync.cache', outbox: 'sync.outbox' } as const;

export interface ClientStorage {
  loadCache(serverUrl: string): Promise<CachedState | null>;
  saveCache(state: CachedState): Promise<void>;
  loadOutbox(): Promise<OutboxItem[]>;
  saveOutbox(items: readonly OutboxItem[]): Promise<void>;
  wipe(): Promise<void>;
}

export function createClientStorage(storage: KeyValueStorage, prefix: string, log: Logger): ClientStorage {
  const key = (name: string) => `${prefix}${name}`;
  // Writes go out one after another, so a slow older write never lands after a newer one.
  let writes: Promise<void> = Promise.resolve();
  const write = (name: string, value: unknown) => {
    const next = writes.then(() => storage.set(key(name), value));
    writes = next.catch(() => undefined);
    return next;
  };
  return {
    async loadCache(serverUrl) {
      const raw = await storage.get(key(STORAGE_KEYS.cache));
      if (raw === undefined || raw === null) return null;
      const parsed = CachedState.safeParse(raw);
      if (!parsed.success) {
        log(
          'warn',
          `ignoring the cached state: it does not match this version (${parsed.error.issues[0]?.message ?? 'invalid'})`,
        );
        return null;
      }
      return parsed.data.serverUrl === serverUrl ? parsed.data : null;
    },
    saveCache: (state) => write(STORAGE_KEYS.cache, state),
    async loadOutbox() {
      const raw = await storage.get(key(STORAGE_KEYS.outbox));
      if (!Array.isArray(raw)) return [];
      const items: OutboxItem[] = [];
      for (const candidate of raw as unknown[]) {
        const parsed = OutboxItem.safeParse(candidate);
        if (parsed.success) items.push(parsed.data);
        else
          log('error', `dropping an unreadable outbox item: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      return items;
    },
    saveOutbox: (items) => write(STORAGE_KEYS.outbox, items),
    async wipe() {
      await writes;
      await storage.delete(key(STORAGE_KEYS.cache));
      await storage.delete(key(STORAGE_KEYS.outbox));
    },
  };
}
