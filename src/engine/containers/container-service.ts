// The container lifecycle: create, start, stop, kill, restart, remove, wait and attach, with
// Docker's state machine, events, port and address allocation, and restart policies.
import type { EngineContext } from "../engine-context.js";
import { conflict, EngineError, invalidParameter, notFound, notModified, systemError } from "../errors.js";
import type { ImageService } from "../image-store/image-service.js";
import type { LogStore } from "../logs/log-store.js";
import type { NetworkService } from "../networks/network-service.js";
import type { PortAllocator } from "../ports/port-allocator.js";
import { ContainerProcess, type OutputStream, type ProcessOptions } from "../runtime/container-process.js";
import { FreezableClock } from "../runtime/freezable-clock.js";
import { resolveCommand } from "../runtime/resolve-command.js";
import type { Filesystems } from "../fs/filesystems.js";
import type { LayeredFs } from "../fs/layered-fs.js";
import type { MountedFs } from "../fs/mounted-fs.js";
import type { NetStack } from "../net/net-stack.js";
import type { ProcessEntry, ProcessTable } from "../runtime/process-table.js";
import type { NetworkEndpoint } from "../runtime/program.js";
import { parseSignal, signalNumber } from "../runtime/signals.js";
import type { VolumeService } from "../volumes/volume-service.js";
import { publishVolumeMounts, publishVolumeUnmounts } from "../events/volume-events.js";
import type { ContainerRecord, PortMap } from "./container-record.js";
import { lookupContainer } from "./container-lookup.js";
import { buildContainer } from "./container-factory.js";
import { isEmptyRecord, type CreateBody } from "./create-config.js";
import { processEnvironment } from "./process-environment.js";
import { RestartScheduler, restartsWithDaemon, wantsRestart } from "./restart-policy.js";
import { ContainerWaiters, type WaitCondition, type WaitResult } from "./waiters.js";
import { HealthMonitor, probeCommand, type ProbeResult } from "./healthcheck.js";

export { processEnvironment } from "./process-environment.js";

/** The container's address its published ports lead to (the first network's). */
function containerAddress(c: ContainerRecord): string {
  for (const name in c.Networks) {
    const ip = c.Networks[name]?.IPAddress;
    if (ip) return ip;
  }
  return "";
}

/**
 * A container event's attributes: its labels with its image and name, keys in Go's map order
 * (the event bus sorts what is out of order, extras included; this saves it the common case).
 */
function eventAttributes(labels: Record<string, string> | null | undefined, image: string, name: string): Record<string, string> {
  if (!labels || isEmptyRecord(labels)) return { image, name };
  const out: Record<string, string> = {};
  let imagePlaced = false;
  let namePlaced = false;
  for (const key of Object.keys(labels).sort()) {
    if (!imagePlaced && key >= "image") {
      out["image"] = image;
      imagePlaced = true;
    }
    if (!namePlaced && key >= "name") {
      out["name"] = name;
      namePlaced = true;
    }
    if (key !== "image" && key !== "name") out[key] = labels[key] as string;
  }
  if (!imagePlaced) out["image"] = image;
  if (!namePlaced) out["name"] = name;
  return out;
}

export type { WaitCondition, WaitResult } from "./waiters.js";
export interface AttachChunk {
  stream: OutputStream;
  data: string;
}

/**
 * A running container's main process and what hangs on it. It is also the process's options
 * (ProcessOptions): one object per running container, its calls on the prototype, rather than
 * a record, an options literal and a closure per callback.
 */
class Live implements ProcessOptions {
  readonly process: ContainerProcess;
  health: HealthMonitor | undefined;
  /** Attached clients (docker attach, docker run without -d); made at the first. */
  attached: Set<(chunk: AttachChunk) => void> | undefined;
  readonly net: ContainerNet;

  constructor(
    private readonly service: ContainerService,
    private readonly deps: ContainerDeps,
    private readonly c: ContainerRecord,
    readonly argv: string[],
    readonly env: string[],
    readonly root: LayeredFs,
    /** What the process's timers run on: frozen while the container is paused. */
    readonly clock: FreezableClock,
  ) {
    this.net = new ContainerNet(deps.net, c);
    this.process = new ContainerProcess(this);
  }

