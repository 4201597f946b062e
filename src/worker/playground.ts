// Everything the worker owns: the engine, the client, the shell session and persistence. It
// restores the saved playground, persists each acknowledged change, and keeps the UI's view in step.
import { DockerClient, InProcessTransport } from "../client/index.js";
import { Engine, loadImageCatalog, loadSnapshot, type Clock, type EngineSnapshot, type IdSource } from "../engine/index.js";
import { PROTOCOL_VERSION, type RestoreOutcome, type UiToWorker, type WorkerToUi, type WorldView } from "../protocol/index.js";
import { loadDockerCli, ShellSession } from "../shell/index.js";
import type { Persistence } from "./persistence.js";
import { lazyFileSystem } from "./host-files.js";
import { hostNetwork } from "./host-network.js";
import { previewGet } from "./preview.js";
import { diffWorld, readWorld } from "./world-view.js";

const emptyWorld: WorldView = { containers: [], images: [], volumes: [], networks: [] };
/** Simulated registry speed: a pull of nginx takes about a second, as on a good connection. */
const pullBandwidth = 60_000_000;

export interface PlaygroundOptions {
  post(message: WorkerToUi): void;
  persistence: Persistence;
  clock: Clock;
  ids: IdSource;
  /** Simulated registry speed in bytes per second (0: instant, for tests). */
  pullBandwidth?: number;
}

export class Playground {
  private engine!: Engine;
  private client!: DockerClient;
  private shell!: ShellSession;
  private world: WorldView = emptyWorld;
  private restoreOutcome: RestoreOutcome = { status: "fresh" };
  private refreshQueued = false;
  private unsubscribe: () => void = () => undefined;
  /** False when the saved state is from a newer version: we must not overwrite it. */
  private writable = true;

  private constructor(private readonly options: PlaygroundOptions) {}

  /**
   * Restores the saved playground as soon as the worker starts, without waiting for the UI:
   * the page's own start-up (React, xterm.js) runs meanwhile. greet() then opens the session.
   */
  static async prepare(options: PlaygroundOptions): Promise<Playground> {
    const playground = new Playground(options);
    await playground.restore();
    return playground;
  }

  /** The UI said hello: size the terminal, report the world, and print the first prompt. */
  greet(cols: number, rows: number): void {
    this.shell.resize(cols, rows);
    this.options.post({ type: "ready", protocolVersion: PROTOCOL_VERSION, world: this.world, restore: this.restoreOutcome });
    this.shell.start();
  }

  private async restore(): Promise<void> {
    const { persistence } = this.options;
    const saved = await persistence.load();
    let restore: RestoreOutcome = { status: "fresh" };
    let snapshot: EngineSnapshot | undefined;
    if (!saved.empty) {
      const result = loadSnapshot(saved.engine);
      if (result.status === "ok") {
        snapshot = result.snapshot;
        restore = { status: "ok" };
      } else if (result.status === "too-new") {
        restore = result;
        this.writable = false;
      } else {
        restore = result;
        await persistence.clearAll();
      }
    }
    const files = restore.status === "ok" ? saved.files : {};
    const history = restore.status === "ok" ? saved.history : [];
    this.startEngine(snapshot);
    this.shell = this.createShell(files, history);
    if (!snapshot) await this.persistEngine();
    this.world = await readWorld(this.client);
    this.restoreOutcome = restore;
  }

  private startEngine(snapshot: EngineSnapshot | undefined): void {
    this.unsubscribe();
    this.engine = new Engine({
      clock: this.options.clock,
      ids: this.options.ids,
      // Bind mounts show the terminal's files; they exist once the host shell has loaded.
      hostFs: lazyFileSystem(() => this.shell.hostFileSystem()),
      pullBandwidth: this.options.pullBandwidth ?? pullBandwidth,
      // IndexedDB keeps what changes (takeChanges, after every command).
      persistent: true,
      ...(snapshot ? { snapshot } : {}),
    });
    this.client = new DockerClient(new InProcessTransport(this.engine.handle));
    // Background changes (a container exiting, a restart policy firing) reach the UI and the disk too.
    this.unsubscribe = this.engine.ctx.events.subscribe(() => this.queueRefresh());
  }

