// Every filesystem the daemon keeps: image layers (the catalog's, and those made by commit,
// build, load and import), each container's writable layer, and each volume's data. Containers
// see them composed: their image's layers under their own, with volumes, bind mounts, tmpfs and
// the per-container /etc files mounted on top.
import type { IFileSystem } from "just-bash";
import type { ContainerRecord } from "../containers/container-record.js";
import type { EngineContext } from "../engine-context.js";
import type { ImageRecord } from "../images/image-record.js";
import { catalogLayer } from "../images/index.js";
import { hostnameFile, hostsFile, resolvConfFile, type EtcInput } from "./etc-files.js";
import { decodeLayer, encodeLayer } from "./layer-codec.js";
import { UpperLayer } from "./upper-layer.js";
import { contentSize, isWithin, normalizePath, type Layer, type LiveEntry } from "./layer.js";
import { LayeredFs } from "./layered-fs.js";
import { LazyFs } from "./lazy-fs.js";
import { MountedFs, type Mount } from "./mounted-fs.js";

export interface FilesystemDeps {
  findImage(id: string): ImageRecord | undefined;
  /** The host's files, for bind mounts (the terminal's filesystem in the browser). */
  hostFs?: IFileSystem | undefined;
  /** The TCP ports a container's services listen on: what its /proc/net/tcp lists. */
  listeningPorts?: (containerId: string) => number[];
}

/** A writable layer may hold this much before writes fail with "No space left on device". */
const MAX_WRITABLE_BYTES = 64 * 1024 * 1024;
const PREDEFINED_NETWORKS = new Set(["bridge", "host", "none", "default"]);

/** What compose() mounts in every container besides its own mounts. */
const GENERATED_MOUNTS = ["/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/proc/net"];

/** Whether a mount at `target` lies over the (normal) path `p` or under it. */
function overlaps(p: string, target: string): boolean {
  const t = normalizePath(target);
  return isWithin(p, t) || isWithin(t, p);
}

const containerKey = (id: string) => `container/${id}`;
const volumeKey = (name: string) => `volume/${name}`;

export class Filesystems {
  private readonly roots = new Map<string, LayeredFs>();
  private readonly uppers = new Map<string, Layer>();
  private readonly volumes = new Map<string, LayeredFs>();
  private readonly views = new Map<string, MountedFs>();
  private readonly dirty = new Set<string>();
  /** Per image: its layers, topmost first, and a lookup cache shared by its containers. */
  private readonly lowerViews = new Map<string, { layers: Layer[]; cache: Map<string, LiveEntry | null> }>();
  /**
   * What every writable tree calls when it changes: one function for all of them. Only an engine
   * whose changes are persisted keeps the list; for any other it would only grow.
   */
  private readonly treeChanged = (_path: string, name: string) => {
    if (this.ctx.store.tracksChanges) this.dirty.add(name);
  };
  /** The clock every writable tree stamps its changes with: one function for all of them. */
  private readonly now = () => this.ctx.clock.now();

  constructor(
    private readonly ctx: EngineContext,
    private readonly deps: FilesystemDeps,
  ) {
    ctx.events.subscribe((event) => {
      if (event.Type === "container" && event.Action === "destroy") this.dropContainer(event.Actor.ID);
      else if (event.Type === "container" && event.Action === "die") this.unmount(event.Actor.ID);
      else if (event.Type === "volume" && event.Action === "destroy") this.dropVolume(event.Actor.ID);
    });
  }

  /** A layer by diff id: the catalog's, or one this daemon made. Unknown ids are empty. */
  layer(diffId: string): Layer {
    const catalog = catalogLayer(diffId);
    if (catalog) return catalog;
    const stored = this.ctx.store.get<unknown>("layer", diffId);
    if (stored === undefined) return new Map();
    const layer = decodeLayer(stored);
    return layer;
  }

  /** Keeps a layer made here (commit, build, load, import) under its diff id. */
  keepLayer(diffId: string, layer: Layer): void {
    if (catalogLayer(diffId) || this.ctx.store.get("layer", diffId) !== undefined) return;
    this.ctx.store.put("layer", diffId, encodeLayer(layer));
  }

