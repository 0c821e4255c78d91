/** The CLI's only contact with the process, injected so commands can be tested in-process. */
export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stderr is a terminal: progress is a live line redrawn in place (absent: plain lines). */
  stderrIsTTY?: boolean;
  /** Width of that terminal. */
  stderrColumns?: number;
  /** Environment (PAPERGRAPH_PROGRESS, BROWSER, TERM); absent: none. */
  env?: Record<string, string | undefined>;
  /** Stops long-running commands (serve, open); without it they stop on SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.columns,
    env: process.env,
  };
}
