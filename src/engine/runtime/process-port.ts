// The ProcessContext a program is handed: the process's fixed facts, live views (its files, the
// terminal size, whether it has exited) and the calls it makes. Every running container holds
// one, so it is a class: one shared shape, with the getters and the calls on the prototype
// rather than a closure per call per process. Call them on the context (`ctx.stdout(text)`);
// a wrapper made with Object.create(ctx) inherits them.
import type { IFileSystem } from "just-bash";
import type { LayeredFs } from "../fs/layered-fs.js";
import type { NetStack, Peer } from "../net/net-stack.js";
import type { Clock } from "../ports.js";
import type { ProcessEntry } from "./process-table.js";
import type { NetworkEndpoint, ProcessContext } from "./program.js";

/** What the port needs of the process behind it (ContainerProcess). */
export interface PortHost {
  readonly size: { cols: number; rows: number };
  readonly exited: boolean;
  files(): IFileSystem | undefined;
  readInput(): Promise<string | null>;
  pace(): Promise<void>;
  output(stream: "stdout" | "stderr", text: string): void;
  finish(code: number): void;
  sleep(ms: number): Promise<boolean>;
}

export interface PortFacts {
  argv: string[];
  env: string[];
  hostname: string;
  tty: boolean;
  clock: Clock;
  root?: LayeredFs;
  /** ProcessContext.unmounted: no mount over or under the path. */
  unmounted?: (path: string) => boolean;
  cwd?: string;
  user?: string;
  net?: { stack: NetStack; peer: Peer; endpoints?(): NetworkEndpoint[] };
  processes?: () => ProcessEntry[];
}

export class ProcessPort implements ProcessContext {
  declare processes?: () => ProcessEntry[];

  constructor(
    private readonly host: PortHost,
    private readonly facts: PortFacts,
  ) {
    // Called on the port, it must run on the facts (a method of the container's Live).
    if (facts.processes) this.processes = () => facts.processes?.() ?? [];
  }

  // The fixed facts are read from the process's own record rather than copied: a running
  // container holds one port, and the fewer fields it carries the better.
  get argv(): string[] {
    return this.facts.argv;
  }

  get env(): string[] {
    return this.facts.env;
  }

  get hostname(): string {
    return this.facts.hostname;
  }

  get tty(): boolean {
    return this.facts.tty;
  }

  get clock(): Clock {
    return this.facts.clock;
  }

  get root(): LayeredFs | undefined {
    return this.facts.root;
  }

  get net(): { stack: NetStack; peer: Peer; endpoints?(): NetworkEndpoint[] } | undefined {
    return this.facts.net;
  }

  get cwd(): string {
    return this.facts.cwd || "/";
  }

  get user(): string {
    return this.facts.user ?? "";
  }

  unmounted(path: string): boolean {
    return this.facts.unmounted?.(path) ?? false;
  }

  read(): Promise<string | null> {
    return this.host.readInput();
  }

  pace(): Promise<void> {
    return this.host.pace();
  }

  stdout(text: string): void {
    if (!this.host.exited) this.host.output("stdout", text);
  }

  stderr(text: string): void {
    if (!this.host.exited) this.host.output("stderr", text);
  }

  exit(code: number): void {
    this.host.finish(code);
  }

  sleep(ms: number): Promise<boolean> {
    return this.host.sleep(ms);
  }

  get fs(): IFileSystem | undefined {
    return this.host.files();
  }

  get size(): { cols: number; rows: number } {
    return this.host.size;
  }

  get exited(): boolean {
    return this.host.exited;
  }
}
