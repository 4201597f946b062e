// A corpus of command lines run twice, side by side: the real docker CLI 28.2.2 against our
// daemon, and our CLI against a fresh in-process engine. Their stdout, stderr and exit codes
// must agree once ids, times and table padding are normalised (DESIGN.md section 8).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliHarness } from "../../src/cli/testing/harness.js";
import { startDaemon, type Daemon } from "../../src/node/index.js";
import { normalise, onPath } from "./docker-cli-runner.js";

const corpus = [
  "pull alpine", "pull nginx:alpine", "images --format json", "images --format {{.Repository}}:{{.Tag}}", "image ls alpine",
  "images -a --no-trunc", "images --format {{.ID", "run -d --name web -p 8080:80 -p 8443:443 -e A=1 -l app=demo nginx:alpine",
  "ps --format json", "ps --no-trunc", "ps -s", "ps --filter label=app=demo", "ps --filter status=exited", "ps -n 1",
  "ps --format table{{.Names}}\\t{{.Labels}}", "ps --format {{", "ps -a --format {{.Nope}}", "create --name c1 alpine echo hi",
  "start -a c1", "ps -a --filter exited=0", "logs --tail 1 c1", "inspect -f {{.HostConfig.RestartPolicy.Name}} c1",
  "inspect --format {{ alpine", "inspect --type container nope", "container inspect nope", "network inspect nope",
  "volume inspect nope", "logs nope", "start nope", "restart nope", "rm nope", "kill nope", "port nope", "rm web", "rm -f web",
  "kill c1", "stop nope", "run --rm -e B=2 alpine printenv B", "run alpine false", "run --restart always --rm alpine",
  "run -p 99999:80 nginx", "run -p abc nginx", "run --name x! alpine", "create --name s alpine",
  "inspect --type image alpine --format {{.Os}}", "image inspect nope", "rmi nope", "tag alpine myalp:1", "tag alpine Bad:1",
  "tag nope x:1", "rmi myalp:1", "volume ls", "network ls", "network create app", "network ls --format {{.Name}}",
  "container ls --filter name=c", "version --format {{.Client.Version}}",
];

const ages = /\b(\d+|About an?) (hours?|days|weeks|months|years) ago\b/g;
const normal = (text: string) =>
  normalise(text).replace(ages, "<age> ago").replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC/g, "<created>").replace(/ {2,}/g, "  ");

function realDocker(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) =>
    execFile("docker", args, { env, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, exitCode: error ? (typeof error.code === "number" ? error.code : 1) : 0 }),
    ),
  );
}

describe.skipIf(!onPath("docker"))("our CLI and the real docker CLI, line by line", () => {
  let daemon: Daemon;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"] });
    const config = mkdtempSync(join(tmpdir(), "docker-config-"));
    env = { PATH: process.env["PATH"], HOME: config, DOCKER_CONFIG: config, DOCKER_HOST: `tcp://${daemon.addresses[0]}` };
  });
  afterAll(() => daemon.close());

  it(`agree on all ${corpus.length} lines`, async () => {
    const ours = new CliHarness();
    const differences: string[] = [];
    for (const line of corpus) {
      const argv = line.split(" ").map((a) => a.replace(/\\t/g, "\t"));
      const real = await realDocker(argv, env);
      const mine = await ours.docker(...argv);
      const a = { exitCode: real.exitCode, stdout: normal(real.stdout), stderr: normal(real.stderr) };
      const b = { exitCode: mine.exitCode, stdout: normal(mine.stdout), stderr: normal(mine.stderr) };
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`docker ${line}\n  real: ${JSON.stringify(a)}\n  ours: ${JSON.stringify(b)}`);
    }
    expect(differences).toEqual([]);
  }, 120_000);
});
