// The daemon: owns the record store and the services, and answers the Engine API.
import type { IFileSystem } from "just-bash";
import type { ApiRequest, ApiResponse } from "./api/types.js";
import { Filesystems } from "./fs/filesystems.js";
import { NetStack } from "./net/net-stack.js";
import { ProcessTable } from "./runtime/process-table.js";
import type { Activity } from "./containers/container-stats.js";
import type { ContainerRecord } from "./containers/container-record.js";
import { catalogGate } from "./api/catalog-gate.js";
import { createRouter } from "./api/router.js";
import { ContainerService } from "./containers/container-service.js";
import { ContainerSettings } from "./containers/container-settings.js";
import type { EngineContext } from "./engine-context.js";
import { EventBus } from "./events/event-bus.js";
import { ExecService } from "./exec/exec-service.js";
import { ImageService } from "./image-store/image-service.js";
import { catalogState, loadCatalog } from "./images/index.js";
import { LogStore } from "./logs/log-store.js";
import { NetworkService } from "./networks/network-service.js";
import type { Clock, IdSource } from "./ports.js";
import { PortAllocator, type HostPortBusy } from "./ports/port-allocator.js";
import { RecordStore, type RecordChange } from "./state/record-store.js";
import { schemaVersion, type EngineSnapshot } from "./state/snapshot.js";
import { VolumeService } from "./volumes/volume-service.js";

export interface EngineOptions {
  clock: Clock;
  ids: IdSource;
  /** A loaded snapshot to start from (a daemon restart); a fresh engine otherwise. */
  snapshot?: EngineSnapshot;
  /** Simulated registry bandwidth in bytes per second; 0 makes pulls instant. */
  pullBandwidth?: number;
  /** The daemon's name in `docker info`. */
  hostname?: string;
  /** The host's files, which bind mounts show inside containers. */
  hostFs?: IFileSystem;
  /** The first ephemeral host port (32768, as Docker's, unless a test host needs another). */
  firstEphemeralPort?: number;
  /**
   * Whether something keeps the engine's state (takeChanges): only then are changes logged. The
   * playground's worker and a daemon with --data-root say true; an engine kept in memory alone (a
   * library user's, a daemon without --data-root) leaves it false, and takeChanges stays empty.
   */
  persistent?: boolean;
  /** Ports other programs hold on the host (a daemon publishing for real); none by default. */
  hostPortBusy?: HostPortBusy;
}

export class Engine {
  readonly ctx: EngineContext;
  readonly images: ImageService;
  readonly networks: NetworkService;
  readonly volumes: VolumeService;
  readonly containers: ContainerService;
  readonly containerSettings: ContainerSettings;
  readonly exec: ExecService;
  readonly logs: LogStore;
  readonly fs: Filesystems;
  readonly net: NetStack;
  readonly processes = new ProcessTable();
  readonly ports: PortAllocator;
  readonly daemonId: string;
  readonly hostname: string;
  readonly pullBandwidth: number;
  readonly handle: (request: ApiRequest) => Promise<ApiResponse>;
  /** A restart that waits for the image catalog; requests wait for it too. */
  private restoring: Promise<void> | undefined;

  constructor(options: EngineOptions) {
    const store = new RecordStore(options.persistent ?? false);
    this.ports = new PortAllocator(options.firstEphemeralPort, options.hostPortBusy);
    this.ctx = { store, clock: options.clock, ids: options.ids, events: new EventBus(options.clock) };
    this.images = new ImageService(this.ctx);
    this.networks = new NetworkService(this.ctx);
    this.volumes = new VolumeService(this.ctx);
    this.logs = new LogStore(store);
    this.fs = new Filesystems(this.ctx, { findImage: (id) => this.images.find(id), hostFs: options.hostFs, listeningPorts: (id) => this.net.listeningPorts(id) });
    this.net = new NetStack(this.ctx, () => this.containers.all());
    this.containers = new ContainerService(this.ctx, {
      images: this.images,
      networks: this.networks,
      volumes: this.volumes,
      ports: this.ports,
      logs: this.logs,
      fs: this.fs,
      net: this.net,
      processes: this.processes,
    });
    this.containerSettings = new ContainerSettings(this.ctx, this.containers);
    this.exec = new ExecService(this.ctx, this.containers, this.fs, this.processes);
    this.pullBandwidth = options.pullBandwidth ?? 0;
    this.hostname = options.hostname ?? "docker-playground";
    if (options.snapshot) {
      for (const r of structuredClone(options.snapshot.records)) store.put(r.kind, r.key, r.value);
      this.daemonId = options.snapshot.daemonId;
    } else {
      this.daemonId = this.ctx.ids.randomHex(32);
    }
    this.networks.ensurePredefined();
    if (options.snapshot) this.restoreAfterRestart();
    this.handle = catalogGate(createRouter(this), () => this.restoring);
  }

  /**
   * Containers that were running stop, and those with a restart policy start again, which reads
   * their images' files: with any running, that waits for the catalog (fetched on first use).
   * If it cannot be fetched, they stay exited, as a container that cannot come back does.
   */
  private restoreAfterRestart(): void {
    const restore = () => this.containers.restoreAfterRestart();
    if (catalogState() === "loaded" || !this.containers.all().some((c) => c.State.Running)) {
      restore();
      return;
    }
    this.restoring = loadCatalog()
      .catch(() => undefined)
      .then(restore)
      .finally(() => (this.restoring = undefined));
  }

  /** What a container has done since it started, for docker stats and docker top. */
  activity(c: ContainerRecord): Activity {
    const traffic = this.net.trafficOf(c.Id);
    const running = this.processes.list(c.Id).length;
    return {
      ...traffic,
      processes: Math.max(1, running),
      processesStarted: Math.max(1, this.processes.startedIn(c.Id)),
      written: this.fs.writableSize(c),
    };
  }

  /** Records changed since the last call: what persistence must write. */
  takeChanges(): RecordChange[] {
    this.fs.flush();
    return this.ctx.store.takeChanges();
  }

  snapshot(): EngineSnapshot {
    // A plain document, detached from the live records. An engine that tracks no changes has no
    // list of changed trees to write, so it writes them all.
    if (this.ctx.store.tracksChanges) this.fs.flush();
    else this.fs.flushAll();
    return structuredClone({ schemaVersion, daemonId: this.daemonId, records: this.ctx.store.entries() });
  }
}
