/**
 * The Python that has networkx, for the reference checks. Debian's python3-networkx installs into /usr/bin/python3,
 * which a pyenv (or other) `python3` earlier on PATH does not see; so Debian's interpreter is tried first.
 */
import { execFileSync } from "node:child_process";

let found: string | null | undefined;

export function networkxPython(): string {
  if (found === undefined) {
    found = null;
    for (const candidate of ["/usr/bin/python3", "python3"]) {
      try {
        execFileSync(candidate, ["-c", "import networkx"], { stdio: "ignore" });
        found = candidate;
        break;
      } catch {
        // not this one
      }
    }
  }
  if (found === null) throw new Error("no python3 with networkx: apt-get install -y python3-networkx (see .ci/run)");
  return found;
}
