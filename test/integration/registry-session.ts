// A learner's session with registries: logging in to the simulated Docker Hub, pushing to their
// own namespace and back, searching, reading an image's history. registry-cli.test.ts runs it
// with the real docker CLI against our daemon (and records fixtures/registry/*.txt);
// registry-cli-matches.test.ts replays the recordings through our own CLI.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface SessionStep {
  name: string;
  argv: string[];
  /** Piped to stdin (the real CLI gets /dev/null otherwise). */
  input?: string;
}

const step = (name: string, ...argv: string[]): SessionStep => ({ name, argv });

export const registrySession: SessionStep[] = [
  step("login-no-tty", "login"),
  step("login-wrong-password", "login", "-u", "learner", "-p", "wrong"),
  step("pull-alpine", "pull", "-q", "alpine"),
  step("tag-learner-app", "tag", "alpine", "learner/app:1"),
  step("push-denied", "push", "learner/app:1"),
  step("push-no-local-image", "push", "learner/nothing"),
  step("login", "login", "-u", "learner", "-p", "playground"),
  step("login-stored", "login"),
  step("push-mounted", "push", "learner/app:1"),
  step("push-exists", "push", "learner/app:1"),
  step("push-quiet", "push", "-q", "learner/app:1"),
  step("push-official", "push", "alpine"),
  step("push-missing-tag", "push", "learner/app:2"),
  step("push-all-with-tag", "push", "-a", "learner/app:1"),
  step("rmi-learner-app", "rmi", "learner/app:1"),
  step("pull-pushed", "pull", "learner/app:1"),
  step("pull-missing-tag", "pull", "learner/app:2"),
  step("images-digests", "images", "--digests"),
  step("search-alpine", "search", "alpine"),
  step("search-no-trunc-limit", "search", "--no-trunc", "--limit", "3", "a"),
  step("search-json", "search", "--format", "{{json .}}", "learner"),
  step("search-official-only", "search", "--filter", "is-official=true", "--format", "{{.Name}}: {{.StarCount}} {{.IsOfficial}}", "node"),
  step("search-automated", "search", "--filter", "is-automated=true", "alpine"),
  step("search-bad-stars", "search", "--filter", "stars=x", "alpine"),
  step("history-alpine", "history", "alpine"),
  step("history-not-human", "history", "-H=false", "--no-trunc", "alpine"),
  step("history-quiet", "history", "-q", "learner/app:1"),
  step("history-json", "history", "--format", "json", "alpine"),
  step("tag-local-registry", "tag", "alpine", "localhost:5000/app:1"),
  step("push-no-registry", "push", "localhost:5000/app:1"),
  step("pull-no-registry", "pull", "localhost:5000/app:1"),
  step("logout", "logout"),
  step("login-after-logout", "login"),
  { name: "login-password-stdin", argv: ["login", "-u", "learner", "--password-stdin"], input: "playground\n" },
  step("logout-local-registry", "logout", "localhost:5000"),
];

/** The config directory the fixtures name, whatever temporary one the recording used. */
export const configDir = "/home/learner/.docker";

export interface Recorded {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const fixturesDir = join(import.meta.dirname, "fixtures", "registry");

/** A recording: `--- exit N`, `--- stdout`, text, `--- stderr`, text (each stream as printed). */
export function serialize(r: Recorded): string {
  return `--- exit ${r.exitCode}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

export function loadRecording(name: string): Recorded {
  const text = readFileSync(join(fixturesDir, `${name}.txt`), "utf8");
  const match = /^--- exit (\d+)\n--- stdout\n([\s\S]*)--- stderr\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`fixture ${name}.txt is malformed`);
  return { exitCode: Number(match[1]), stdout: match[2] ?? "", stderr: match[3] ?? "" };
}

/** Ids and digests are the same from run to run (the catalog is content-addressed); ages are not. */
export function normalise(text: string): string {
  return sameImageRowsSorted(text.replace(/\b(\d+|About an?|Less than a) (seconds?|minutes?|hours?|days|weeks|months|years|second) ago\b/g, "<age> ago"));
}

/**
 * `docker images` prints an image known under several repositories once per repository, in the
 * order of a Go map: random from run to run. Rows of one image are compared as a sorted set.
 */
function sameImageRowsSorted(text: string): string {
  if (!text.startsWith("REPOSITORY")) return text;
  const lines = text.split("\n");
  const idOf = (line: string) => /\b[0-9a-f]{12}\b/.exec(line)?.[0];
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && idOf(lines[j] ?? "") !== undefined && idOf(lines[j] ?? "") === idOf(lines[i] ?? "")) j++;
    out.push(...lines.slice(i, j).sort());
    i = j;
  }
  return out.join("\n");
}