  /** An image's layers, topmost first (the order reads look through them). */
  imageLayers(image: ImageRecord | undefined): Layer[] {
    return (image?.Layers ?? []).map((id) => this.layer(id)).reverse();
  }

  private lowerView(imageId: string): { layers: Layer[]; cache: Map<string, LiveEntry | null> } {
    let view = this.lowerViews.get(imageId);
    if (!view) {
      view = { layers: this.imageLayers(this.deps.findImage(imageId)), cache: new Map() };
      this.lowerViews.set(imageId, view);
    }
    return view;
  }

  /** The container's root filesystem: its image's layers under its own writable layer. */
  rootfs(c: ContainerRecord): LayeredFs {
    let fs = this.roots.get(c.Id);
    if (!fs) {
      const key = containerKey(c.Id);
      let upper = this.uppers.get(c.Id);
      if (!upper) {
        upper = decodeLayer(this.ctx.store.get<unknown>("fs", key), new UpperLayer());
        this.uppers.set(c.Id, upper);
      }
      const lower = this.lowerView(c.Image);
      fs = new LayeredFs({
        lowers: lower.layers,
        lowerCache: lower.cache,
        upper,
        now: this.now,
        readOnly: c.HostConfig["ReadonlyRootfs"] === true,
        maxUpperBytes: MAX_WRITABLE_BYTES,
        name: key,
        onChange: this.treeChanged,
      });
      this.roots.set(c.Id, fs);
    }
    return fs;
  }

  /** The writable layer of a container as it stands. */
  upperOf(c: ContainerRecord): Layer {
    this.rootfs(c);
    return this.uppers.get(c.Id) ?? new Map();
  }

  /** A volume's data, as one writable tree. */
  volume(name: string): LayeredFs {
    let fs = this.volumes.get(name);
    if (!fs) {
      const key = volumeKey(name);
      fs = new LayeredFs({
        lowers: [],
        upper: decodeLayer(this.ctx.store.get<unknown>("fs", key), new UpperLayer()),
        now: this.now,
        maxUpperBytes: MAX_WRITABLE_BYTES,
        name: key,
        onChange: this.treeChanged,
      });
      this.volumes.set(name, fs);
    }
    return fs;
  }

  /** Bytes held by a volume (for `docker system df -v`). */
  volumeSize(name: string): number {
    let size = 0;
    for (const path of this.volume(name).walk("/")) {
      const entry = this.volume(name).entry(path);
      if (entry?.type === "file") size += contentSize(entry.content);
    }
    return size;
  }

  /** Bytes in a container's writable layer (SizeRw). */
  writableSize(c: ContainerRecord): number {
    let size = 0;
    for (const entry of this.upperOf(c).values()) if (entry.type === "file") size += contentSize(entry.content);
    return size;
  }

  /**
   * What the container's processes see, built when it starts: volumes (filled from the image on
   * first use, as Docker copies an image's content into an empty volume), bind mounts, tmpfs,
   * and the /etc files Docker generates.
   */
  view(c: ContainerRecord): MountedFs {
    let view = this.views.get(c.Id);
    if (!view) {
      view = this.compose(c);
      this.views.set(c.Id, view);
    }
    return view;
  }

  /** Forgets a container's mounted view at stop: tmpfs contents go, /etc files are rewritten at start. */
  unmount(containerId: string): void {
    this.views.delete(containerId);
  }