  // The container's settings as the process sees them, read from its record.
  get hostname(): string {
    return this.c.Config.Hostname;
  }

  get tty(): boolean {
    return this.c.Config.Tty;
  }

  get init(): boolean {
    return this.c.HostConfig["Init"] === true;
  }

  get openStdin(): boolean {
    return this.c.Config.OpenStdin;
  }

  get cwd(): string {
    return this.c.Config.WorkingDir || "/";
  }

  get user(): string {
    return this.c.Config.User;
  }

  fs(): MountedFs {
    return this.deps.fs.view(this.c);
  }

  unmounted(path: string): boolean {
    return this.deps.fs.unmounted(this.c, path);
  }

  processes(): ProcessEntry[] {
    return this.deps.processes.list(this.c.Id);
  }

  onOutput(stream: OutputStream, text: string): void {
    this.service.processOutput(this.c, this, stream, text);
  }

  onExit(code: number): void {
    this.service.processExited(this.c, this, code);
  }
}

/** The network as a process in a container sees it, with its interfaces. */
class ContainerNet {
  readonly peer: { kind: "container"; id: string };

  constructor(
    readonly stack: NetStack,
    private readonly c: ContainerRecord,
  ) {
    this.peer = { kind: "container", id: c.Id };
  }

  endpoints(): NetworkEndpoint[] {
    const out: NetworkEndpoint[] = [];
    for (const network in this.c.Networks) {
      const e = this.c.Networks[network];
      if (e && e.IPAddress !== "") out.push({ network, address: e.IPAddress, prefix: e.IPPrefixLen, gateway: e.Gateway, mac: e.MacAddress });
    }
    return out;
  }
}

export interface ContainerDeps {
  images: ImageService;
  networks: NetworkService;
  volumes: VolumeService;
  ports: PortAllocator;
  logs: LogStore;
  fs: Filesystems;
  net: NetStack;
  processes: ProcessTable;
}

export class ContainerService {
  private readonly live = new Map<string, Live>();
  private readonly heldStdin = new Map<string, (string | null)[]>();
  private readonly waiters = new ContainerWaiters();
  private readonly restarts: RestartScheduler;

  constructor(
    private readonly ctx: EngineContext,
    private readonly deps: ContainerDeps,
  ) {
    this.restarts = new RestartScheduler(ctx.clock);
  }

  all(): ContainerRecord[] {
    return this.ctx.store.values<ContainerRecord>("container");
  }

  /** Name → id, built on first use (after a restore) and kept in step by create and destroy. */
  private nameIndex: Map<string, string> | undefined;

  /** The name index, for rename (container-settings.ts). */
  names(): Map<string, string> {
    this.nameIndex ??= new Map(this.all().map((c) => [c.Name, c.Id]));
    return this.nameIndex;
  }

  get(ref: string): ContainerRecord {
    // Full ids and names are the common case: answer them without scanning every container.
    const direct = this.ctx.store.get<ContainerRecord>("container", ref);
    if (direct) return direct;
    const byName = this.names().get(ref.startsWith("/") ? ref : `/${ref}`);
    const named = byName === undefined ? undefined : this.ctx.store.get<ContainerRecord>("container", byName);
    if (named) return named;
    return lookupContainer(this.all(), ref);
  }

  save(c: ContainerRecord): void {
    this.ctx.store.put("container", c.Id, c);
  }

  publish(c: ContainerRecord, action: string, extra?: Record<string, string>): void {
    const attributes = eventAttributes(c.Config.Labels, c.Config.Image, c.Name.slice(1));
    if (extra) Object.assign(attributes, extra);
    this.ctx.events.publish("container", action, c.Id, attributes);
  }

  create(body: CreateBody, name: string | undefined): { Id: string; Warnings: string[] } {
    const record = buildContainer(this.ctx, this.deps, (n) => this.names().get(n), body, name);
    this.save(record);
    this.names().set(record.Name, record.Id);
    this.publish(record, "create");
    return { Id: record.Id, Warnings: [] };
  }

  start(ref: string): void {
    const c = this.get(ref);
    if (c.State.Paused) throw conflict("cannot start a paused container, try unpause instead");
    if (c.State.Running) throw notModified();
    this.restarts.cancel(c.Id);
    this.run(c);
  }

