import { describe, expect, it } from 'vitest';
import { createClientStorage } from '../../../shared/sync';
import { MemoryStorage } from '../../../bench/lib/node-sync-deps';
import { agentSnapshot } from './fixtures';

const messages: string[] = [];
const log = (_level: string, message: string) => void messages.push(message);

describe('client storage', () => {
  it('drops only the unreadable outbox item and keeps the rest', async () => {
    const storage = new MemoryStorage();
    const good = {
      key: 'k-1',
      action: { kind: 'thankKudos', body: { kudosId: 'k-9' } },
      enqueuedAt: 1,
      attempts: 0,
    };
    await storage.set('sidekick.sync.outbox', [
      good,
      { key: 'k-2', action: { kind: 'launchRockets', body: {} }, enqueuedAt: 2, attempts: 0 },
    ]);
    const items = await createClientStorage(storage, 'sidekick.', log).loadOutbox();
    expect(items).toEqual([good]);
    expect(messages.some((m) => m.startsWith('dropping an unreadable outbox item'))).toBe(true);
  });

  it('ignores a cache written by another version or for another server', async () => {
    const storage = new MemoryStorage();
    const store = createClientStorage(storage, 'sidekick.', log);
    await store.saveCache({
      version: 1,
      serverUrl: 'https://a.example',
      snapshot: agentSnapshot(3),
      lastContactAt: 10,
    });
    expect((await store.loadCache('https://a.example'))?.snapshot.cursor).toBe(3);
    expect(await store.loadCache('https://b.example')).toBeNull();
    await storage.set('sidekick.sync.cache', { version: 0, snapshot: 'old' });
    expect(await store.loadCache('https://a.example')).toBeNull();
  });

  it('wipe removes both keys after pending writes land', async () => {
    const storage = new MemoryStorage();
    const store = createClientStorage(storage, 'sidekick.', log);
    void store.saveOutbox([]);
    await store.wipe();
    expect(storage.data.size).toBe(0);
  });
});
