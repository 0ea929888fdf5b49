import { Session, type Logger, type SessionStore } from '../../../shared/sync';
import type { AppStore } from './app-store';

/** The three calls of Electron's safeStorage this needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Keeps the session with its token encrypted by the OS keychain (safeStorage). When the OS offers no
 * encryption (a Linux desktop without a keyring), the token is kept in memory only: the person signs in
 * again next start rather than having a bearer token written to disk in the clear.
 */
export function createSessionStore(store: AppStore, safe: SafeStorageLike, log: Logger): SessionStore {
  let memoryOnly: Session | null = null;
  return {
    async load() {
      if (memoryOnly) return memoryOnly;
      const stored = store.getSession();
      if (!stored || !safe.isEncryptionAvailable()) return null;
      try {
        const token = safe.decryptString(Buffer.from(stored.encryptedToken, 'base64'));
        const session = Session.safeParse({ serverUrl: stored.serverUrl, token });
        if (session.success) return session.data;
      } catch (error) {
        log(
          'warn',
          `session: could not decrypt the saved token (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      store.setSession(null);
      return null;
    },
    async save(session) {
      if (!safe.isEncryptionAvailable()) {
        log('warn', 'session: the OS offers no encryption, so the token is kept in memory only');
        memoryOnly = session;
        store.setSession(null);
        return;
      }
      memoryOnly = null;
      store.setSession({
        serverUrl: session.serverUrl,
        encryptedToken: safe.encryptString(session.token).toString('base64'),
      });
    },
    async clear() {
      memoryOnly = null;
      store.setSession(null);
    },
  };
}
