// docker events, stats (streaming), system df, system prune, image prune and builder prune,
// through the whole CLI on an in-process engine.
import { describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";
import { runDocker } from "../docker.js";
import type { CliIo } from "../io.js";

/** A CLI run that can be interrupted (Ctrl-C) while the test moves the engine clock. */
function live(cli: CliHarness, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const listeners: (() => void)[] = [];
  const signal = { aborted: false, addEventListener: (_: "abort", fn: () => void) => void listeners.push(fn) };
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: true,
    columns: 80,
    env: {},
    now: () => cli.clock.now(),
    randomFill: cli.randomFill,
    signal,
  };
  const done = runDocker(argv, io, cli.client);
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    interrupt: async () => {
      signal.aborted = true;
      for (const fn of listeners) fn();
      return done;
    },
    done,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

async function withContainers() {
  const cli = new CliHarness();
  await cli.docker("run", "-d", "--name", "web", "-l", "tier=front", "nginx");
  cli.clock.advance(1000);
  await cli.docker("run", "--name", "job", "alpine", "true");
  cli.clock.advance(1000);
  return cli;
}

describe("docker events", () => {
  it("prints past events between --since and --until, one line each with sorted attributes", async () => {
    const cli = await withContainers();
    cli.clock.advance(60_000);
    const { stdout, exitCode } = await cli.docker("events", "--since", "2026-01-15T09:00:01Z", "--until", "2026-01-15T09:00:02Z", "--filter", "type=container");
    expect(exitCode).toBe(0);
    const job = (await cli.docker("inspect", "-f", "{{.Id}}", "job")).stdout.trim();
    expect(stdout).toBe(
      [
        `2026-01-15T09:00:01.000000000Z container create ${job} (image=alpine, name=job)`,
        // docker run attaches before it starts the container.
        `2026-01-15T09:00:01.000000000Z container attach ${job} (image=alpine, name=job)`,
        `2026-01-15T09:00:01.000000000Z container start ${job} (image=alpine, name=job)`,
        `2026-01-15T09:00:01.000000000Z container die ${job} (execDuration=0, exitCode=0, image=alpine, name=job)`,
        "",
      ].join("\n"),
    );
  });

  it("reads durations relative to now, and --format json and templates", async () => {
    const cli = await withContainers();
    // --until 1s: a second before now, so the stream ends without waiting on the engine clock.
    const json = await cli.docker("system", "events", "--since", "90s", "--until", "1s", "--filter", "event=die", "--format", "json");
    const [line] = json.stdout.trim().split("\n");
    expect(JSON.parse(line ?? "")).toMatchObject({ status: "die", Type: "container", Action: "die", Actor: { Attributes: { exitCode: "0", name: "job" } }, scope: "local" });
    expect(line).toMatch(/^\{"status":"die","id":"[0-9a-f]{64}","from":"alpine","Type":"container","Action":"die",/);
    const tmpl = await cli.docker("events", "--since", "90s", "--until", "1s", "--filter", "container=web", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.tier}}");
    expect(tmpl.stdout).toBe("container create front\ncontainer start front\n");
  });

  it("refuses a bad --format before asking the daemon, with status 64", async () => {
    const cli = new CliHarness();
    const result = await cli.docker("events", "--format", "{{.Bogus}}");
    expect(result.exitCode).toBe(64);
    expect(result.stderr).toMatch(/^Error parsing format: template: :1:2: executing "" at <\.Bogus>: can't evaluate field Bogus in type \*events\.Message\n$/);
  });

  it("words a bad --since as Go does", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("events", "--since", "yesterday")).toEqual({ stdout: "", stderr: 'failed to parse value as time or duration: "yesterday"\n', exitCode: 1 });
    expect((await cli.docker("events", "--since", "2026-13-01")).stderr).toBe('parsing time "2026-13-01": month out of range\n');
  });

  it("streams until Ctrl-C, exiting 130", async () => {
    const cli = await withContainers();
    const run = live(cli, "events", "--filter", "event=pause");
    await settle();
    await cli.docker("pause", "web");
    await settle();
    expect(run.stdout).toMatch(/^2026-01-15T09:00:02\.000000000Z container pause [0-9a-f]{64} \(image=nginx, .*name=web, tier=front\)\n$/);
    expect(await run.interrupt()).toBe(130);
  });
});

