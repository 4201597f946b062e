// Real Docker clients against our daemon (DESIGN.md section 8): the docker CLI 28.2.2 through a
// learner's first session, step by step, with the exact output and exit code the real client
// produced; then docker-py 7.1.0 (version negotiation, run with remove=True, images).
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { dockerEnv, normalise, onPath, record, run, table, type RunResult } from "./docker-cli-runner.js";

const hasDocker = onPath("docker");
const hasDockerPy = onPath("python3", ["-c", "import docker"]);

describe.skipIf(!hasDocker)("the real docker CLI against docker-playground daemon", () => {
  let daemon: Daemon;
  let env: Record<string, string>;

  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
    env = dockerEnv(daemon.addresses[0] ?? "");
  });
  afterAll(async () => {
    await daemon.close();
  });

  async function docker(name: string, ...args: string[]): Promise<RunResult> {
    const result = await run("docker", args, env);
    record(name, args, result);
    return result;
  }

  it("docker version shows the server as Engine 28.2.2, API 1.50", async () => {
    const r = await docker("version", "version");
    expect(r.code).toBe(0);
    const server = r.stdout.slice(r.stdout.indexOf("Server:"));
    expect(server).toContain("Server: Docker Engine - Community\n Engine:\n  Version:          28.2.2\n");
    expect(server).toContain("  API version:      1.50 (minimum version 1.24)\n");
    expect(r.stderr).toBe("");
  });

  it("docker info reports an empty daemon", async () => {
    const r = await docker("info", "info");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\nServer:\n Containers: 0\n  Running: 0\n  Paused: 0\n  Stopped: 0\n Images: 0\n Server Version: 28.2.2\n");
    expect(r.stderr).toBe("");
  });

  it("docker pull alpine prints the progress and the digest", async () => {
    const r = await docker("pull-alpine", "pull", "alpine");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 2)).toEqual(["Using default tag: latest", "latest: Pulling from library/alpine"]);
    expect(lines.at(-2)).toBe("Status: Downloaded newer image for alpine:latest");
    expect(lines.at(-1)).toBe("docker.io/library/alpine:latest");
    expect(lines.at(-3)).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
  });

  it("docker images lists alpine", async () => {
    const r = await docker("images", "images");
    expect(r.code).toBe(0);
    const rows = table(r.stdout);
    expect(rows[0]).toEqual(["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2]])).toEqual([["alpine", "latest", "<short-id>"]]);
  });

  it("docker run -d --name web -p 8080:80 nginx pulls nginx and prints the id", async () => {
    const r = await docker("run-d-nginx", "run", "-d", "--name", "web", "-p", "8080:80", "nginx");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.stderr.split("\n")[0]).toBe("Unable to find image 'nginx:latest' locally");
    expect(r.stderr).toContain("Status: Downloaded newer image for nginx:latest\n");
  });

  it("docker ps shows web with its published port", async () => {
    const r = await docker("ps", "ps");
    expect(r.code).toBe(0);
    expect(table(r.stdout)).toEqual([
      ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"],
      ["<short-id>", "nginx", '"/docker-entrypoint.…"', "<when> ago", "Up <uptime>", "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp", "web"],
    ]);
  });

  it("docker logs web prints nginx's start-up lines", async () => {
    const r = await docker("logs-web", "logs", "web");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(r.stdout).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
  });

  it("docker inspect -f reads the state", async () => {
    const r = await docker("inspect-status", "inspect", "-f", "{{.State.Status}}", "web");
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "running\n", ""]);
  });

  it("a second container on the same host port fails as dockerd's does", async () => {
    const r = await docker("port-clash", "run", "-d", "--name", "web2", "-p", "8080:80", "nginx");
    expect(r.code).toBe(125);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(normalise(r.stderr)).toBe(
      "docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 (<id>): Bind for 0.0.0.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n",
    );
  });

  it("pause, rename, port, top, exec and container prune work on web", async () => {
    expect(await docker("pause-web", "pause", "web")).toEqual({ code: 0, stdout: "web\n", stderr: "" });
    const ps = await docker("ps-paused", "ps");
    expect(table(ps.stdout)[1]?.slice(4)).toEqual(["Up <uptime> (Paused)", "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp", "web"]);
    expect(await docker("unpause-web", "unpause", "web")).toEqual({ code: 0, stdout: "web\n", stderr: "" });
    expect(await docker("rename-web-site", "rename", "web", "site")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await docker("port-site", "port", "site")).toEqual({ code: 0, stdout: "80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n", stderr: "" });
    const top = await docker("top-site", "top", "site");
    expect(top.code).toBe(0);
    expect(table(top.stdout)[0]).toEqual(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]);
    expect(table(top.stdout)[1]?.at(-1)).toBe("nginx -g daemon off;");
    expect(await docker("exec-site", "exec", "site", "echo", "hi")).toEqual({ code: 0, stdout: "hi\n", stderr: "" });
    // web2, left Created by the port clash, is the one stopped container.
    const prune = await docker("container-prune", "container", "prune", "-f");
    expect([prune.code, normalise(prune.stdout), prune.stderr]).toEqual([0, "Deleted Containers:\n<id>\n\nTotal reclaimed space: 0B\n", ""]);
    expect(await docker("rename-site-web", "rename", "site", "web")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("docker stop, ps -a and rm take web down", async () => {
    expect(await docker("stop-web", "stop", "web")).toEqual({ code: 0, stdout: "web\n", stderr: "" });
    const ps = await docker("ps-a", "ps", "-a");
    expect(table(ps.stdout)[1]).toEqual(["<short-id>", "nginx", '"/docker-entrypoint.…"', "<when> ago", "Exited (0) <when> ago", "web"]);
    expect(await docker("rm-web", "rm", "web")).toEqual({ code: 0, stdout: "web\n", stderr: "" });
  });

  it("docker run --rm alpine echo hi prints hi over the hijacked attach", async () => {
    expect(await docker("run-echo", "run", "--rm", "alpine", "echo", "hi")).toEqual({ code: 0, stdout: "hi\n", stderr: "" });
  });

  it("docker run --rm alpine sh -c 'exit 3' exits 3", async () => {
    expect(await docker("run-exit-3", "run", "--rm", "alpine", "sh", "-c", "exit 3")).toEqual({ code: 3, stdout: "", stderr: "" });
  });

  it("docker rm nope: No such container", async () => {
    expect(await docker("rm-nope", "rm", "nope")).toEqual({ code: 1, stdout: "", stderr: "Error response from daemon: No such container: nope\n" });
  });

  it("leaves nothing behind after --rm", async () => {
    const r = await docker("ps-a-empty", "ps", "-a");
    expect(table(r.stdout)).toEqual([["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]]);
  });

  it("docker network create app prints the new network's id, and ls lists it by name", async () => {
    const created = await docker("network-create-app", "network", "create", "app");
    expect([created.code, created.stderr]).toEqual([0, ""]);
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const ls = await docker("network-ls", "network", "ls");
    expect(table(ls.stdout)).toEqual([
      ["NETWORK ID", "NAME", "DRIVER", "SCOPE"],
      ["<short-id>", "app", "bridge", "local"],
      ["<short-id>", "bridge", "bridge", "local"],
      ["<short-id>", "host", "host", "local"],
      ["<short-id>", "none", "null", "local"],
    ]);
  });

  it("a container run on app gets 172.18.0.2, and app cannot be removed while it runs", async () => {
    const run = await docker("run-d-network-app", "run", "-d", "--network", "app", "--name", "api", "nginx");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const ip = await docker("network-inspect-ip", "network", "inspect", "-f", "{{range .Containers}}{{.IPv4Address}}{{end}}", "app");
    expect(ip).toEqual({ code: 0, stdout: "172.18.0.2/16\n", stderr: "" });
    const rm = await docker("network-rm-in-use", "network", "rm", "app");
    expect([rm.code, rm.stdout]).toEqual([1, ""]);
    expect(normalise(rm.stderr)).toBe('Error response from daemon: error while removing network: network app has active endpoints (name:"api" id:"<short-id>")\nexit status 1\n');
  });

  it("docker network prune without a terminal to answer prints the prompt and removes nothing", async () => {
    const r = await docker("network-prune-declined", "network", "prune");
    expect(r).toEqual({ code: 0, stdout: "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ", stderr: "" });
  });

  it("docker volume create, ls and rm", async () => {
    expect(await docker("volume-create-data", "volume", "create", "data")).toEqual({ code: 0, stdout: "data\n", stderr: "" });
    const ls = await docker("volume-ls", "volume", "ls");
    expect(table(ls.stdout)).toEqual([["DRIVER", "VOLUME NAME"], ["local", "data"]]);
    expect(await docker("volume-rm-data", "volume", "rm", "data")).toEqual({ code: 0, stdout: "data\n", stderr: "" });
  });

  it("docker network rm of a missing network prints the error, then exit status 1; volume prune -f reports 0B", async () => {
    expect(await docker("network-rm-nope", "network", "rm", "nope")).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error response from daemon: network nope not found\nexit status 1\n",
    });
    expect(await docker("volume-prune-f", "volume", "prune", "-f")).toEqual({ code: 0, stdout: "Total reclaimed space: 0B\n", stderr: "" });
  });

  it("cleans up api and app", async () => {
    expect((await docker("rm-f-api", "rm", "-f", "api")).code).toBe(0);
    expect(await docker("network-rm-app", "network", "rm", "app")).toEqual({ code: 0, stdout: "app\n", stderr: "" });
  });
});

describe.skipIf(!hasDockerPy)("docker-py against docker-playground daemon", () => {
  let daemon: Daemon;

  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
  });
  afterAll(async () => {
    await daemon.close();
  });

  it("pings, runs alpine echo hi with remove=True and lists the pulled image", async () => {
    const script = join(import.meta.dirname, "docker_py_smoke.py");
    const r = await run("python3", [script], dockerEnv(daemon.addresses[0] ?? ""), 60_000);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ping: true,
      api_version: "1.50",
      run_output: "hi\n",
      image_tags: ["alpine:latest"],
      leftover_containers: 0,
    });
  });
});
