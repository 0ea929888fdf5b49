import { Session, type Logger, type SessionStore } from '../../../shared/sync';
import { serverUrlProblem } from '../security/server-url-policy';
import type { AppStore } from './app-store';

/**
 * The calls of Electron's safeStorage this needs: the asynchronous API (the synchronous one is deprecated in
 * Electron 45), and on Linux the name of the key store behind it.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only (Electron throws elsewhere, so it is called only when `platform` is linux). */
  getSelectedStorageBackend(): string;
}

/**
 * Whether the OS really protects what safeStorage encrypts. On Linux without a keyring Electron falls back
 * to `basic_text`: "encrypted" with a hard-coded password, which is no protection at all, so it counts as
 * no encryption. `unknown` means the app is not ready yet, which is no better.
 */
export async function osEncryptionAvailable(
  safe: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<boolean> {
  if (platform === 'linux') {
    const backend = safe.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return false;
  }
  return safe.isAsyncEncryptionAvailable();
}

/**
 * Keeps the session with its token encrypted by the OS keychain (safeStorage). When the OS offers no real
 * encryption (a Linux desktop without a keyring, or only basic_text), the token is kept in memory only: the
 * person signs in again next start rather than having a bearer token written to disk in the clear. A saved
 * session for a server the desktop no longer sends tokens to (plain http:// off this computer) is dropped.
 */
export function createSessionStore(
  store: AppStore,
  safe: SafeStorageLike,
  log: Logger,
  platform: NodeJS.Platform = process.platform,
): SessionStore {
  let memoryOnly: Session | null = null;
  const forget = (why: string) => {
    log('warn', `session: ${why}; sign in again`);
    store.setSession(null);
    return null;
  };
  const persist = async (session: Session) =>
    store.setSession({
      serverUrl: session.serverUrl,
      encryptedToken: (await safe.encryptStringAsync(session.token)).toString('base64'),
    });

  return {
    async load() {
      if (memoryOnly) return memoryOnly;
      const stored = store.getSession();
      if (!stored) return null;
      const problem = serverUrlProblem(stored.serverUrl);
      if (problem) return forget(`the saved server is refused (${problem})`);
      if (!(await osEncryptionAvailable(safe, platform))) return null;
      try {
        const { result, shouldReEncrypt } = await safe.decryptStringAsync(
          Buffer.from(stored.encryptedToken, 'base64'),
        );
        const session = Session.safeParse({ serverUrl: stored.serverUrl, token: result });
        if (!session.success) return forget('the saved session is unreadable');
        // The OS rotated its key (or a stronger one became available): store it under the new key.
        if (shouldReEncrypt) await persist(session.data);
        return session.data;
      } catch (error) {
        return forget(
          `could not decrypt the saved token (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    },
    async save(session) {
      if (!(await osEncryptionAvailable(safe, platform))) {
        log('warn', 'session: the OS offers no encryption, so the token is kept in memory only');
        memoryOnly = session;
        store.setSession(null);
        return;
      }
      memoryOnly = null;
      await persist(session);
    },
    async clear() {
      memoryOnly = null;
      store.setSession(null);
    },
  };
}