describe("docker stats", () => {
  it("redraws in place as the daemon sends a frame a second, with docker's escape sequences", async () => {
    const cli = await withContainers();
    const run = live(cli, "stats", "--format", "{{.Name}} {{.MemUsage}}");
    await settle();
    const table = "web 9.6MiB / 7.653GiB\n";
    const frame = `\x1b[H${table}\x1b[Hweb 9.6MiB / 7.653GiB \x1b[K\n \x1b[K\n\x1b[J`;
    expect(run.stdout).toBe(frame);
    cli.clock.advance(1000);
    await settle();
    expect(run.stdout).toBe(frame + frame);
    expect(await run.interrupt()).toBe(130);
    expect(run.stdout.endsWith(`\x1b[H-- / --\n\x1b[H-- / -- \x1b[K\n \x1b[K\n\x1b[J`.replace("-- / --\n", "web -- / --\n").replace("-- / -- ", "web -- / -- "))).toBe(true);
  });

  it("follows containers starting and stopping when no names are given", async () => {
    const cli = await withContainers();
    const run = live(cli, "stats", "--format", "{{.Name}}");
    await settle();
    await cli.docker("start", "job");
    await cli.docker("run", "-d", "--name", "cache", "redis");
    await settle();
    cli.clock.advance(1000);
    await settle();
    expect(run.stdout.split("\x1b[J").at(-2)).toContain("\x1b[Hweb\ncache\n");
    await cli.docker("stop", "web");
    await settle();
    expect(run.stdout.split("\x1b[J").at(-2)).toBe("\x1b[Hcache\n\x1b[Hcache \x1b[K\n \x1b[K\n");
    await run.interrupt();
  });

  it("shows CPU use from the previous sample", async () => {
    const cli = new CliHarness();
    await cli.docker("run", "-d", "--name", "cache", "redis");
    cli.clock.advance(5000);
    expect((await cli.docker("stats", "--no-stream", "--format", "{{.CPUPerc}}", "cache")).stdout).toBe("0.21%\n");
  });

  it("reports unknown containers before printing anything", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("stats", "nope")).toEqual({ stdout: "", stderr: "Error response from daemon: No such container: nope\n", exitCode: 1 });
  });
});

describe("docker system df", () => {
  it("sums images, containers, volumes and build cache", async () => {
    const cli = await withContainers();
    await cli.docker("volume", "create", "data");
    const { stdout } = await cli.docker("system", "df");
    expect(stdout).toBe(
      [
        "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE",
        "Images          2         2         200.4MB   0B (0%)",
        "Containers      2         1         1.095kB   0B (0%)",
        "Local Volumes   1         0         0B        0B",
        "Build Cache     0         0         0B        0B",
        "",
      ].join("\n"),
    );
    expect((await cli.docker("system", "df", "--format", "{{.Type}}: {{.Reclaimable}}")).stdout).toBe("Images: 0B (0%)\nContainers: 0B (0%)\nLocal Volumes: 0B\nBuild Cache: 0B\n");
    expect(JSON.parse((await cli.docker("system", "df", "--format", "json")).stdout.split("\n")[0] ?? "")).toEqual({
      Active: "2", Reclaimable: "0B (0%)", Size: "200.4MB", TotalCount: "2", Type: "Images",
    });
  });

  it("breaks usage down object by object with -v", async () => {
    const cli = await withContainers();
    const { stdout } = await cli.docker("system", "df", "-v");
    const lines = stdout.split("\n").map((l) => l.replace(/ {2,}/g, "|"));
    expect(lines).toEqual([
      "Images space usage:",
      "",
      "REPOSITORY|TAG|IMAGE ID|CREATED|SIZE|SHARED SIZE|UNIQUE SIZE|CONTAINERS",
      expect.stringMatching(/^nginx\|latest\|2a9a7ddbff6a\|\d+ months ago\|192MB\|0B\|192MB\|1$/),
      expect.stringMatching(/^alpine\|latest\|3869dd0d41b0\|\d+ months ago\|8\.31MB\|0B\|8\.314MB\|1$/),
      "",
      "Containers space usage:",
      "",
      "CONTAINER ID|IMAGE|COMMAND|LOCAL VOLUMES|SIZE|CREATED|STATUS|NAMES",
      expect.stringMatching(/^[0-9a-f]{12}\|alpine\|"true"\|0\|0B\|1 second ago\|Exited \(0\) 1 second ago\|job$/),
      expect.stringMatching(/^[0-9a-f]{12}\|nginx\|"\/docker-entrypoint\.…"\|0\|1\.09kB\|2 seconds ago\|Up 2 seconds\|web$/),
      "",
      "Local Volumes space usage:",
      "",
      "VOLUME NAME|LINKS|SIZE",
      "",
      "Build cache usage: 0B",
      "",
      "CACHE ID|CACHE TYPE|SIZE|CREATED|LAST USED|USAGE|SHARED",
      "",
    ]);
  });
});

