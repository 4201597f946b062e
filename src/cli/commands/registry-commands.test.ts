import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

const configPath = "/home/learner/.docker/config.json";
const insecure = "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n";
const unencrypted =
  "\nWARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";

interface TtyRecording {
  argv: string[];
  input: string[];
  exitCode: number;
  output: string;
}

/** The real docker CLI 28.2.2 on a pseudo-terminal (Python pty) against our daemon, config dir renamed to ~/.docker. */
const tty = JSON.parse(readFileSync(join(import.meta.dirname, "..", "testdata", "registry-tty.json"), "utf8")) as Record<string, TtyRecording>;

/** What the program wrote, without the pty's doing: its CR before each LF and its echo of typed lines. */
function programOutput(recording: TtyRecording, echoed: string[]): string {
  let text = recording.output.replace(/\r\n/g, "\n");
  for (const line of echoed) text = text.replace(`${line}\n`, "");
  return text;
}

async function loggedIn(): Promise<CliHarness> {
  const cli = new CliHarness();
  await cli.docker("login", "-u", "learner", "-p", "playground");
  return cli;
}

describe("docker login", () => {
  it("keeps the credentials in config.json as docker writes it, and warns that they are in plain text", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("login", "-u", "learner", "-p", "playground")).toEqual({ stdout: "Login Succeeded\n", stderr: insecure + unencrypted, exitCode: 0 });
    expect(cli.files.get(configPath)).toBe('{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "bGVhcm5lcjpwbGF5Z3JvdW5k"\n\t\t}\n\t}\n}');
  });

  it("relays the Hub's refusal and stores nothing", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("login", "-u", "learner", "-p", "nope")).toEqual({
      stdout: "",
      stderr: `${insecure}Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n`,
      exitCode: 1,
    });
    expect(cli.files.has(configPath)).toBe(false);
  });

  it("cannot prompt without a terminal on stdin", async () => {
    const cli = new CliHarness();
    const error = { stdout: "", stderr: "Error: Cannot perform an interactive login from a non TTY device\n", exitCode: 1 };
    expect(await cli.docker("login")).toEqual(error);
    expect(await cli.docker("login", "-u", "learner")).toEqual(error);
    expect(await cli.dockerPiped("", "login", "-u", "learner", "--password-stdin")).toEqual(error);
  });

  it("reads --password-stdin up to EOF, without the final newline; unchanged credentials are not rewritten", async () => {
    const cli = new CliHarness();
    expect(await cli.dockerPiped("playground\n", "login", "-u", "learner", "--password-stdin")).toEqual({ stdout: "Login Succeeded\n", stderr: unencrypted, exitCode: 0 });
    expect(await cli.dockerPiped("playground\r\n", "login", "-u", "learner", "--password-stdin")).toEqual({ stdout: "Login Succeeded\n", stderr: "", exitCode: 0 });
  });

  it("tries the stored credentials first", async () => {
    const cli = await loggedIn();
    expect(await cli.docker("login")).toEqual({
      stdout: "Login Succeeded\n",
      stderr: "Authenticating with existing credentials... [Username: learner]\n\n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n",
      exitCode: 0,
    });
  });

  it("says stored credentials went stale, then needs a prompt", async () => {
    const cli = new CliHarness();
    cli.files.set(configPath, JSON.stringify({ auths: { "https://index.docker.io/v1/": { auth: "bGVhcm5lcjpvbGQ=" } } }));
    const result = await cli.docker("login");
    expect(result.stderr).toMatch(/\n\n\nStored credentials invalid or expired\nError: Cannot perform an interactive login from a non TTY device\n$/);
    expect(result.exitCode).toBe(1);
  });

  it("checks its flags as docker does", async () => {
    const cli = new CliHarness();
    expect((await cli.docker("login", "--password-stdin")).stderr).toBe("the --password-stdin option requires --username to be set\n");
    expect((await cli.docker("login", "-u", "a", "-p", "b", "--password-stdin")).stderr).toBe("conflicting options: cannot specify both --password and --password-stdin\n");
    expect((await cli.docker("login", "-u", "", "-p", "b")).stderr).toBe("username is empty\n");
    expect((await cli.docker("login", "-u", "a", "-p", "")).stderr).toBe("password is empty\n");
  });

  it("fails to reach a registry on localhost when no registry container runs", async () => {
    const cli = new CliHarness();
    expect((await cli.docker("login", "localhost:5000", "-u", "a", "-p", "b")).stderr).toBe(
      `${insecure}Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n`,
    );
  });

  it("prompts on a terminal, byte for byte as docker 28.2.2 does when the web login cannot start", async () => {
    const cli = new CliHarness();
    const recording = tty["login-prompts"];
    if (!recording) throw new Error("no recording");
    const run = cli.terminal(...recording.argv);
    await run.waitFor("Username: ");
    run.type("learner\r");
    await run.waitFor("Password: ");
    run.type("playground\r");
    expect(await run.exitCode).toBe(recording.exitCode);
    expect(run.output()).toBe(programOutput(recording, ["learner"]));
    expect(cli.files.get(configPath)).toContain("bGVhcm5lcjpwbGF5Z3JvdW5k");
  });

  it("requires a password typed at the prompt", async () => {
    const cli = new CliHarness();
    const recording = tty["login-password-required"];
    if (!recording) throw new Error("no recording");
    const run = cli.terminal(...recording.argv);
    await run.waitFor("Password: ");
    run.type("\r");
    expect(await run.exitCode).toBe(recording.exitCode);
    expect(run.output()).toBe(programOutput(recording, []));
  });

  it("colours its note on a terminal", async () => {
    const cli = await loggedIn();
    const recording = tty["login-stored"];
    if (!recording) throw new Error("no recording");
    const run = cli.terminal(...recording.argv);
    expect(await run.exitCode).toBe(0);
    expect(run.output()).toBe(programOutput(recording, []));
  });
});