  /** Starts the process; a failed start leaves the container as Docker does (not running). */
  private run(c: ContainerRecord): void {
    const argv = [c.Path, ...c.Args];
    const env = processEnvironment(c);
    const root = this.deps.fs.rootfs(c);
    const resolved = resolveCommand(argv, env, root, c.Config.WorkingDir || "/", (path) => this.deps.fs.mountedExecutable(c, path));
    if (!resolved.ok) {
      c.State.ExitCode = resolved.exitCode;
      c.State.Error = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${c.Path}": ${resolved.reason}: unknown`;
      this.save(c);
      this.publish(c, "die", { exitCode: String(resolved.exitCode), execDuration: "0" });
      const error = new EngineError("invalid-parameter", c.State.Error);
      // The daemon's failed-start cleanup removes an auto-remove container.
      if (c.HostConfig.AutoRemove) this.destroy(c, true);
      throw error;
    }
    // The endpoint gets its address first, then the ports are bound to it, as libnetwork joins;
    // the connect events wait for the ports, and a failed bind undoes the join without any.
    this.deps.networks.connectOnStart(c, false);
    try {
      c.Ports = this.deps.ports.allocate(publishedBindings(c), containerAddress(c));
    } catch (error) {
      this.deps.networks.disconnectOnStop(c, false);
      const reason = error instanceof Error ? error.message : String(error);
      const failure = systemError(
        `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.Name.slice(1)} (${this.ctx.ids.randomHex(32)}): ${reason}`,
      );
      // daemon/start.go records a failed start: the error, and exit code 128 if none was set.
      c.State.Error = failure.message;
      if (c.State.ExitCode === 0) c.State.ExitCode = 128;
      this.save(c);
      if (c.HostConfig.AutoRemove) this.destroy(c, true);
      throw failure;
    }
    this.deps.networks.announceConnects(c);
    publishVolumeMounts(this.ctx.events, c);
    const now = this.ctx.clock.now();
    const state = c.State;
    state.Status = "running";
    state.Running = true;
    state.Paused = false;
    state.Restarting = false;
    state.OOMKilled = false;
    state.Dead = false;
    state.Pid = 1000 + this.ctx.ids.randomInt(60000);
    state.ExitCode = 0;
    state.Error = "";
    state.StartedAt = now;
    c.HasBeenManuallyStopped = false;
    this.save(c);
    const live = new Live(this, this.deps, c, resolved.argv, env, root, new FreezableClock(this.ctx.clock));
    this.live.set(c.Id, live);
    this.deps.processes.startMain(c.Id, { user: c.Config.User, argv: resolved.argv, startedAt: now, tty: c.Config.Tty });
    this.publish(c, "start");
    live.process.start(resolved.program);
    this.releaseStdin(c.Id, live.process);
    this.startHealthcheck(c, live);
  }

  /** Starts probing a container with a healthcheck; its status begins as "starting". */
  private startHealthcheck(c: ContainerRecord, live: Live): void {
    const config = c.Config.Healthcheck;
    const argv = probeCommand(config);
    if (!config || !argv || live.process.exited) {
      delete c.State.Health;
      return;
    }
    const monitor = new HealthMonitor({
      config,
      argv,
      clock: live.clock,
      startedAt: c.State.StartedAt,
      probe: (probe) => this.probe(c, probe),
      onUpdate: (state, changed) => {
        c.State.Health = structuredClone(state);
        this.save(c);
        if (changed) this.publish(c, `health_status: ${state.Status}`);
      },
    });
    c.State.Health = structuredClone(monitor.state);
    live.health = monitor;
    monitor.start();
  }

  /** The network as a process in this container sees it, with its interfaces. */
  netOf(c: ContainerRecord): ContainerNet {
    return new ContainerNet(this.deps.net, c);
  }

  /** The container's processes as ps inside it lists them. */
  processesOf(id: string) {
    return this.deps.processes.list(id);
  }

