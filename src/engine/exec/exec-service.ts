// docker exec: extra processes in a running container (daemon/exec.go). An exec instance is
// created, then started once; its output streams to the caller and its exit code stays readable
// through inspect. Instances live in memory only, as in dockerd.
import type { ContainerService } from "../containers/container-service.js";
import { processEnvironment } from "../containers/container-service.js";
import type { EngineContext } from "../engine-context.js";
import { conflict, invalidParameter, notFound } from "../errors.js";
import { ContainerProcess, type OutputStream } from "../runtime/container-process.js";
import type { Filesystems } from "../fs/filesystems.js";
import type { ProcessTable } from "../runtime/process-table.js";
import { resolveCommand } from "../runtime/resolve-command.js";
import { Channel } from "../streams/channel.js";

export interface ExecCreateBody {
  Cmd?: string[] | null;
  Env?: string[] | null;
  Tty?: boolean;
  User?: string;
  WorkingDir?: string;
  Privileged?: boolean;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  DetachKeys?: string;
}

export interface ExecChunk {
  stream: OutputStream;
  data: string;
}

interface ExecInstance {
  id: string;
  containerId: string;
  body: ExecCreateBody;
  cmd: string[];
  running: boolean;
  started: boolean;
  exitCode: number | null;
  pid: number;
  /** Its PID inside the container (what ps there shows). */
  inContainerPid?: number;
  process?: ContainerProcess;
}

export class ExecService {
  private readonly instances = new Map<string, ExecInstance>();

  constructor(
    private readonly ctx: EngineContext,
    private readonly containers: ContainerService,
    private readonly fs: Filesystems,
    private readonly processes: ProcessTable,
  ) {
    // A container that stops takes its exec processes with it.
    ctx.events.subscribe((event) => {
      if (event.Type !== "container" || event.Action !== "die") return;
      for (const exec of this.instances.values()) if (exec.containerId === event.Actor.ID) exec.process?.signal("SIGKILL");
    });
  }

  /** The daemon's checks, in its order: exists, running, not paused, not restarting. */
  private runnable(ref: string) {
    const c = this.containers.get(ref);
    if (!c.State.Running) throw conflict(`container ${c.Id} is not running`);
    if (c.State.Paused) throw conflict(`Container ${ref} is paused, unpause the container before exec`);
    if (c.State.Restarting) throw conflict(`Container ${c.Id} is restarting, wait until the container is running`);
    return c;
  }

  create(ref: string, body: ExecCreateBody): { Id: string } {
    const cmd = body.Cmd ?? [];
    if (cmd.length === 0) throw invalidParameter("No exec command specified");
    const c = this.runnable(ref);
    const id = this.ctx.ids.randomHex(32);
    this.instances.set(id, { id, containerId: c.Id, body, cmd, running: false, started: false, exitCode: null, pid: 0 });
    this.publish(c.Id, `exec_create: ${cmd.join(" ")}`, id);
    return { Id: id };
  }

  private find(id: string): ExecInstance {
    const exec = this.instances.get(id) ?? [...this.instances.values()].find((e) => id.length > 0 && e.id.startsWith(id));
    if (!exec) throw notFound(`No such exec instance: ${id}`);
    return exec;
  }

  private publish(containerId: string, action: string, execId: string, extra: Record<string, string> = {}): void {
    const c = this.containers.all().find((x) => x.Id === containerId);
    if (!c) return;
    this.ctx.events.publish("container", action, c.Id, { ...c.Config.Labels, execID: execId, image: c.Config.Image, name: c.Name.slice(1), ...extra });
  }

  /**
   * Starts the instance. The returned channel carries its output and closes when it exits; a
   * command that cannot be found is reported in the stream, as dockerd writes it after the hijack.
   */
  start(id: string): { tty: boolean; output: Channel<ExecChunk>; process: ContainerProcess | undefined } {
    const exec = this.find(id);
    if (exec.running) throw conflict(`Error: Exec command ${exec.id} is already running`);
    if (exec.started) throw conflict(`Error: Exec command ${exec.id} has already run`);
    const c = this.runnable(exec.containerId);
    exec.started = true;
    const output = new Channel<ExecChunk>();
    const tty = exec.body.Tty === true;
    this.publish(c.Id, `exec_start: ${exec.cmd.join(" ")}`, exec.id);
    const env = [...processEnvironment(c), ...(exec.body.Env ?? [])];
    const cwd = exec.body.WorkingDir || c.Config.WorkingDir || "/";
    const root = this.fs.rootfs(c);
    const resolved = resolveCommand(exec.cmd, env, root, cwd, (path) => this.fs.mountedExecutable(c, path));
    if (!resolved.ok) {
      // daemon/exec.go: the start error goes to the caller's stdout, and the exit code follows
      // setExitCodeFromError (127 not found, 126 cannot execute).
      exec.exitCode = resolved.exitCode;
      output.push({ stream: "stdout", data: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${exec.cmd[0] ?? ""}": ${resolved.reason}: unknown\r\n` });
      output.close();
      return { tty, output, process: undefined };
    }
    exec.running = true;
    exec.pid = c.State.Pid + 1 + this.ctx.ids.randomInt(500);
    const process = new ContainerProcess({
      argv: resolved.argv,
      env,
      hostname: c.Config.Hostname,
      tty,
      init: false,
      pid1: false,
      openStdin: exec.body.AttachStdin === true,
      clock: this.ctx.clock,
      fs: () => this.fs.view(c),
      root,
      cwd,
      user: exec.body.User || c.Config.User,
      net: this.containers.netOf(c),
      processes: () => this.containers.processesOf(c.Id),
      onOutput: (stream, data) => output.push({ stream, data }),
      onExit: (code) => {
        if (exec.inContainerPid !== undefined) this.processes.remove(exec.containerId, exec.inContainerPid);
        exec.running = false;
        exec.exitCode = code;
        exec.pid = 0;
        this.publish(exec.containerId, "exec_die", exec.id, { exitCode: String(code) });
        output.close();
      },
    });
    exec.process = process;
    const inContainerPid = this.processes.add(c.Id, { user: exec.body.User || c.Config.User, argv: resolved.argv, startedAt: this.ctx.clock.now(), tty });
    exec.inContainerPid = inContainerPid;
    process.start(resolved.program);
    return { tty, output, process };
  }

  /** POST /exec/{id}/resize */
  resize(id: string, cols: number, rows: number): void {
    const exec = this.find(id);
    if (!exec.running) throw conflict(`Exec ${exec.id} is not running`);
    exec.process?.resize(cols, rows);
  }

  /** GET /exec/{id}/json */
  inspect(id: string) {
    const exec = this.find(id);
    const [entrypoint = "", ...args] = exec.cmd;
    return {
      ID: exec.id,
      Running: exec.running,
      ExitCode: exec.exitCode,
      ProcessConfig: { tty: exec.body.Tty === true, entrypoint, arguments: args, privileged: exec.body.Privileged === true, ...(exec.body.User ? { user: exec.body.User } : {}) },
      OpenStdin: exec.body.AttachStdin === true,
      OpenStderr: exec.body.AttachStderr === true,
      OpenStdout: exec.body.AttachStdout === true,
      CanRemove: false,
      ContainerID: exec.containerId,
      DetachKeys: exec.body.DetachKeys ?? "",
      Pid: exec.pid,
    };
  }

  /** ExecIDs of a container, for inspect; null when there are none (as dockerd prints). */
  idsOf(containerId: string): string[] | null {
    const ids = [...this.instances.values()].filter((e) => e.containerId === containerId && e.running).map((e) => e.id);
    return ids.length > 0 ? ids : null;
  }
}
