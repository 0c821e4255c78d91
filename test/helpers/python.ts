/**
 * The Python that has networkx, for the reference checks. networkx reads GEXF 1.3 from version 3 on; Debian 12's
 * python3-networkx (2.8.8, in /usr/bin/python3, which a pyenv `python3` earlier on PATH does not see) reads only 1.2.
 * So an interpreter with networkx 3 is preferred, then any with networkx.
 */
import { execFileSync } from "node:child_process";

let found: string | null | undefined;

export function networkxPython(): string {
  if (found === undefined) {
    found = null;
    const candidates = ["python3", "/usr/bin/python3"];
    for (const check of ["import networkx; assert int(networkx.__version__.split('.')[0]) >= 3", "import networkx"]) {
      for (const candidate of candidates) {
        try {
          execFileSync(candidate, ["-c", check], { stdio: "ignore" });
          found = candidate;
          break;
        } catch {
          // not this one
        }
      }
      if (found) break;
    }
  }
  if (found === null) throw new Error("no python3 with networkx: apt-get install -y python3-networkx (see .ci/run)");
  return found;
}
