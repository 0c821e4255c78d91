/** Full-page message when no graph could be loaded: what went wrong, the command that builds the file, a way to open one. */
import { BUILD_COMMAND } from "../data/load-graph";

export function ErrorScreen(props: { title: string; errors: string[]; onOpenFile: (files: File[]) => void }) {
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
          Build the graph from the paper listings with <code>{BUILD_COMMAND}</code> and reload this page, or open a graph
          file (graph.json) written by papergraph, or paper listings to build one here:
        </p>
        <label className="button">
          Open a graph file or listings…
          <input
            type="file"
            multiple
            accept=".json,.txt,.csv,application/json,text/plain"
            className="visually-hidden"
            onChange={(e) => {
              props.onOpenFile([...(e.target.files ?? [])]);
              e.target.value = "";
            }}
          />
        </label>
      </div>
    </main>
  );
}

export function LoadingScreen() {
  return (
    <main className="loading-screen" aria-busy="true" data-testid="loading">
      <div className="spinner" aria-hidden="true" />
      <p role="status">Loading the graph…</p>
    </main>
  );
}
