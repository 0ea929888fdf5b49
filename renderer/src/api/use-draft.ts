import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';

const PREFIX = 'sidekick.draft.';

/** The page's own storage (the host's origin: the server's in a tab, app:// in the desktop popover). */
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/**
 * Form state that survives what unmounts a form: a revoked token (the sign-in screen replaces the view),
 * a reload, the popover closing. Kept per person and form in the host's storage until it is sent (`clear`)
 * or the person signs out (`clearAllDrafts`). A stored value that no longer parses is ignored.
 */
export function useDraft<S extends z.ZodType>(
  key: string,
  schema: S,
  initial: () => z.output<S>,
): [z.output<S>, (next: z.output<S>) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<z.output<S>>(() => {
    const raw = storage()?.getItem(storageKey);
    if (raw) {
      try {
        const parsed = schema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
      } catch {
        // not JSON: start afresh
      }
    }
    return initial();
  });
  useEffect(() => {
    try {
      storage()?.setItem(storageKey, JSON.stringify(value));
    } catch {
      // A full or blocked storage keeps the draft in memory only.
    }
  }, [storageKey, value]);
  const clear = useCallback(() => {
    storage()?.removeItem(storageKey);
    setValue(initial());
    // `initial` is a fresh closure each render; clearing needs today's defaults, not a stale set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  return [value, setValue, clear];
}

/**
 * Writes a draft for a form that is not open yet (a suggestion that prefills a composer): the form finds it
 * when it opens, as if the person had typed it.
 */
export function saveDraft(key: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A full or blocked storage: the form opens with its usual defaults.
  }
}

/** On sign-out every draft goes: the next person on this device must not find them. */
export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}
