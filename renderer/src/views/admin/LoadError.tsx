/** A read that failed, as a sentence, with a way to try again. */
export function LoadError({ what, error, retry }: { what: string; error: string; retry: () => void }) {
  return (
    <div role="alert" className="feedback error">
      {what} could not be loaded: {error}{' '}
      <button type="button" className="small" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
