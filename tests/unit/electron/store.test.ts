import { describe, expect, it } from 'vitest';
import { migrateStore, STORE_SCHEMA_VERSION, EMPTY_STORE } from '../../../electron/main/store/store-schema';
import { openAppStore, type RawStore } from '../../../electron/main/store/app-store';
import { createSessionStore, type SafeStorageLike } from '../../../electron/main/store/session-store';
import { DEFAULT_SETTINGS } from '../../../shared/ipc';

class MemoryRawStore implements RawStore {
  constructor(public store: Record<string, unknown> = {}) {}
  set(key: string, value: unknown) {
    this.store = { ...this.store, [key]: JSON.parse(JSON.stringify(value)) };
  }
}

/** Electron's async safeStorage, faked: a reversible "cipher", a backend name, and an optional key rotation. */
const fakeSafeStorage = (
  available = true,
  options: { backend?: string; rotated?: boolean } = {},
): SafeStorageLike & { encrypted: string[] } => {
  const encrypted: string[] = [];
  return {
    encrypted,
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (plain) => {
      encrypted.push(plain);
      return Buffer.from(`enc:${[...plain].reverse().join('')}`);
    },
    decryptStringAsync: async (buf) => {
      const s = buf.toString();
      if (!s.startsWith('enc:')) throw new Error('bad ciphertext');
      return { result: [...s.slice(4)].reverse().join(''), shouldReEncrypt: options.rotated ?? false };
    },
  };
};
const log = () => undefined;

describe('store schema and migrations', () => {
  it('an empty file becomes the current schema with defaults', () => {
    expect(migrateStore(undefined)).toEqual({ data: EMPTY_STORE, from: 0, repaired: [] });
  });

  it('moves an unversioned flat file under `settings`, keeping what it said', () => {
    const { data, from } = migrateStore({
      focusMode: true,
      maxPopupsPerHour: 3,
      quietHours: { enabled: true, start: '19:00', end: '07:30' },
      startAtLogin: true,
    });
    expect(from).toBe(0);
    expect(data.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(data.settings).toEqual({
      ...DEFAULT_SETTINGS,
      focusMode: true,
      maxPopupsPerHour: 3,
      quietHours: { enabled: true, start: '19:00', end: '07:30' },
      startAtLogin: true,
    });
  });

  it('version 1 gains the opt-out switches, off, without touching the rest', () => {
    const session = {
      serverUrl: 'https://sidekick.example.com',
      encryptedToken: Buffer.from('x').toString('base64'),
    };
    const { data } = migrateStore({
      schemaVersion: 1,
      settings: { ...DEFAULT_SETTINGS, optOut: { streaks: true } },
      session,
      sync: { 'sidekick.sync.outbox': [] },
    });
    expect(data.settings.optOut).toEqual({ ...DEFAULT_SETTINGS.optOut, streaks: true });
    expect(data.session).toEqual(session);
    expect(data.sync).toEqual({ 'sidekick.sync.outbox': [] });
  });

  it('resets only the damaged part and keeps the outbox', () => {
    const report = migrateStore({
      schemaVersion: 2,
      settings: { maxPopupsPerHour: 'lots' },
      session: { serverUrl: 'ftp://x' },
      sync: { 'sidekick.sync.outbox': [{ key: 'k' }] },
    });
    expect(report.repaired).toEqual(['settings', 'session']);
    expect(report.data.settings).toEqual(DEFAULT_SETTINGS);
    expect(report.data.session).toBeNull();
    expect(report.data.sync).toEqual({ 'sidekick.sync.outbox': [{ key: 'k' }] });
  });

  it('opening the store writes the migrated file back, and sync storage round-trips', async () => {
    const raw = new MemoryRawStore({ focusMode: true });
    const store = openAppStore(raw, log);
    expect(raw.store.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(store.getSettings().focusMode).toBe(true);
    await store.syncStorage.set('a', { n: 1 });
    expect(await openAppStore(raw, log).syncStorage.get('a')).toEqual({ n: 1 });
    await store.syncStorage.delete('a');
    expect(raw.store.sync).toEqual({});
  });
});

describe('session store', () => {
  const session = { serverUrl: 'https://sidekick.example.com', token: 'sk_secret_token_0123456789' };

  it('keeps the token only encrypted on disk and reads it back', async () => {
    const raw = new MemoryRawStore();
    const safe = fakeSafeStorage();
    const sessions = createSessionStore(openAppStore(raw, log), safe, log);
    await sessions.save(session);
    expect(JSON.stringify(raw.store)).not.toContain(session.token);
    expect(await createSessionStore(openAppStore(raw, log), safe, log).load()).toEqual(session);
  });

  it('without OS encryption the token stays in memory only', async () => {
    const raw = new MemoryRawStore();
    const sessions = createSessionStore(openAppStore(raw, log), fakeSafeStorage(false), log);
    await sessions.save(session);
    expect(await sessions.load()).toEqual(session);
    expect(raw.store.session).toBeNull();
    expect(await createSessionStore(openAppStore(raw, log), fakeSafeStorage(false), log).load()).toBeNull();
  });

  it('a token that no longer decrypts is forgotten, and clear() signs out', async () => {
    const raw = new MemoryRawStore({
      schemaVersion: 2,
      settings: DEFAULT_SETTINGS,
      sync: {},
      session: {
        serverUrl: 'https://sidekick.example.com',
        encryptedToken: Buffer.from('garbage').toString('base64'),
      },
    });
    const sessions = createSessionStore(openAppStore(raw, log), fakeSafeStorage(), log);
    expect(await sessions.load()).toBeNull();
    expect(raw.store.session).toBeNull();
    await sessions.save(session);
    await sessions.clear();
    expect(await sessions.load()).toBeNull();
  });

  it("Linux's basic_text backend counts as no encryption: memory only, nothing on disk", async () => {
    for (const backend of ['basic_text', 'unknown']) {
      const raw = new MemoryRawStore();
      const safe = fakeSafeStorage(true, { backend });
      const sessions = createSessionStore(openAppStore(raw, log), safe, log, 'linux');
      await sessions.save(session);
      expect(await sessions.load()).toEqual(session);
      expect(raw.store.session).toBeNull();
      expect(safe.encrypted).toEqual([]);
    }
    // On macOS and Windows there is no such backend to ask about.
    const raw = new MemoryRawStore();
    await createSessionStore(
      openAppStore(raw, log),
      fakeSafeStorage(true, { backend: 'basic_text' }),
      log,
      'darwin',
    ).save(session);
    expect(raw.store.session).not.toBeNull();
  });

  it('re-encrypts a token whose key the OS rotated', async () => {
    const raw = new MemoryRawStore();
    await createSessionStore(openAppStore(raw, log), fakeSafeStorage(), log).save(session);
    const safe = fakeSafeStorage(true, { rotated: true });
    expect(await createSessionStore(openAppStore(raw, log), safe, log).load()).toEqual(session);
    expect(safe.encrypted).toEqual([session.token]);
  });

  it('drops a saved session for a plain http:// server that is not this computer', async () => {
    const raw = new MemoryRawStore();
    const store = openAppStore(raw, log);
    await createSessionStore(store, fakeSafeStorage(), log).save(session);
    store.setSession({ ...store.getSession()!, serverUrl: 'http://sidekick.example.com' });
    expect(await createSessionStore(openAppStore(raw, log), fakeSafeStorage(), log).load()).toBeNull();
    expect(raw.store.session).toBeNull();
  });
});
