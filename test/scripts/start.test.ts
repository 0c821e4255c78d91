/** `npm start`'s port choice (scripts/start.ts): flags and PORT, and what happens when the port is taken. Sockets only. */
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { choosePort, DEFAULT_PORT, isPortFree, requestedPort } from "../../scripts/start";

describe("requestedPort", () => {
  it("defaults to 5173, not marked as asked for", () => {
    expect(requestedPort([], {})).toEqual({ port: DEFAULT_PORT, explicit: false });
    expect(requestedPort([], { PORT: "" })).toEqual({ port: DEFAULT_PORT, explicit: false });
  });

  it("reads --port N, --port=N and PORT, the flag first", () => {
    expect(requestedPort(["--port", "5180"], {})).toEqual({ port: 5180, explicit: true });
    expect(requestedPort(["--port=5181"], {})).toEqual({ port: 5181, explicit: true });
    expect(requestedPort([], { PORT: "5182" })).toEqual({ port: 5182, explicit: true });
    expect(requestedPort(["--port", "5183"], { PORT: "5182" })).toEqual({ port: 5183, explicit: true });
  });

  it("names a malformed value and an unknown argument", () => {
    expect(requestedPort(["--port", "abc"], {})).toEqual({ error: '--port must be a port number from 1 to 65535, e.g. 5180; got "abc"' });
    expect(requestedPort(["--port"], {})).toMatchObject({ error: expect.stringContaining('got ""') });
    expect(requestedPort([], { PORT: "70000" })).toMatchObject({ error: expect.stringMatching(/^PORT must be/) });
    expect(requestedPort(["--host"], {})).toMatchObject({ error: expect.stringContaining('unknown argument "--host"') });
  });
});

describe("choosePort", () => {
  let busy: net.Server | null = null;
  afterEach(async () => {
    await new Promise<void>((r) => (busy ? busy.close(() => r()) : r()));
    busy = null;
  });
  /** Occupy a free port picked by the system and return it. */
  const occupy = () => new Promise<number>((resolve) => {
    busy = net.createServer().listen(0, "127.0.0.1", () => resolve((busy!.address() as net.AddressInfo).port));
  });

  it("keeps a free port, without a note", async () => {
    const port = await occupy();
    await new Promise<void>((r) => busy!.close(() => r()));
    busy = null;
    expect(await isPortFree(port)).toBe(true);
    expect(await choosePort({ port, explicit: false })).toEqual({ port, note: null });
  });

  it("moves on from a taken default port and says so", async () => {
    const port = await occupy();
    expect(await isPortFree(port)).toBe(false);
    const r = await choosePort({ port, explicit: false });
    if (!("port" in r)) throw new Error(r.error);
    expect(r.port).toBeGreaterThan(port);
    expect(r.note).toContain(`port ${port} is in use`);
    expect(r.note).toContain(`served on port ${r.port} instead`);
    expect(r.note).toContain("PORT=5180 npm start");
  });

  it("refuses a taken port that was asked for, naming the way out", async () => {
    const port = await occupy();
    const r = await choosePort({ port, explicit: true });
    expect(r).toMatchObject({ error: expect.stringMatching(new RegExp(`^port ${port} on 127\\.0\\.0\\.1 is in use.*PORT=518\\d npm start`)) });
  });
});
