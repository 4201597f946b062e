// A container for the programs' tests: a catalog image's files under a writable layer, its
// environment, a fixed clock, and (optionally) a network of such containers on one user-defined
// network, so that programs run as they do in the engine without the rest of the daemon.
import { expect } from "vitest";
import type { ContainerRecord, EndpointSettings } from "../../../containers/container-record.js";
import type { EngineContext } from "../../../engine-context.js";
import { LayeredFs } from "../../../fs/layered-fs.js";
import { imageFs } from "../../../images/rootfs/testing/image-fs.js";
import { NetStack } from "../../../net/net-stack.js";
import { ManualClock } from "../../../ports.js";
import { ContainerProcess } from "../../container-process.js";
import { resolveCommand } from "../../resolve-command.js";

export interface Running {
  out: () => string;
  err: () => string;
  /** stdout and stderr in the order they were written (what a terminal shows). */
  all: () => string;
  code: () => number | undefined;
  process: ContainerProcess;
}

export interface TestContainer {
  id: string;
  clock: ManualClock;
  hostname: string;
  root: LayeredFs;
  env: string[];
  run(argv: string[], options?: { tty?: boolean; stdin?: boolean; user?: string; env?: string[] }): Running;
}

/** Containers on one network, sharing a clock: what `docker network create app` gives. */
export class TestNetwork {
  readonly clock = new ManualClock(Date.parse("2026-01-15T09:00:00Z"));
  private readonly records: ContainerRecord[] = [];
  readonly stack = new NetStack({ clock: this.clock } as unknown as EngineContext, () => this.records);

  container(ref: string, name: string, options: { network?: string } = {}): TestContainer {
    const index = this.records.length;
    const id = `${(index + 1).toString(16).padStart(2, "0")}${"c0ffee".repeat(10)}`.slice(0, 64);
    const hostname = id.slice(0, 12);
    const network = options.network ?? "app";
    const endpoint: EndpointSettings = {
      IPAMConfig: null, Links: null, Aliases: null, MacAddress: `02:42:ac:12:00:0${index + 2}`, DriverOpts: null, GwPriority: 0,
      NetworkID: `net-${network}`, EndpointID: `ep-${index}`, Gateway: "172.18.0.1", IPAddress: `172.18.0.${index + 2}`, IPPrefixLen: 16,
      IPv6Gateway: "", GlobalIPv6Address: "", GlobalIPv6PrefixLen: 0, DNSNames: [name, hostname],
    };
    this.records.push({
      Id: id, Name: `/${name}`, Config: { Hostname: hostname }, State: { Running: true, Restarting: false },
      HostConfig: { NetworkMode: network }, Networks: { [network]: endpoint }, Ports: {},
    } as unknown as ContainerRecord);
    return containerOf(ref, this.clock, { id, hostname, stack: this.stack });
  }
}

/** A container of its own, on no network. */
export function standalone(ref: string, clock = new ManualClock(Date.parse("2026-01-15T09:00:00Z"))): TestContainer {
  return containerOf(ref, clock, { id: "0123456789ab".padEnd(64, "0"), hostname: "0123456789ab", stack: undefined });
}

function containerOf(ref: string, clock: ManualClock, where: { id: string; hostname: string; stack: NetStack | undefined }): TestContainer {
  const { image, layers } = imageFs(ref);
  const root = new LayeredFs({ lowers: [...layers].reverse(), upper: new Map(), now: () => clock.now() });
  const env = [...(image.image.Config.Env ?? []), `HOSTNAME=${where.hostname}`];
  const cwd = image.image.Config.WorkingDir || "/";
  return {
    id: where.id,
    clock,
    hostname: where.hostname,
    root,
    env,
    run(argv, options = {}) {
      const allEnv = [...env, ...(options.env ?? [])];
      const resolved = resolveCommand(argv, allEnv, root, cwd);
      if (!resolved.ok) throw new Error(`cannot run ${argv.join(" ")}: ${resolved.reason}`);
      let out = "";
      let err = "";
      let all = "";
      let code: number | undefined;
      const process = new ContainerProcess({
        argv: resolved.argv,
        env: allEnv,
        hostname: where.hostname,
        tty: options.tty ?? false,
        init: false,
        pid1: false,
        openStdin: options.stdin ?? false,
        clock,
        fs: () => root,
        root,
        cwd,
        user: options.user ?? image.image.Config.User ?? "",
        ...(where.stack ? { net: { stack: where.stack, peer: { kind: "container" as const, id: where.id } } } : {}),
        onOutput: (stream, text) => {
          if (stream === "stdout") out += text;
          else err += text;
          all += text;
        },
        onExit: (c) => {
          code = c;
        },
      });
      process.start(resolved.program);
      return { out: () => out, err: () => err, all: () => all, code: () => code, process };
    },
  };
}

/** Turns of the host's event loop until `check` holds (just-bash works in promise chains). */
export async function until(check: () => boolean, turns = 400): Promise<void> {
  // eslint-disable-next-line no-restricted-globals
  for (let i = 0; i < turns && !check(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(check()).toBe(true);
}

/** Runs to the end, moving the clock on whenever the program waits on it. */
export async function finish(running: Running, clock: ManualClock, step = 1000): Promise<Running> {
  for (let i = 0; i < 2000 && running.code() === undefined; i++) {
    // eslint-disable-next-line no-restricted-globals
    await new Promise((r) => setTimeout(r, 1));
    if (running.code() === undefined && clock.pending > 0) clock.advance(step);
  }
  expect(running.code()).not.toBeUndefined();
  return running;
}
