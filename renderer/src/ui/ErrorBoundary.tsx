import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** Catches a screen that fails to draw and says so in plain words, with a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A screen failed to draw', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="app-main" role="alert">
        <h1>Sorry, this screen stopped working</h1>
        <p>Everything already saved is safe in the case book. Reloading the app usually puts this right.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the app
        </button>
      </main>
    );
  }
}
