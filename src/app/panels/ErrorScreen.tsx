/** Full-page message when no graph could be loaded: what went wrong, the command that builds the file, a way to open files. */
import type { ReactNode } from "react";
import { BUILD_COMMAND } from "../data/load-graph";
import type { BuildState } from "../data/progress-view";
import { BuildProgress } from "./OpenDialog";

export function ErrorScreen(props: { title: string; errors: string[]; children?: ReactNode }) {
  return (
    <main className="error-screen" data-testid="error-screen">
      <div className="error-card" role="alert">
        <h1>{props.title}</h1>
        <ul>
          {props.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
        <p>
          Build the graph from your files with <code>{BUILD_COMMAND}</code> and reload this page, or open a graph file
          (graph.json) written by papergraph, or exports and listings to build one here:
        </p>
      </div>
      {props.children && <div className="error-card open-card">{props.children}</div>}
    </main>
  );
}

/** While the first graph loads; when files kept in this browser are being rebuilt, their build's progress. */
export function LoadingScreen({ building, onCancel }: { building?: BuildState | null; onCancel?: () => void }) {
  return (
    <main className="loading-screen" aria-busy="true" data-testid="loading">
      {building ? (
        <div className="error-card">
          <BuildProgress building={building} onCancel={onCancel} />
        </div>
      ) : (
        <>
          <div className="spinner" aria-hidden="true" />
          <p role="status">Loading the graph…</p>
        </>
      )}
    </main>
  );
}
