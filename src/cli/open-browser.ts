/**
 * Opening a URL in the system browser: $BROWSER when set (the common convention: a command, "%s" standing for the URL,
 * several commands separated by ":" tried in turn), else the platform's opener (open on macOS, start on Windows,
 * xdg-open elsewhere). Never waits for the browser; reports when there is none.
 */
import { spawn } from "node:child_process";

/** Starts a command detached; resolves true once it runs, or with the reason it could not start. */
function launch(command: string, args: string[]): Promise<true | string> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, args, { detached: true, stdio: "ignore" });
    } catch (e) {
      return resolve(`cannot run ${command} (${(e as Error).message})`);
    }
    child.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ENOENT" ? `no browser found (${command} is not installed)` : `cannot run ${command} (${e.code ?? e.message})`));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}

/** The commands to try for a URL: from $BROWSER, else the platform's opener. */
export function browserCommands(url: string, env: Record<string, string | undefined>, platform: string = process.platform): Array<[string, string[]]> {
  const fromEnv = (env.BROWSER ?? "").split(":").map((c) => c.trim()).filter(Boolean);
  if (fromEnv.length) {
    return fromEnv.map((c) => {
      const words = c.split(/\s+/);
      const args = words.slice(1).map((w) => w.replaceAll("%s", url));
      if (!c.includes("%s")) args.push(url);
      return [words[0]!, args];
    });
  }
  if (platform === "darwin") return [["open", [url]]];
  if (platform === "win32") return [["cmd", ["/c", "start", '""', url]]];
  return [["xdg-open", [url]]];
}

export async function openBrowser(url: string, env: Record<string, string | undefined>): Promise<true | string> {
  let reason = "no browser found";
  for (const [command, args] of browserCommands(url, env)) {
    const r = await launch(command, args);
    if (r === true) return true;
    reason = r;
  }
  return reason;
}
