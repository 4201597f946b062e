import * as jb from "just-bash";
import { describe, expect, it } from "vitest";
import { exportedEnv, StateCarrier, type ShellState } from "./shell-state.js";

const start: ShellState = {
  cwd: "/home/learner",
  vars: { HOME: "/home/learner", PATH: "/usr/bin:/bin", PWD: "/home/learner" },
  exported: ["HOME", "PATH", "PWD"],
  status: 0,
};

function setup() {
  const fs = new jb.InMemoryFs();
  fs.mkdirSync("/home/learner", { recursive: true });
  fs.mkdirSync("/tmp", { recursive: true });
  const carrier = new StateCarrier(jb);
  // A new interpreter per line proves the state travels with us, not inside just-bash.
  const bash = () => {
    const b = new jb.Bash({ fs, cwd: "/home/learner", customCommands: [carrier.command], defenseInDepth: false });
    b.registerTransformPlugin(carrier.plugin);
    return b;
  };
  const signal = new AbortController().signal;
  return { carrier, bash, signal };
}

describe("StateCarrier", () => {
  it("carries cwd, variables, export flags and $? from one line to the next", async () => {
    const { carrier, bash, signal } = setup();
    const first = await carrier.exec(bash(), "cd /tmp; export SHOWN=1; HIDDEN=2; false", start, signal);
    expect(first.result.exitCode).toBe(1);
    expect(first.state).toMatchObject({ cwd: "/tmp", status: 1, vars: { SHOWN: "1", HIDDEN: "2", PWD: "/tmp" } });
    expect(first.state && exportedEnv(first.state)).toMatchObject({ SHOWN: "1" });
    expect(first.state && exportedEnv(first.state)).not.toHaveProperty("HIDDEN");
    const state = first.state ?? start;
    // A child shell sees exported variables only (just-bash's env prints every variable).
    const line = `echo $?; pwd; echo $HIDDEN; bash -c 'echo "[$SHOWN] [$HIDDEN]"'`;
    const second = await carrier.exec(bash(), line, state, signal);
    expect(second.result.stdout).toBe("1\n/tmp\n2\n[1] []\n");
  });

  it("keeps the exit status of the learner's line, not of its own capture", async () => {
    const { carrier, bash, signal } = setup();
    const { result, state } = await carrier.exec(bash(), "(exit 7)", start, signal);
    expect(result.exitCode).toBe(7);
    expect(state?.status).toBe(7);
  });

  it("reports no state when the line ends early, so the previous one stands", async () => {
    const { carrier, bash, signal } = setup();
    expect((await carrier.exec(bash(), "cd /tmp; exit 3", start, signal)).state).toBeUndefined();
  });

  it("keeps the state of a line that does not parse, with its error status", async () => {
    const { carrier, bash, signal } = setup();
    const { state } = await carrier.exec(bash(), "echo 'open quote", start, signal);
    expect(state).toEqual({ ...start, status: 2 });
  });

  it("adds its statements to the syntax tree, where no open here-document can swallow them", async () => {
    const { carrier, bash, signal } = setup();
    const { result, state } = await carrier.exec(bash(), "cd /tmp; cat <<EOF\nno end marker", start, signal);
    expect(result.stdout).toBe("no end marker\n");
    expect(state?.cwd).toBe("/tmp");
  });
});
