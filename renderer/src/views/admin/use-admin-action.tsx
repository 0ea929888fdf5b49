import { useState } from 'react';
import { errorMessage } from '../../api/error-message';

/**
 * One button's call and what came of it, as a sentence beside it: `busy` names the running action (so only its
 * button says "…"), `message` is the outcome, `failed` marks an error (shown as an alert).
 */
export function useAdminAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; failed: boolean } | null>(null);
  const run = async <T,>(name: string, call: () => Promise<T>, describe: (result: T) => string) => {
    setBusy(name);
    setOutcome(null);
    try {
      const result = await call();
      setOutcome({ message: describe(result), failed: false });
      return result;
    } catch (e) {
      setOutcome({ message: errorMessage(e), failed: true });
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  return { busy, outcome, run, clear: () => setOutcome(null) };
}

/** The outcome line of useAdminAction: polite when it worked, an alert when it did not. */
export function Outcome({ outcome }: { outcome: { message: string; failed: boolean } | null }) {
  if (!outcome) return null;
  return (
    <p className={`feedback ${outcome.failed ? 'error' : 'ok'}`} role={outcome.failed ? 'alert' : 'status'}>
      {outcome.message}
    </p>
  );
}

/** A form's own refusal before anything was sent (a field missing or malformed), as an alert. */
export function Problem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="feedback error" role="alert">
      {problem}
    </p>
  );
}
