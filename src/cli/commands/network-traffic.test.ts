import { beforeEach, describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

let cli: CliHarness;

beforeEach(async () => {
  cli = new CliHarness();
  await cli.docker("pull", "alpine");
  await cli.docker("pull", "nginx");
});

describe("traffic between containers", () => {
  it("resolves names on a user-defined network and fetches nginx's page", async () => {
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "web", "--network", "app", "nginx");
    const fetched = await cli.docker("run", "--rm", "--network", "app", "alpine", "wget", "-qO-", "http://web/");
    expect(fetched.exitCode).toBe(0);
    expect(fetched.stdout).toContain("<html");
    const logs = await cli.docker("logs", "web");
    expect(logs.stdout).toMatch(/^172\.18\.0\.3 - - \[15\/Jan\/2026:09:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "Wget" "-"$/m);
  });

  it("serves the page that was just written into the document root", async () => {
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "web", "--network", "app", "nginx");
    await cli.docker("exec", "web", "sh", "-c", "echo '<h1>edited</h1>' > /usr/share/nginx/html/index.html");
    const fetched = await cli.docker("run", "--rm", "--network", "app", "alpine", "wget", "-qO-", "web");
    expect(fetched.stdout).toBe("<h1>edited</h1>\n");
    const missing = await cli.docker("run", "--rm", "--network", "app", "alpine", "wget", "-qO-", "web/nope");
    expect(missing).toMatchObject({ stderr: "wget: server returned error: HTTP/1.1 404 Not Found\n", exitCode: 1 });
  });

  it("does not resolve names on the default bridge, but reaches addresses", async () => {
    await cli.docker("run", "-d", "--name", "web", "nginx");
    const byName = await cli.docker("run", "--rm", "alpine", "wget", "-qO-", "web");
    expect(byName).toMatchObject({ stderr: "wget: bad address 'web'\n", exitCode: 1 });
    const ip = (await cli.docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web")).stdout.trim();
    const byIp = await cli.docker("run", "--rm", "alpine", "wget", "-qO-", `http://${ip}/`);
    expect(byIp.exitCode).toBe(0);
    const ping = await cli.docker("run", "--rm", "alpine", "ping", "-c", "1", "web");
    expect(ping).toMatchObject({ stderr: "ping: bad address 'web'\n", exitCode: 1 });
  });

  it("refuses a port nobody listens on", async () => {
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "web", "--network", "app", "nginx");
    const refused = await cli.docker("run", "--rm", "--network", "app", "alpine", "wget", "-q", "web:8080");
    expect(refused.stderr).toMatch(/^wget: can't connect to remote host \(172\.18\.0\.2\): Connection refused\n$/);
  });

  it("pings by name on a user network", async () => {
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "web", "--network", "app", "nginx");
    const run = cli.docker("run", "--rm", "--network", "app", "alpine", "ping", "-c", "2", "web");
    for (let i = 0; i < 50 && cli.clock.pending === 0; i++) await new Promise((r) => setTimeout(r, 2));
    cli.clock.advance(1000);
    const ping = await run;
    expect(ping.stdout).toBe(
      "PING web (172.18.0.2): 56 data bytes\n64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.083 ms\n64 bytes from 172.18.0.2: seq=1 ttl=64 time=0.094 ms\n\n--- web ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = 0.083/0.088/0.094 ms\n",
    );
  });
});

describe("healthchecks", () => {
  async function tick(seconds: number) {
    for (let s = 0; s < seconds; s++) {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 1));
      cli.clock.advance(1000);
    }
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 1));
  }

  it("drive the status in docker ps: starting, then healthy once the probe succeeds", async () => {
    await cli.docker("run", "-d", "--name", "web", "--health-cmd", "wget -qO- http://localhost/ >/dev/null", "--health-interval", "5s", "nginx:alpine");
    expect((await cli.docker("ps", "--format", "{{.Status}}")).stdout).toBe("Up Less than a second (health: starting)\n");
    await tick(5);
    expect((await cli.docker("ps", "--format", "{{.Status}}")).stdout).toBe("Up 5 seconds (healthy)\n");
    expect((await cli.docker("inspect", "-f", "{{.State.Health.Status}} {{len .State.Health.Log}} {{(index .State.Health.Log 0).ExitCode}}", "web")).stdout).toBe("healthy 1 0\n");
  });

  it("turn unhealthy after the retries fail, with the probe's output kept", async () => {
    await cli.docker("run", "-d", "--name", "box", "--health-cmd", "echo broken; exit 1", "--health-interval", "2s", "--health-retries", "2", "alpine", "sleep", "100");
    await tick(4);
    expect((await cli.docker("ps", "--format", "{{.Status}}")).stdout).toBe("Up 4 seconds (unhealthy)\n");
    expect((await cli.docker("inspect", "-f", "{{.State.Health.FailingStreak}} {{json (index .State.Health.Log 0).Output}}", "box")).stdout).toBe('2 "broken\\n"\n');
  });
});

describe("docker stats and docker top follow what a container does", () => {
  it("counts the requests nginx served as network traffic, and lists exec'd processes", async () => {
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "web", "--network", "app", "nginx");
    const netIo = async () => (await cli.docker("stats", "--no-stream", "--format", "{{.NetIO}}", "web")).stdout.trim();
    const before = await netIo();
    expect(before).toBe("872B / 0B");
    for (let i = 0; i < 3; i++) await cli.docker("run", "--rm", "--network", "app", "alpine", "wget", "-qO-", "web");
    const after = await netIo();
    const [rx = "", tx = ""] = after.split(" / ");
    expect(rx).not.toBe("872B");
    expect(tx).toMatch(/^\d+(\.\d+)?kB$/);
    expect((await cli.docker("stats", "--no-stream", "--format", "{{.PIDs}}", "web")).stdout).toBe("1\n");
    const top = await cli.docker("top", "web");
    expect(top.stdout.trim().split("\n")).toHaveLength(2);
  });
});

describe("nginx reloads on SIGHUP", () => {
  it("logs the reload and keeps serving", async () => {
    await cli.docker("run", "-d", "--name", "web", "nginx");
    expect((await cli.docker("kill", "-s", "HUP", "web")).exitCode).toBe(0);
    const logs = await cli.docker("logs", "web");
    expect(logs.stderr).toContain("[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring\n");
    expect((await cli.docker("ps", "--format", "{{.Status}}")).stdout).toMatch(/^Up /);
  });
});
