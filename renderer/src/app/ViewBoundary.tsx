import { Component, type ReactNode } from 'react';

/**
 * A view that could not be loaded (its chunk did not arrive: the server went away in a browser tab) says so
 * and offers to try again, instead of taking the whole companion down with it.
 */
export class ViewBoundary extends Component<
  { children: ReactNode; onRetry: () => void },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="empty" role="alert">
        <p className="empty-title">This view could not be loaded</p>
        <p>The server may be out of reach. Everything else keeps working, and nothing you did is lost.</p>
        <button
          type="button"
          onClick={() => {
            this.props.onRetry();
            this.setState({ failed: false });
          }}
        >
          Try again
        </button>
      </div>
    );
  }
}