describe("the prunes", () => {
  it("ask first, and a missing answer is no: the question and nothing else, status 0", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("image", "prune")).toEqual({ stdout: "WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ", stderr: "", exitCode: 0 });
    expect((await cli.docker("system", "prune", "--filter", "label=x", "--filter", "label!=y")).stdout).toBe(
      "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\n" +
        "  Items to be pruned will be filtered with:\n  - label!=y\n  - label=x\n\nAre you sure you want to continue? [y/N] ",
    );
    expect((await cli.docker("system", "prune", "-a", "--volumes")).stdout).toContain("  - all anonymous volumes not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n");
    expect((await cli.docker("builder", "prune")).stdout).toBe("WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ");
  });

  it("image prune removes dangling images and reports untagged and deleted lines", async () => {
    const cli = await withContainers();
    await cli.docker("pull", "-q", "redis");
    await cli.docker("tag", "alpine", "redis:latest");
    const { stdout } = await cli.docker("image", "prune", "-f");
    expect(stdout).toMatch(/^Deleted Images:\nuntagged: redis@sha256:[0-9a-f]{64}\ndeleted: sha256:[0-9a-f]{64}\n(deleted: sha256:[0-9a-f]{64}\n)+\nTotal reclaimed space: 137\.1MB\n$/);
    expect((await cli.docker("image", "prune", "-f")).stdout).toBe("Total reclaimed space: 0B\n");
  });

  it("image prune -a leaves images containers use, and filters by label", async () => {
    const cli = await withContainers();
    await cli.docker("pull", "-q", "busybox");
    expect((await cli.docker("image", "prune", "-a", "-f", "--filter", "label=nope")).stdout).toBe("Total reclaimed space: 0B\n");
    const { stdout } = await cli.docker("image", "prune", "-a", "-f");
    expect(stdout).toMatch(/^Deleted Images:\nuntagged: busybox:latest\nuntagged: busybox@sha256:[0-9a-f]{64}\ndeleted: sha256:[0-9a-f]{64}\ndeleted: sha256:[0-9a-f]{64}\n\nTotal reclaimed space: 4\.\d+MB\n$/);
    expect((await cli.docker("images", "--format", "{{.Repository}}")).stdout).toBe("nginx\nalpine\n");
  });

  it("builder prune frees nothing; system prune runs every prune in docker's order", async () => {
    const cli = await withContainers();
    expect(await cli.docker("builder", "prune", "-f")).toMatchObject({ stdout: "Total reclaimed space: 0B\n", exitCode: 0 });
    await cli.docker("network", "create", "spare");
    const job = (await cli.docker("inspect", "-f", "{{.Id}}", "job")).stdout.trim();
    expect((await cli.docker("system", "prune", "-f")).stdout).toBe(`Deleted Containers:\n${job}\n\nDeleted Networks:\nspare\n\nTotal reclaimed space: 0B\n`);
    expect(await cli.docker("system", "prune", "--volumes", "--filter", "until=1h", "-f")).toEqual({ stdout: "", stderr: 'ERROR: The "until" filter is not supported with "--volumes"\n', exitCode: 1 });
  });
});