  /** One healthcheck probe: a process in the container, its output collected. */
  private probe(c: ContainerRecord, argv: string[]): { result: Promise<ProbeResult>; kill(): void } {
    const env = processEnvironment(c);
    const root = this.deps.fs.rootfs(c);
    const resolved = resolveCommand(argv, env, root, c.Config.WorkingDir || "/", (path) => this.deps.fs.mountedExecutable(c, path));
    if (!resolved.ok) {
      const output = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ""}": ${resolved.reason}: unknown`;
      return { result: Promise.resolve({ exitCode: resolved.exitCode, output }), kill: () => undefined };
    }
    let output = "";
    let finish: (r: ProbeResult) => void = () => undefined;
    const result = new Promise<ProbeResult>((resolve) => (finish = resolve));
    const process = new ContainerProcess({
      argv: resolved.argv,
      env,
      hostname: c.Config.Hostname,
      tty: false,
      init: false,
      pid1: false,
      openStdin: false,
      clock: this.live.get(c.Id)?.clock ?? this.ctx.clock,
      fs: () => this.deps.fs.view(c),
      root,
      cwd: c.Config.WorkingDir || "/",
      user: c.Config.User,
      net: this.netOf(c),
      processes: () => this.deps.processes.list(c.Id),
      onOutput: (_stream, text) => {
        output += text;
      },
      onExit: (exitCode) => finish({ exitCode, output }),
    });
    process.start(resolved.program);
    return { result, kill: () => process.signal("SIGKILL") };
  }

  /** A running container's output (Live.onOutput): to its log and its attached clients. */
  processOutput(c: ContainerRecord, live: Live, stream: OutputStream, text: string): void {
    const driver = (c.HostConfig["LogConfig"] as { Type?: string } | undefined)?.Type;
    if (driver !== "none") this.deps.logs.append(c.Id, stream, text, this.ctx.clock.now());
    if (live.attached) for (const listener of live.attached) listener({ stream, data: text });
  }

  /** A running container's process ended (Live.onExit). */
  processExited(c: ContainerRecord, live: Live, code: number): void {
    if (this.live.get(c.Id) === live) this.live.delete(c.Id);
    live.health?.stop();
    this.deps.net.closeAll(c.Id);
    this.deps.logs.flush(c.Id);
    const now = this.ctx.clock.now();
    const ranFor = now - c.State.StartedAt;
    Object.assign(c.State, { Status: "exited", Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: code, FinishedAt: now });
    this.deps.ports.release(c.Ports);
    c.Ports = {};
    this.deps.networks.disconnectOnStop(c);
    publishVolumeUnmounts(this.ctx.events, c);
    this.save(c);
    if (live.attached) for (const listener of live.attached) listener({ stream: "stdout", data: "" });
    live.attached = undefined;
    this.publish(c, "die", { exitCode: String(code), execDuration: String(Math.floor(ranFor / 1000)) });
    this.waiters.exited(c.Id, code);
    if (c.HostConfig.AutoRemove) {
      this.destroy(c, true);
      return;
    }
    this.maybeRestart(c, code, ranFor);
  }

  private maybeRestart(c: ContainerRecord, code: number, ranFor: number): void {
    if (!wantsRestart(c, code)) return;
    Object.assign(c.State, { Restarting: true, Running: true, Status: "restarting" });
    this.save(c);
    this.restarts.schedule(c.Id, ranFor, () => {
      if (!this.ctx.store.get("container", c.Id)) return;
      c.RestartCount++;
      c.State.Running = false;
      try {
        this.run(c);
        this.publish(c, "restart");
      } catch {
        Object.assign(c.State, { Restarting: false, Status: "exited" });
        this.save(c);
      }
    });
  }

  /** docker stop: the stop signal, then SIGKILL after the timeout. Resolves once it has exited. */
  async stop(ref: string, timeoutSeconds?: number, signal?: string): Promise<void> {
    const c = this.get(ref);
    if (c.State.Restarting && this.restarts.cancel(c.Id)) {
      Object.assign(c.State, { Status: "exited", Running: false, Restarting: false });
      c.HasBeenManuallyStopped = true;
      this.save(c);
      this.publish(c, "stop");
      return;
    }
    if (!c.State.Running) throw notModified();
    c.HasBeenManuallyStopped = true;
    this.save(c);
    const stopSignal = parseSignal(signal ?? c.Config.StopSignal ?? "SIGTERM") ?? "SIGTERM";
    const timeout = timeoutSeconds ?? c.Config.StopTimeout ?? 10;
    const exited = this.waiters.nextExit(c.Id);
    this.signal(c, stopSignal);
    if (timeout >= 0) {
      const cancel = this.ctx.clock.setTimer(timeout * 1000, () => this.signal(c, "SIGKILL"));
      await exited;
      cancel();
    } else {
      await exited;
    }
    this.publish(c, "stop");
  }

  private signal(c: ContainerRecord, name: string): void {
    const live = this.live.get(c.Id);
    if (!live) return;
    this.publish(c, "kill", { signal: String(signalNumber(name)) });
    // daemon/kill.go: a stop signal (or SIGKILL) to a paused container resumes it to deliver it.
    if (c.State.Paused && (name === "SIGKILL" || name === (parseSignal(c.Config.StopSignal ?? "SIGTERM") ?? "SIGTERM"))) this.resume(c);
    live.process.signal(name);
  }

  /** docker pause: the cgroup freezer. The process's timers stop until unpause. */
  pause(ref: string): void {
    const c = this.get(ref);
    if (!c.State.Running || c.State.Restarting) throw conflict(`container ${c.Id} is not running`);
    if (c.State.Paused) throw conflict(`Container ${c.Id} is already paused`);
    c.State.Paused = true;
    c.State.Status = "paused";
    this.live.get(c.Id)?.clock.freeze();
    this.save(c);
    this.publish(c, "pause");
  }

  unpause(ref: string): void {
    const c = this.get(ref);
    if (!c.State.Paused) throw systemError(`Container ${c.Id} is not paused`);
    this.resume(c);
  }

  private resume(c: ContainerRecord): void {
    c.State.Paused = false;
    c.State.Status = "running";
    this.live.get(c.Id)?.clock.thaw();
    this.save(c);
    this.publish(c, "unpause");
  }

  kill(ref: string, signal = "SIGKILL"): void {
    const c = this.get(ref);
    const name = parseSignal(signal);
    if (!name) throw invalidParameter(`Invalid signal: ${signal}`);
    if (!c.State.Running || c.State.Restarting) {
      throw conflict(`cannot kill container: ${ref}: container ${c.Id} is not running`);
    }
    if (name === "SIGKILL") c.HasBeenManuallyStopped = true;
    this.signal(c, name);
  }

  async restart(ref: string, timeoutSeconds?: number, signal?: string): Promise<void> {
    const c = this.get(ref);
    if (c.State.Running) await this.stop(ref, timeoutSeconds, signal).catch(() => undefined);
    this.restarts.cancel(c.Id);
    this.run(c);
    this.publish(c, "restart");
  }

  remove(ref: string, force: boolean, removeVolumes: boolean): void {
    const c = this.get(ref);
    if (c.State.Running) {
      if (!force) {
        if (c.State.Paused) throw conflict(`cannot remove container "${ref}": container is paused and must be unpaused first`);
        const state = c.State.Restarting ? "restarting" : "running";
        throw conflict(`cannot remove container "${ref}": container is ${state}: stop the container before removing or force remove`);
      }
      c.HasBeenManuallyStopped = true;
      this.signal(c, "SIGKILL");
    }
    this.restarts.cancel(c.Id);
    this.destroy(c, removeVolumes);
  }

  destroy(c: ContainerRecord, removeVolumes: boolean): void {
    if (!this.ctx.store.get("container", c.Id)) return;
    this.ctx.store.remove("container", c.Id);
    this.names().delete(c.Name);
    this.deps.logs.remove(c.Id);
    this.deps.processes.forget(c.Id);
    this.restarts.forget(c.Id);
    if (removeVolumes) {
      for (const mount of c.Mounts) {
        const volume = mount.Type === "volume" && mount.Name ? this.deps.volumes.find(mount.Name) : undefined;
        const inUse = volume && this.all().some((o) => o.Mounts.some((m) => m.Name === volume.Name));
        if (volume && this.deps.volumes.isAnonymous(volume) && !inUse) this.deps.volumes.remove(volume.Name);
      }
    }
    this.publish(c, "destroy");
    this.waiters.removed(c.Id);
  }

  /** POST /containers/{id}/wait: resolves when the condition holds. */
  wait(ref: string, condition: WaitCondition): Promise<WaitResult> {
    const c = this.get(ref);
    return this.waiters.wait(c.Id, condition, c.State.Running, () => c.State.ExitCode);
  }

  /** Live output of a container from now on; ends when the process exits. */
  attach(ref: string, listener: (chunk: AttachChunk | null) => void): () => void {
    const c = this.get(ref);
    let live = this.live.get(c.Id);
    const wrapped = (chunk: AttachChunk) => listener(chunk.data === "" ? null : chunk);
    if (live) {
      (live.attached ??= new Set()).add(wrapped);
      return () => live?.attached?.delete(wrapped);
    }
    // Attached before start (docker run): join the process when it starts.
    const unsubscribe = this.ctx.events.subscribe((event) => {
      if (event.Actor.ID !== c.Id) return;
      if (event.Action === "start") {
        live = this.live.get(c.Id);
        if (live) (live.attached ??= new Set()).add(wrapped);
      } else if (event.Action === "destroy") listener(null);
    });
    return () => {
      unsubscribe();
      live?.attached?.delete(wrapped);
    };
  }

  /** Input for a running container's stdin (attach with stdin). */
  writeStdin(id: string, data: string): void {
    const live = this.live.get(id);
    if (live) return live.process.write(data);
    // Typed before the process started (docker run -i attaches first): the pipe holds it.
    const held = this.heldStdin.get(id) ?? [];
    held.push(data);
    this.heldStdin.set(id, held);
  }

  /** The attached writer went away: with StdinOnce the container's stdin closes (EOF). */
  closeStdin(id: string): void {
    const live = this.live.get(id);
    if (live) return live.process.closeStdin();
    const held = this.heldStdin.get(id) ?? [];
    held.push(null);
    this.heldStdin.set(id, held);
  }

  private releaseStdin(id: string, process: ContainerProcess): void {
    const held = this.heldStdin.get(id);
    if (!held) return;
    this.heldStdin.delete(id);
    for (const data of held) {
      if (data === null) process.closeStdin();
      else process.write(data);
    }
  }

  /** POST /containers/{id}/resize */
  resize(ref: string, cols: number, rows: number): void {
    const c = this.get(ref);
    if (!c.State.Running) throw conflict(`Container ${c.Id} is not running`);
    this.live.get(c.Id)?.process.resize(cols, rows);
  }

  /** After a daemon restart (a page reload): what was running is gone, restart policies apply. */
  restoreAfterRestart(): void {
    for (const c of this.all()) {
      if (!c.State.Running) continue;
      Object.assign(c.State, { Status: "exited", Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: 255, FinishedAt: this.ctx.clock.now() });
      c.Ports = {};
      this.deps.networks.disconnectOnStop(c);
      this.save(c);
      if (restartsWithDaemon(c)) {
        try {
          this.run(c);
        } catch {
          // A container that cannot come back stays exited, as with dockerd.
        }
      }
    }
  }

  isRunning(id: string): boolean {
    return this.live.has(id);
  }

  require(ref: string): ContainerRecord {
    const c = this.all().find((x) => x.Id === ref);
    if (!c) throw notFound(`No such container: ${ref}`);
    return c;
  }
}

/**
 * The bindings a start publishes: the container's own, and with -P (PublishAllPorts) an
 * ephemeral host port for every exposed port that has none, in port order, as the daemon's
 * port mapping does.
 */
function publishedBindings(c: ContainerRecord): PortMap {
  // A key without a protocol ("6379", as testcontainers sends it) is the port's tcp form.
  const bindings: PortMap = {};
  for (const [port, list] of Object.entries(c.HostConfig.PortBindings)) {
    const key = port.includes("/") ? port : `${port}/tcp`;
    bindings[key] = [...(bindings[key] ?? []), ...(list ?? [])];
  }
  if (!c.HostConfig.PublishAllPorts) return bindings;
  const exposed = Object.keys(c.Config.ExposedPorts ?? {}).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || (a < b ? -1 : 1));
  for (const port of exposed) if ((bindings[port]?.length ?? 0) === 0) bindings[port] = [{ HostIp: "", HostPort: "" }];
  return bindings;
}
