/** Keeps the panels usable when the WebGL renderer cannot start (no GPU, context lost): shows why in the canvas area. */
import { Component, type ReactNode } from "react";

export class GraphErrorBoundary extends Component<{ children: ReactNode; onError: (message: string) => void }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override componentDidCatch(e: unknown) {
    this.props.onError(e instanceof Error ? e.message : String(e));
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <div className="graph-error" role="alert">
          <p>The graph cannot be drawn in this browser ({this.state.error}).</p>
          <p className="muted">Search, details and filters still work.</p>
        </div>
      );
    }
    return this.props.children;
  }
}
