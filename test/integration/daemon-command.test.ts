// The `docker-playground` bin as a user starts it: straight from the sources (no build step),
// printing dockerd's "API listen on" line, serving the API, and stopping cleanly on SIGTERM.
import { describe, expect, it } from "vitest";
import { parseDaemonArgs, parseHost } from "../../src/node/index.js";
import { run } from "./docker-cli-runner.js";
import { bin, spawnDaemon } from "./spawn-daemon.js";


describe("docker-playground daemon", () => {
  it("listens, answers /_ping, and exits 0 on SIGTERM", async () => {
    const { child, address, stderr, exited } = await spawnDaemon(["-H", "tcp://127.0.0.1:0"]);
    try {
      const ping = await fetch(`http://${address}/_ping`);
      expect([ping.status, ping.headers.get("api-version"), await ping.text()]).toEqual([200, "1.50", "OK"]);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr()).toBe("Processing signal 'terminated'\n");
  }, 30_000);

  it("prints the usage on stderr and exits 2 for an unknown subcommand", async () => {
    const r = await run(process.execPath, [bin, "serve"], {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^docker-playground: unknown command "serve"\n\nUsage: {2}docker-playground COMMAND\n/);
  }, 30_000);

  it("reads -H and --host in pflag's forms, and -D", () => {
    expect(parseDaemonArgs(["-H", "tcp://0.0.0.0:2375", "-Hunix:///tmp/d.sock", "--host=tcp://:1", "-D"])).toEqual({
      hosts: ["tcp://0.0.0.0:2375", "unix:///tmp/d.sock", "tcp://:1"],
      debug: true,
    });
    expect(parseDaemonArgs(["-H"])).toEqual({ error: "flag needs an argument: 'H' in -H" });
    expect(parseDaemonArgs(["--tls"])).toEqual({ error: "unknown flag: --tls" });
  });

  it("parses hosts as dockerd does: tcp with default port 2375, unix paths", () => {
    expect(parseHost("tcp://127.0.0.1:0")).toEqual({ kind: "tcp", host: "127.0.0.1", port: 0 });
    expect(parseHost("tcp://0.0.0.0")).toEqual({ kind: "tcp", host: "0.0.0.0", port: 2375 });
    expect(parseHost("tcp://[::1]:2376")).toEqual({ kind: "tcp", host: "::1", port: 2376 });
    expect(parseHost("unix:///var/run/docker.sock")).toEqual({ kind: "unix", path: "/var/run/docker.sock" });
    expect(() => parseHost("ftp://x")).toThrow("invalid daemon address: ftp://x");
  });
});
