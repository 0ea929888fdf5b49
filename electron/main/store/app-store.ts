import type { Settings } from '../../../shared/ipc';
import type { KeyValueStorage, Logger } from '../../../shared/sync';
import { migrateStore, type StoreData, type StoredSession } from './store-schema';

/** The slice of electron-store this module uses; electron-store writes each `set` to disk atomically. */
export interface RawStore {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

export interface AppStore {
  getSettings(): Settings;
  setSettings(settings: Settings): void;
  getSession(): StoredSession | null;
  setSession(session: StoredSession | null): void;
  /** The key-value area shared/sync keeps its cache and outbox in. */
  syncStorage: KeyValueStorage;
}

/** Migrates and validates the file once at start, writes the repaired result back, then serves typed reads. */
export function openAppStore(raw: RawStore, log: Logger): AppStore {
  const report = migrateStore(raw.store);
  const data: StoreData = report.data;
  if (report.repaired.length)
    log('warn', `store: reset unreadable ${report.repaired.join(', ')} to defaults`);
  if (report.from !== data.schemaVersion || report.repaired.length) {
    log('info', `store: migrated from schema ${report.from} to ${data.schemaVersion}`);
    for (const [key, value] of Object.entries(data)) raw.set(key, value);
  }
  return {
    getSettings: () => data.settings,
    setSettings(settings) {
      raw.set('settings', settings);
      data.settings = settings;
    },
    getSession: () => data.session,
    setSession(session) {
      raw.set('session', session);
      data.session = session;
    },
    syncStorage: {
      get: async (key) => data.sync[key],
      async set(key, value) {
        // Round-trip through JSON so what we hold in memory is exactly what the file will give back next start.
        const next = { ...data.sync, [key]: JSON.parse(JSON.stringify(value)) as unknown };
        raw.set('sync', next);
        data.sync = next;
      },
      async delete(key) {
        const { [key]: _removed, ...rest } = data.sync;
        raw.set('sync', rest);
        data.sync = rest;
      },
    },
  };
}
