import type { ActionStatus } from '../api/use-action';

/** The line under a button that says what happened: polite for success, assertive for errors. */
export function ActionFeedback({ status }: { status: ActionStatus }) {
  if (status.kind === 'done')
    return (
      <p className="feedback ok" role="status">
        {status.message}
      </p>
    );
  if (status.kind === 'failed')
    return (
      <p className="feedback error" role="alert">
        {status.message}
      </p>
    );
  return null;
}