  private createShell(files: Record<string, string | Uint8Array>, history: string[]): ShellSession {
    const { persistence, clock } = this.options;
    return new ShellSession({
      // The CLI is a chunk of its own: a `docker` line typed before it arrived waits for it.
      docker: async (argv, io) => (await loadDockerCli()).runDocker(argv, io, this.client),
      // Tab completion lists containers, images... through the same client as `docker`.
      client: () => this.client,
      network: () => hostNetwork(() => this.engine.net, clock),
      // The CLI's random bytes come from the same source as the engine's ids (crypto in the worker).
      randomFill: (bytes) => {
        const hex = this.options.ids.randomHex(bytes.length);
        for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
      },
      write: (data) => this.writeOutput(data),
      clock,
      cols: 80,
      rows: 24,
      history,
      files,
      // Saved after the command with its other changes, so IndexedDB work never delays its output.
      onHistory: (h) => {
        this.pendingHistory = h;
      },
      onFilesChanged: (changed) => {
        if (this.writable) void persistence.writeFiles(changed);
      },
      onCommandFinished: () => this.refresh(),
    });
  }

  private pendingOutput = "";
  private pendingHistory: string[] | undefined;

  /**
   * Terminal bytes written in one turn of the event loop travel as one message: the echo, the
   * command's output and the next prompt reach the UI together, drawn in one frame.
   */
  private writeOutput(data: string): void {
    if (this.pendingOutput === "") {
      queueMicrotask(() => {
        const out = this.pendingOutput;
        this.pendingOutput = "";
        this.options.post({ type: "output", data: out });
      });
    }
    this.pendingOutput += data;
  }

  private persistEngine(): Promise<void> {
    const changes = this.engine.takeChanges();
    if (!this.writable) return Promise.resolve();
    if (this.pendingHistory) {
      void this.options.persistence.writeHistory(this.pendingHistory);
      this.pendingHistory = undefined;
    }
    return this.options.persistence.writeEngine(this.engine.daemonId, changes);
  }

  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    this.options.clock.setTimer(16, () => {
      this.refreshQueued = false;
      void this.refresh();
    });
  }

  /** Persists what changed and sends the UI the records that differ from its view. */
  async refresh(): Promise<void> {
    const saved = this.persistEngine();
    const next = await readWorld(this.client);
    const changes = diffWorld(this.world, next);
    this.world = next;
    if (changes.length > 0) this.options.post({ type: "world-changed", changes });
    await saved;
  }

  async handle(message: UiToWorker): Promise<void> {
    switch (message.type) {
      case "input":
        this.prefetch();
        this.shell.input(message.data);
        break;
      case "resize":
        this.shell.resize(message.cols, message.rows);
        break;
      case "run-command":
        this.shell.runCommand(message.command);
        break;
      case "reset":
        await this.reset();
        break;
      case "http-get": {
        const response = await previewGet(this.engine.net, message.port, message.path);
        this.options.post({ type: "http-response", id: message.id, response });
        // A served page writes an access log line: the panels may show it.
        void this.refresh();
        break;
      }
      case "hello":
        break;
    }
  }

  private prefetched = false;

  /**
   * The image catalog and the docker CLI are not needed for the first prompt, so they are not
   * fetched before it; the first keystroke fetches them (as it does just-bash), and a `docker run`
   * typed next finds them.
   */
  private prefetch(): void {
    if (this.prefetched) return;
    this.prefetched = true;
    // A failed fetch is retried by the request that needs it, which reports the error.
    loadImageCatalog().catch(() => undefined);
    loadDockerCli().catch(() => undefined);
  }

  private async reset(): Promise<void> {
    await this.options.persistence.clearAll();
    this.writable = true;
    this.startEngine(undefined);
    await this.persistEngine();
    this.world = await readWorld(this.client);
    this.options.post({ type: "reset-done", world: this.world });
    this.shell.reset({}, []);
  }
}
