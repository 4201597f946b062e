// The host side of the node stand-in: a QuickJS sandbox (loaded on first use) with node-prelude's
// globals, wired to the container. Files are read from a snapshot of the script's directory and
// the image (QuickJS calls are synchronous, the container's filesystem is not) and writes go back
// to the container as they happen; timers run on the engine clock; http servers listen on the
// container's network. The process lives while it has timers or servers, as node does.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten-core";
import type { HttpRequest, HttpResponse } from "../../net/net-stack.js";
import type { ProcessContext } from "../program.js";
import { NODE_PRELUDE } from "./node-prelude.js";
import { KERNEL } from "./system-commands.js";

let quickjs: Promise<QuickJSWASMModule> | undefined;

/**
 * QuickJS's WebAssembly module, fetched once, the first time a container runs node. Only the
 * release build is imported, so bundles carry one .wasm file and not every variant.
 */
function loadQuickJs(): Promise<QuickJSWASMModule> {
  quickjs ??= Promise.all([import("quickjs-emscripten-core"), import("@jitl/quickjs-wasmfile-release-sync")]).then(([core, variant]) =>
    core.newQuickJSWASMModuleFromVariant(variant.default),
  );
  return quickjs;
}

/** Interrupt-handler calls (about 0.6 ms each) one turn of the event loop may take. */
const TURN_BUDGET = 4000;

export interface NodeOptions {
  argv: string[];
  /** The main script's path, when there is one (for require and error locations). */
  main: string | undefined;
  version: string;
  user: string;
  /** Files read ahead of time: path → text. */
  files: Map<string, string>;
  write(fd: 1 | 2, text: string): void;
}

export interface Thrown {
  name: string;
  message: string;
  stack: string;
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 404: "Not Found", 500: "Internal Server Error" };

export class NodeRuntime {
  exitCode: number | undefined;
  /** Why the run stopped on its own: an uncaught error, or a loop that never yielded. */
  fatal: Thrown | undefined;
  private readonly timers = new Map<number, () => void>();
  private readonly servers = new Map<number, () => void>();
  private readonly requests = new Map<number, (response: HttpResponse) => void>();
  private nextRequest = 1;
  private budget = 0;
  private writes: Promise<void> = Promise.resolve();
  private idle: (() => void) | undefined;
  private readonly started: number;

  private constructor(
    private readonly ctx: ProcessContext,
    private readonly options: NodeOptions,
    private readonly runtime: QuickJSRuntime,
    readonly vm: QuickJSContext,
  ) {
    this.started = ctx.clock.now();
  }

  static async create(ctx: ProcessContext, options: NodeOptions): Promise<NodeRuntime> {
    const module = await loadQuickJs();
    const runtime = module.newRuntime();
    runtime.setMemoryLimit(64 * 1024 * 1024);
    runtime.setMaxStackSize(1024 * 1024);
    const node = new NodeRuntime(ctx, options, runtime, runtime.newContext());
    runtime.setInterruptHandler(() => node.exitCode !== undefined || ++node.budget > TURN_BUDGET);
    node.install();
    return node;
  }