  private compose(c: ContainerRecord): MountedFs {
    const root = this.rootfs(c);
    const mounts: Mount[] = [];
    // The daemon makes a directory in the container's root for each volume and tmpfs to hang on.
    if (c.HostConfig["ReadonlyRootfs"] !== true) {
      for (const m of c.Mounts) {
        if (m.Type === "bind") continue;
        try {
          if (!root.resolve(m.Destination, true).entry) root.makeDir(m.Destination, true);
        } catch {
          // A file in the way: the mount shows over it regardless.
        }
      }
    }
    for (const m of c.Mounts) {
      if (m.Type === "volume" && m.Name) {
        const data = this.volume(m.Name);
        if (data.list("/").length === 0 && !m.Mode.split(",").includes("nocopy")) this.seedVolume(data, root, m.Destination);
        mounts.push({ target: m.Destination, fs: data, readOnly: !m.RW });
      } else if (m.Type === "bind") {
        mounts.push({ target: m.Destination, fs: this.deps.hostFs ?? emptyTree(this.ctx.clock.now()), source: m.Source, readOnly: !m.RW });
      } else if (m.Type === "tmpfs") {
        mounts.push({ target: m.Destination, fs: emptyTree(this.ctx.clock.now()), readOnly: !m.RW });
      }
    }
    for (const target of Object.keys((c.HostConfig["Tmpfs"] as Record<string, string> | undefined) ?? {})) {
      mounts.push({ target, fs: emptyTree(this.ctx.clock.now()) });
    }
    // The files say what the container was at this moment; their text is written on first read.
    const input = this.etcInput(c);
    const now = this.ctx.clock.now();
    const etc = new LazyFs(() => etcTree(input, now));
    for (const name of ["hostname", "hosts", "resolv.conf"]) mounts.push({ target: `/etc/${name}`, fs: etc, source: `/${name}` });
    // /proc/net/tcp and tcp6 as the kernel writes them, read afresh each time: what a readiness
    // check (testcontainers' `cat /proc/net/tcp*`) looks for.
    const listening = this.deps.listeningPorts;
    if (listening) mounts.push({ target: "/proc/net", fs: new LazyFs(() => procNetTree(listening(c.Id), this.ctx.clock.now()), true), readOnly: true });
    return new MountedFs(root, mounts);
  }

  private seedVolume(data: LayeredFs, root: LayeredFs, destination: string): void {
    let resolved;
    try {
      resolved = root.resolve(destination, true);
    } catch {
      return;
    }
    if (resolved.entry?.type !== "dir") return;
    for (const path of root.walk(resolved.path)) {
      if (path === resolved.path) continue;
      const entry = root.entry(path);
      if (entry) data.put(path.slice(resolved.path.length), { ...entry });
    }
  }

  private etcInput(c: ContainerRecord): EtcInput {
    const mode = c.HostConfig.NetworkMode;
    const list = (field: string) => (c.HostConfig[field] as string[] | null | undefined) ?? [];
    return {
      hostname: c.Config.Hostname,
      domainname: c.Config.Domainname,
      addresses: Object.values(c.Networks).map((n) => n.IPAddress).filter((ip) => ip !== ""),
      extraHosts: list("ExtraHosts"),
      embeddedDns: Object.keys(c.Networks).some((name) => !PREDEFINED_NETWORKS.has(name)),
      dns: list("Dns"),
      dnsSearch: list("DnsSearch"),
      dnsOptions: list("DnsOptions"),
      hostNetwork: mode === "host",
      noNetwork: mode === "none",
    };
  }

  /**
   * Whether a path under one of the container's volumes or mounts is an executable file there;
   * undefined when no mount covers it. Bind mounts (the host's files) are taken on trust.
   */
  mountedExecutable(c: ContainerRecord, path: string): "yes" | "missing" | "denied" | undefined {
    if (c.Mounts.length === 0) return undefined;
    const mount = [...c.Mounts].sort((a, b) => b.Destination.length - a.Destination.length).find((m) => path === m.Destination || path.startsWith(`${m.Destination.replace(/\/$/, "")}/`));
    if (!mount) return undefined;
    if (mount.Type === "bind") return "yes";
    if (mount.Type !== "volume" || !mount.Name) return "missing";
    try {
      const { entry } = this.volume(mount.Name).resolve(path.slice(mount.Destination.replace(/\/$/, "").length) || "/", true);
      if (!entry) return "missing";
      return entry.type === "file" && (entry.mode & 0o111) !== 0 ? "yes" : "denied";
    } catch {
      return "missing";
    }
  }