describe("docker logout", () => {
  it("forgets Docker Hub's credentials and leaves an empty auths map", async () => {
    const cli = await loggedIn();
    expect(await cli.docker("logout")).toEqual({ stdout: "Removing login credentials for https://index.docker.io/v1/\n", stderr: "", exitCode: 0 });
    expect(cli.files.get(configPath)).toBe('{\n\t"auths": {}\n}');
  });

  it("names another registry by host, and succeeds with nothing to forget", async () => {
    const cli = new CliHarness();
    expect(await cli.docker("logout", "http://localhost:5000/v2/")).toEqual({ stdout: "Removing login credentials for localhost:5000\n", stderr: "", exitCode: 0 });
    expect(cli.files.has(configPath)).toBe(false);
  });
});

describe("docker push", () => {
  async function withApp(cli: CliHarness): Promise<void> {
    await cli.docker("pull", "-q", "alpine");
    await cli.docker("tag", "alpine", "learner/app:1");
  }

  it("is denied without a login", async () => {
    const cli = new CliHarness();
    await withApp(cli);
    const result = await cli.docker("push", "learner/app:1");
    expect(result.stdout).toMatch(/^The push refers to repository \[docker\.io\/learner\/app\]\n[0-9a-f]{12}: Preparing\n$/);
    expect(result.stderr).toBe("denied: requested access to the resource is denied\n");
    expect(result.exitCode).toBe(1);
  });

  it("sends the stored credentials and prints the digest, or only the reference with -q", async () => {
    const cli = await loggedIn();
    await withApp(cli);
    const result = await cli.docker("push", "learner/app:1");
    expect(result.stdout).toMatch(/\n[0-9a-f]{12}: Mounted from library\/alpine\n1: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    expect(await cli.docker("push", "-q", "learner/app:1")).toEqual({ stdout: "docker.io/learner/app:1\n", stderr: "", exitCode: 0 });
  });

  it("redraws the layer lines on a terminal", async () => {
    const cli = await loggedIn();
    await cli.docker("pull", "-q", "alpine");
    await cli.docker("tag", "alpine", "learner/tty:1");
    await cli.docker("push", "learner/tty:1");
    const recording = tty["push-exists"];
    if (!recording) throw new Error("no recording");
    const run = cli.terminal(...recording.argv);
    expect(await run.exitCode).toBe(0);
    expect(run.output()).toBe(programOutput(recording, []));
  });

  it("names the default tag, and refuses a tag with -a or a digest", async () => {
    const cli = await loggedIn();
    expect(await cli.docker("push", "learner/app")).toEqual({
      stdout: "Using default tag: latest\nThe push refers to repository [docker.io/learner/app]\n",
      stderr: "An image does not exist locally with the tag: learner/app\n",
      exitCode: 1,
    });
    expect((await cli.docker("push", "-a", "learner/app:1")).stderr).toBe("tag can't be used with --all-tags/-a\n");
    expect((await cli.docker("push", `learner/app@sha256:${"a".repeat(64)}`)).stderr).toBe("cannot push a digest reference\n");
  });

  it("fails as the daemon does when no registry listens on localhost:5000", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "-q", "alpine");
    await cli.docker("tag", "alpine", "localhost:5000/app:1");
    expect(await cli.docker("push", "localhost:5000/app:1")).toEqual({
      stdout: "The push refers to repository [localhost:5000/app]\n",
      stderr: 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n',
      exitCode: 1,
    });
  });
});