  private install(): void {
    const { vm, ctx, options } = this;
    const host = vm.newObject();
    const fn = (name: string, impl: (...args: QuickJSHandle[]) => QuickJSHandle | undefined) => {
      const handle = vm.newFunction(name, impl);
      vm.setProp(host, name, handle);
      handle.dispose();
    };
    const str = (h: QuickJSHandle | undefined) => (h === undefined ? "" : vm.getString(h));
    const num = (h: QuickJSHandle | undefined) => (h === undefined ? 0 : vm.getNumber(h));
    fn("write", (fd, text) => {
      options.write(num(fd) === 2 ? 2 : 1, str(text));
      return undefined;
    });
    fn("exit", (code) => {
      this.exitCode = num(code);
      return undefined;
    });
    fn("info", () =>
      vm.newString(
        JSON.stringify({
          argv: options.argv, env: Object.fromEntries(ctx.env.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)])),
          cwd: ctx.cwd, version: options.version, hostname: ctx.hostname, kernel: KERNEL.release, tty: ctx.tty, user: options.user, main: options.main,
        }),
      ),
    );
    fn("uptime", () => vm.newNumber((ctx.clock.now() - this.started) / 1000));
    fn("readFile", (path) => {
      const text = this.read(str(path));
      return text === undefined ? vm.undefined : vm.newString(text);
    });
    fn("isFile", (path) => (this.read(str(path)) !== undefined ? vm.true : vm.false));
    fn("exists", (path) => (this.read(str(path)) !== undefined || this.list(str(path)) !== undefined ? vm.true : vm.false));
    fn("readdir", (path) => {
      const names = this.list(str(path));
      return names === undefined ? vm.undefined : vm.newString(JSON.stringify(names));
    });
    fn("writeFile", (path, text, append) => {
      const file = str(path);
      const content = (vm.dump(append ?? vm.false) === true ? (this.read(file) ?? "") : "") + str(text);
      options.files.set(file, content);
      const fs = ctx.fs;
      if (fs) this.writes = this.writes.then(() => fs.writeFile(file, content)).catch(() => undefined);
      return undefined;
    });
    fn("timer", (id, ms) => {
      const key = num(id);
      this.timers.get(key)?.();
      this.timers.set(key, ctx.clock.setTimer(num(ms), () => this.fire(key)));
      return undefined;
    });
    fn("cancel", (id) => {
      const key = num(id);
      this.timers.get(key)?.();
      this.timers.delete(key);
      this.settle();
      return undefined;
    });
    fn("listen", (id, port) => vm.newString(this.listen(num(id), num(port))));
    fn("unlisten", (id) => {
      this.servers.get(num(id))?.();
      this.servers.delete(num(id));
      this.settle();
      return undefined;
    });
    fn("respond", (id, status, reason, headers, body) => {
      const code = num(status);
      const response: HttpResponse = {
        status: code,
        reason: str(reason) || STATUS_TEXT[code] || "",
        headers: [...(JSON.parse(str(headers)) as [string, string][]), ["Date", new Date(ctx.clock.now()).toUTCString()], ["Connection", "keep-alive"], ["Keep-Alive", "timeout=5"], ["Content-Length", String(new TextEncoder().encode(str(body)).length)]],
        body: str(body),
      };
      this.requests.get(num(id))?.(response);
      this.requests.delete(num(id));
      return undefined;
    });
    vm.setProp(vm.global, "__host", host);
    host.dispose();
    this.evaluate(NODE_PRELUDE, "node:internal/prelude");
  }

  /** A file by absolute path: what the script wrote, the snapshot, or the image's own files. */
  private read(path: string): string | undefined {
    const known = this.options.files.get(path);
    if (known !== undefined) return known;
    try {
      const root = this.ctx.root;
      const found = root?.resolve(path, true);
      return found?.entry?.type === "file" ? root?.readText(found.path) : undefined;
    } catch {
      return undefined;
    }
  }

  private list(dir: string): string[] | undefined {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const path of this.options.files.keys()) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split("/")[0] ?? "");
    try {
      const root = this.ctx.root;
      const found = root?.resolve(dir, true);
      if (found?.entry?.type === "dir") for (const name of root?.list(found.path) ?? []) names.add(name);
      else if (names.size === 0) return undefined;
    } catch {
      if (names.size === 0) return undefined;
    }
    return [...names].filter(Boolean).sort();
  }

  private listen(id: number, port: number): string {
    const net = this.ctx.net;
    if (!net || net.peer.kind !== "container") return "";
    const stop = net.stack.listen(net.peer.id, port, { kind: "http", handle: (request) => this.serve(id, request) });
    this.servers.set(id, stop);
    return "";
  }

  private serve(serverId: number, request: HttpRequest): Promise<HttpResponse> {
    const id = this.nextRequest++;
    const answered = new Promise<HttpResponse>((resolve) => this.requests.set(id, resolve));
    const payload = JSON.stringify({ method: request.method, url: request.path, headers: request.headers, body: request.body, remoteAddress: request.remoteAddress });
    this.call("__serve", [this.vm.newNumber(serverId), this.vm.newNumber(id), this.vm.newString(payload)]);
    // A handler that crashed the process never answers: the client sees the connection close.
    if (this.fatal || this.exitCode !== undefined) this.requests.get(id)?.({ status: 0, reason: "", headers: [], body: "" });
    return answered;
  }

  private fire(id: number): void {
    if (!this.timers.has(id)) return;
    this.timers.delete(id);
    this.call("__fire", [this.vm.newNumber(id)]);
  }

  /** Calls a global function of the sandbox, then runs the promise jobs it queued. */
  private call(name: string, args: QuickJSHandle[]): void {
    if (this.finished) return;
    this.budget = 0;
    const target = this.vm.getProp(this.vm.global, name);
    const result = this.vm.callFunction(target, this.vm.undefined, ...args);
    target.dispose();
    args.forEach((a) => a.dispose());
    this.handle(result);
    this.drain();
    this.settle();
  }

  /** Evaluates code at top level; returns the completion value's handle (for -p and the REPL). */
  evaluate(code: string, filename: string): QuickJSHandle | undefined {
    this.budget = 0;
    const result = this.vm.evalCode(code, filename);
    const value = this.handle(result);
    this.drain();
    return value;
  }

  private handle(result: ReturnType<QuickJSContext["evalCode"]>): QuickJSHandle | undefined {
    if (!result.error) return result.value;
    const thrown = this.vm.dump(result.error) as Partial<Thrown> | string;
    result.error.dispose();
    if (this.exitCode !== undefined) return undefined;
    this.fatal = typeof thrown === "object" && thrown !== null ? { name: thrown.name ?? "Error", message: thrown.message ?? "", stack: thrown.stack ?? "" } : { name: "Uncaught", message: String(thrown), stack: "" };
    return undefined;
  }

  /** Runs the promise jobs that are due (after calling into the sandbox from outside). */
  drain(): void {
    for (let round = 0; round < 1000 && this.runtime.hasPendingJob() && !this.finished; round++) {
      const result = this.runtime.executePendingJobs();
      if (result.error) this.handle(result);
      else result.dispose();
    }
  }

  get finished(): boolean {
    return this.stopped || this.exitCode !== undefined || this.fatal !== undefined;
  }

  /** Nothing left to wait for: no timers, no servers (or the process exited or crashed). */
  get done(): boolean {
    return this.finished || (this.timers.size === 0 && this.servers.size === 0);
  }

  private settle(): void {
    if (this.done) this.idle?.();
  }

  /** Resolves once the event loop has nothing left, as node exits then. */
  run(): Promise<void> {
    if (this.done) return this.writes;
    return new Promise<void>((resolve) => (this.idle = resolve)).then(() => this.writes);
  }

  /** The REPL's view of a value. */
  show(handle: QuickJSHandle): string {
    const inspect = this.vm.getProp(this.vm.global, "__inspect");
    const result = this.vm.callFunction(inspect, this.vm.undefined, handle);
    inspect.dispose();
    if (result.error) {
      result.error.dispose();
      return "";
    }
    const text = this.vm.getString(result.value);
    result.value.dispose();
    return text;
  }

  private stopped = false;

  /** Ends the process's work: timers, servers, unanswered requests, and the sandbox itself. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.exitCode ??= 130;
    this.idle?.();
    for (const cancel of this.timers.values()) cancel();
    for (const stop of this.servers.values()) stop();
    this.timers.clear();
    this.servers.clear();
    for (const answer of this.requests.values()) answer({ status: 0, reason: "", headers: [], body: "" });
    this.requests.clear();
    try {
      this.vm.dispose();
      this.runtime.dispose();
    } catch {
      // Objects still referenced when the sandbox goes: nothing to do but let it go.
    }
  }
}
