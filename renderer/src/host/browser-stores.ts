import { DEFAULT_SETTINGS, Settings } from '../../../shared/ipc/contract';
import { Session, type SessionStore, type SettingsStore } from '../../../shared/sync/host-ports';
import { SESSION_KEY } from './session-key';

const SETTINGS_KEY = 'sidekick.settings';

function read(storage: Storage, key: string): unknown {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The browser keeps the session in localStorage of the server's own origin (the page is served by it, and
 * the CSP allows scripts from that origin only). Anything that no longer parses counts as signed out.
 */
export const browserSessionStore = (storage: Storage): SessionStore => ({
  async load() {
    const parsed = Session.safeParse(read(storage, SESSION_KEY));
    return parsed.success ? parsed.data : null;
  },
  async save(session) {
    storage.setItem(SESSION_KEY, JSON.stringify(Session.parse(session)));
  },
  async clear() {
    storage.removeItem(SESSION_KEY);
  },
});

/** Settings per browser profile; unreadable or older values fall back to the defaults field by field. */
export const browserSettingsStore = (storage: Storage): SettingsStore => ({
  async load() {
    const stored = read(storage, SETTINGS_KEY);
    const merged =
      typeof stored === 'object' && stored !== null ? { ...DEFAULT_SETTINGS, ...stored } : DEFAULT_SETTINGS;
    const parsed = Settings.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  },
  async save(settings) {
    storage.setItem(SETTINGS_KEY, JSON.stringify(Settings.parse(settings)));
  },
});
