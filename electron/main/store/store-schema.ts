import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/ipc';

/**
 * The electron-store file, parsed with zod on every start (it is a boundary: older versions of the app, or a
 * person with a text editor, wrote it). `schemaVersion` drives the migrations below.
 *   settings   — the person's settings
 *   session    — server URL and the token encrypted with safeStorage (base64), never the plain token
 *   sync       — shared/sync's key-value area (cached snapshot, outbox), each value parsed again by shared/sync
 */
export const STORE_SCHEMA_VERSION = 2;

export const StoredSession = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  encryptedToken: z.base64().min(1),
});
export type StoredSession = z.infer<typeof StoredSession>;

export const StoreData = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  settings: Settings,
  session: StoredSession.nullable(),
  sync: z.record(z.string(), z.unknown()),
});
export type StoreData = z.infer<typeof StoreData>;

export const EMPTY_STORE: StoreData = {
  schemaVersion: STORE_SCHEMA_VERSION,
  settings: DEFAULT_SETTINGS,
  session: null,
  sync: {},
};

type Raw = Record<string, unknown>;
/** migration n turns a version-n object into version n+1. */
const MIGRATIONS: Record<number, (data: Raw) => Raw> = {
  // Version 0: files from before schemaVersion existed kept settings at the top level (electron-store's
  // default layout). Move them under `settings`.
  0: ({ focusMode, quietHours, maxPopupsPerHour, startAtLogin, optOut, ...rest }) => ({
    ...rest,
    settings: { focusMode, quietHours, maxPopupsPerHour, startAtLogin, optOut },
    schemaVersion: 1,
  }),
  // Version 1 → 2: the opt-out switches arrived; missing ones are off (nothing is silently taken away).
  1: (data) => {
    const settings = isRecord(data.settings) ? data.settings : {};
    return {
      ...data,
      settings: {
        ...settings,
        optOut: { ...DEFAULT_SETTINGS.optOut, ...(isRecord(settings.optOut) ? settings.optOut : {}) },
      },
      schemaVersion: 2,
    };
  },
};

export interface MigrationReport {
  data: StoreData;
  from: number;
  /** Parts that could not be read and were reset to defaults, for the log. */
  repaired: string[];
}

/**
 * Brings any stored object up to the current schema. Unreadable parts are reset one by one (settings to
 * defaults, a bad session dropped) so one damaged field never costs the rest; a file from a newer app is
 * read as far as it parses, never downgraded on disk by guessing.
 */
export function migrateStore(raw: unknown): MigrationReport {
  let data: Raw = isRecord(raw) ? { ...raw } : {};
  const from =
    typeof data.schemaVersion === 'number' && Number.isInteger(data.schemaVersion) ? data.schemaVersion : 0;
  for (let v = from; v < STORE_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) data = step(data);
  }
  const repaired: string[] = [];
  const settings = Settings.safeParse(mergeSettings(data.settings));
  if (!settings.success) repaired.push('settings');
  const session =
    data.session === null || data.session === undefined ? null : StoredSession.safeParse(data.session);
  if (session && !session.success) repaired.push('session');
  const sync = isRecord(data.sync) ? data.sync : {};
  if (data.sync !== undefined && !isRecord(data.sync)) repaired.push('sync');
  return {
    from,
    repaired,
    data: {
      schemaVersion: STORE_SCHEMA_VERSION,
      settings: settings.success ? settings.data : DEFAULT_SETTINGS,
      session: session?.success ? session.data : null,
      sync,
    },
  };
}

/** Fields missing from stored settings take their defaults (a new setting must not reset the others). */
function mergeSettings(value: unknown): unknown {
  if (!isRecord(value)) return DEFAULT_SETTINGS;
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_SETTINGS, ...defined };
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