describe("docker search", () => {
  it("cuts descriptions at 45 columns and marks official images", async () => {
    const { stdout } = await new CliHarness().docker("search", "--limit", "2", "redis");
    expect(stdout.split("\n")[0]).toBe("NAME      DESCRIPTION                                     STARS     OFFICIAL");
    expect(stdout.split("\n")[1]).toMatch(/^redis {5}.{44}… {3}\d+ +\[OK\]$/);
  });

  it("prints booleans as true/false in JSON and warns about is-automated", async () => {
    const cli = new CliHarness();
    const { stdout } = await cli.docker("search", "--format", "{{json .}}", "--limit", "1", "alpine");
    expect(JSON.parse(stdout)).toEqual({ Description: expect.any(String), IsOfficial: "true", Name: "alpine", StarCount: expect.stringMatching(/^\d+$/) });
    expect(await cli.docker("search", "-f", "is-automated=true", "alpine")).toEqual({
      stdout: "NAME      DESCRIPTION   STARS     OFFICIAL\n",
      stderr: 'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n',
      exitCode: 0,
    });
  });
});

describe("docker history", () => {
  it("shows the steps newest first, with -q the ids and --no-trunc -H=false the raw values", async () => {
    const cli = new CliHarness();
    await cli.docker("pull", "-q", "alpine");
    const table = (await cli.docker("history", "alpine")).stdout.split("\n");
    expect(table[0]).toBe("IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT");
    expect(table[2]).toMatch(/^<missing> {6}\d+ months ago {3}ADD alpine-minirootfs-3\.22\.2-x86_64\.tar\.gz \/… {3}8\.31MB {4}buildkit\.dockerfile\.v0$/);
    expect((await cli.docker("history", "-q", "alpine")).stdout).toMatch(/^[0-9a-f]{12}\n<missing>\n$/);
    expect((await cli.docker("history", "--no-trunc", "-H=false", "--format", "{{.ID}} {{.CreatedSince}} {{.Size}}", "alpine")).stdout).toMatch(
      /^sha256:[0-9a-f]{64} 2025-10-08T11:04:53Z 0\n<missing> 2025-10-08T11:04:53Z 8314032\n$/,
    );
  });

  it("answers No such image for an image it does not have", async () => {
    expect(await new CliHarness().docker("history", "nope")).toEqual({ stdout: "", stderr: "Error response from daemon: No such image: nope:latest\n", exitCode: 1 });
  });
});
