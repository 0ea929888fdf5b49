/** Where the browser host keeps the signed-in session (browser-stores.ts); no zod, so main.tsx can look. */
export const SESSION_KEY = 'sidekick.session';

/** No session stored: this tab is signed out for sure, and the sign-in screen can draw before the host loads. */
export function surelySignedOut(storage: Storage | null): boolean {
  try {
    return storage !== null && storage.getItem(SESSION_KEY) === null;
  } catch {
    return false;
  }
}
