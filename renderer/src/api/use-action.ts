import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './error-message';

export type ActionStatus =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Runs one user action against the host and keeps what happened as a sentence: "Sent", "Queued: will send
 * when you are back online", or the error. Each button gets its own status, so feedback lands next to it.
 */
export function useAction<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
  describe: (result: R) => string,
) {
  const [status, setStatus] = useState<ActionStatus>({ kind: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const start = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setStatus({ kind: 'running' });
      try {
        const result = await run(...args);
        if (mounted.current) setStatus({ kind: 'done', message: describe(result) });
        return result;
      } catch (error) {
        if (mounted.current) setStatus({ kind: 'failed', message: errorMessage(error) });
        return undefined;
      }
    },
    [run, describe],
  );
  return { status, start, reset: () => setStatus({ kind: 'idle' }) };
}

/** What to say after a queued-or-sent action: "sent" only once the server has it. */
export const receiptSentence = (done: string) => (receipt: { queued: boolean }) =>
  receipt.queued ? 'Saved on this device — it goes to the server when you are back online.' : done;