  /**
   * ProcessContext.unmounted: true when no mount of the container (volume, bind, tmpfs, the
   * generated /etc files, /proc/net) lies over `path` or anywhere under it, so the root
   * filesystem alone answers for it, synchronously and without composing the view.
   */
  unmounted(c: ContainerRecord, path: string): boolean {
    const p = normalizePath(path);
    for (const m of c.Mounts) if (overlaps(p, m.Destination)) return false;
    const tmpfs = c.HostConfig["Tmpfs"] as Record<string, string> | undefined;
    if (tmpfs) for (const target in tmpfs) if (overlaps(p, target)) return false;
    for (const target of GENERATED_MOUNTS) if (overlaps(p, target)) return false;
    return true;
  }

  /** `docker diff`: the writable layer's changes. */
  diff(c: ContainerRecord): { Path: string; Kind: 0 | 1 | 2 }[] {
    return this.rootfs(c).changes();
  }

  dropContainer(id: string): void {
    this.roots.delete(id);
    this.uppers.delete(id);
    this.views.delete(id);
    this.forget(containerKey(id));
  }

  dropVolume(name: string): void {
    this.volumes.delete(name);
    this.forget(volumeKey(name));
  }

  private forget(key: string): void {
    this.dirty.delete(key);
    if (this.ctx.store.get("fs", key) !== undefined) this.ctx.store.remove("fs", key);
  }

  /** Writes changed trees into the record store, so persistence sees them. */
  flush(): void {
    for (const key of this.dirty) {
      const [kind, name = ""] = key.split(/\/(.*)/s);
      const layer = kind === "container" ? this.uppers.get(name) : this.volumes.get(name)?.upperLayer;
      if (layer) this.ctx.store.put("fs", key, encodeLayer(layer));
    }
    this.dirty.clear();
  }

  /**
   * Writes every tree in use into the record store, changed or not: for a snapshot of an engine
   * whose changes are not tracked (nothing persists it, so no list of changed trees is kept).
   */
  flushAll(): void {
    for (const [id, layer] of this.uppers) this.ctx.store.put("fs", containerKey(id), encodeLayer(layer));
    for (const [name, fs] of this.volumes) this.ctx.store.put("fs", volumeKey(name), encodeLayer(fs.upperLayer));
    this.dirty.clear();
  }
}

/** The tree the /etc file mounts come from, as of `now`. */
function etcTree(input: EtcInput, now: number): LayeredFs {
  const etc = emptyTree(now);
  etc.put("/hostname", { type: "file", content: hostnameFile(input), mode: 0o644, mtime: now });
  etc.put("/hosts", { type: "file", content: hostsFile(input), mode: 0o644, mtime: now });
  etc.put("/resolv.conf", { type: "file", content: resolvConfFile(input), mode: 0o644, mtime: now });
  return etc;
}

function emptyTree(now: number): LayeredFs {
  return new LayeredFs({ lowers: [], upper: new Map([["/", { type: "dir", mode: 0o755, mtime: now }]]), now: () => now });
}


/** /proc/net's tcp tables: a listening socket per port, on 0.0.0.0 and on ::. */
function procNetTree(ports: number[], now: number): LayeredFs {
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");
  const row = (i: number, local: string, remote: string, port: number) =>
    `${String(i).padStart(4, " ")}: ${local}:${hex(port, 4)} ${remote}:0000 0A 00000000:00000000 00:00000000 00000000     0        0 ${10000 + port} 1 0000000000000000 100 0 0 10 0`;
  const tcp = [
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
    ...ports.map((port, i) => row(i, "00000000", "00000000", port)),
  ];
  const zero6 = "0".repeat(32);
  const tcp6 = [
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
    ...ports.map((port, i) => row(i, zero6, zero6, port)),
  ];
  const tree = emptyTree(now);
  tree.put("/tcp", { type: "file", content: `${tcp.join("\n")}\n`, mode: 0o444, mtime: now });
  tree.put("/tcp6", { type: "file", content: `${tcp6.join("\n")}\n`, mode: 0o444, mtime: now });
  return tree;
}
