// Builds a new container record from a create request: name, id, merged config, networks and
// mounts. Every check runs before anything is stored, so a failed create leaves nothing behind.
import type { EngineContext } from "../engine-context.js";
import { conflict, invalidParameter, notFound } from "../errors.js";
import { displayRef } from "../image-store/image-service.js";
import type { ContainerRecord, EndpointSettings, MountPoint } from "./container-record.js";
import type { ContainerDeps } from "./container-service.js";
import { buildConfig, buildHostConfig, type CreateBody } from "./create-config.js";
import { generateName, validContainerName } from "./names.js";

function newId(ctx: EngineContext): string {
  // The daemon regenerates ids whose short form is all digits (it would read as a number).
  for (;;) {
    const id = ctx.ids.randomHex(32);
    if (!/^\d+$/.test(id.slice(0, 12))) return id;
  }
}

type NameOwner = (name: string) => string | undefined;

function pickName(ctx: EngineContext, taken: NameOwner, requested: string | undefined, id: string): string {
  if (requested) {
    if (!validContainerName.test(requested)) {
      throw invalidParameter(`Invalid container name (${requested}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const name = requested.startsWith("/") ? requested : `/${requested}`;
    const owner = taken(name);
    if (owner) {
      throw conflict(
        `Conflict. The container name "${name}" is already in use by container "${owner}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    return name;
  }
  for (let retry = 0; retry < 6; retry++) {
    const name = `/${generateName(ctx.ids, retry)}`;
    if (!taken(name)) return name;
  }
  return `/${id.slice(0, 12)}`;
}

export function buildContainer(
  ctx: EngineContext,
  deps: ContainerDeps,
  nameOwner: NameOwner,
  body: CreateBody,
  requestedName: string | undefined,
): ContainerRecord {
  if (!body.Image) throw invalidParameter("config cannot be empty in order to create a container");
  const image = deps.images.find(body.Image);
  if (!image) throw notFound(`No such image: ${displayRef(body.Image)}`);
  const hostConfig = buildHostConfig(body);
  const id = newId(ctx);
  const config = buildConfig(body, image, id.slice(0, 12));
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  if (argv.length === 0) throw invalidParameter("no command specified");

  const mode = hostConfig.NetworkMode;
  const networkName = mode.startsWith("container:") ? undefined : mode;
  const networks: Record<string, EndpointSettings> = {};
  if (networkName) {
    const network = deps.networks.find(networkName);
    const requested = body.NetworkingConfig?.EndpointsConfig?.[networkName];
    networks[network.Name] = deps.networks.newEndpoint(network, requested?.Aliases ?? null);
  }
  const name = pickName(ctx, nameOwner, requestedName, id);

  const mounts = planMounts(hostConfig.Binds ?? [], Object.keys(config.Volumes ?? {}), (hostConfig["Mounts"] as MountSpec[] | null | undefined) ?? []);
  // From here on nothing can fail: create the volumes the mounts need.
  for (const mount of mounts) {
    if (mount.Type !== "volume") continue;
    const volume = deps.volumes.create(mount.Name);
    mount.Name = volume.Name;
    mount.Source = volume.Mountpoint;
  }
  return {
    Id: id,
    Created: ctx.clock.now(),
    Path: argv[0] ?? "",
    Args: argv.slice(1),
    State: {
      Status: "created",
      Running: false,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: 0,
      ExitCode: 0,
      Error: "",
      StartedAt: 0,
      FinishedAt: 0,
    },
    Image: image.Id,
    Name: name,
    RestartCount: 0,
    Config: config,
    HostConfig: hostConfig,
    Networks: networks,
    Ports: {},
    Mounts: mounts,
    HasBeenManuallyStopped: false,
  };
}

/** HostConfig.Mounts as --mount and the SDKs send them (api/types/mount). */
interface MountSpec {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy?: boolean } | null;
}

function specMount(spec: MountSpec): MountPoint {
  const target = spec.Target ?? "";
  if (!target) throw invalidParameter("invalid mount config: Target must not be empty");
  const rw = spec.ReadOnly !== true;
  switch (spec.Type) {
    case "bind":
      if (!spec.Source) throw invalidParameter(`invalid mount config for type "bind": field Source must not be empty`);
      return { Type: "bind", Source: spec.Source, Destination: target, Mode: "", RW: rw, Propagation: "rprivate" };
    case "tmpfs":
      if (spec.Source) throw invalidParameter(`invalid mount config for type "tmpfs": field Source must not be specified`);
      return { Type: "tmpfs", Source: "", Destination: target, Mode: "", RW: rw, Propagation: "" };
    case "volume":
    case undefined:
      return { ...volumeMount(spec.Source || undefined, target, spec.VolumeOptions?.NoCopy ? "nocopy" : "z"), Mode: spec.VolumeOptions?.NoCopy ? "nocopy" : "z", RW: rw };
    default:
      throw invalidParameter(`invalid mount config: mount type unknown: "${spec.Type}"`);
  }
}

/** Mounts from -v binds, --mount specs and the image's VOLUME paths (anonymous volumes for the rest). */
function planMounts(binds: string[], imageVolumes: string[], specs: MountSpec[] = []): MountPoint[] {
  const mounts: MountPoint[] = [];
  for (const spec of specs) {
    const mount = specMount(spec);
    if (mounts.some((m) => m.Destination === mount.Destination) || binds.some((b) => b.split(":")[1] === mount.Destination)) {
      throw invalidParameter(`Duplicate mount point: ${mount.Destination}`);
    }
    mounts.push(mount);
  }
  for (const bind of binds) {
    const parts = bind.split(":");
    const [source = "", destination = "", mode = ""] = parts;
    if (parts.length < 2) {
      mounts.push(volumeMount(undefined, source, ""));
      continue;
    }
    const rw = !mode.split(",").includes("ro");
    if (source.startsWith("/")) {
      mounts.push({ Type: "bind", Source: source, Destination: destination, Mode: mode, RW: rw, Propagation: "rprivate" });
    } else {
      mounts.push({ ...volumeMount(source, destination, mode), RW: rw });
    }
  }
  for (const path of imageVolumes) {
    if (!mounts.some((m) => m.Destination === path)) mounts.push(volumeMount(undefined, path, ""));
  }
  return mounts;
}

function volumeMount(name: string | undefined, destination: string, mode: string): MountPoint {
  const mount: MountPoint = { Type: "volume", Source: "", Destination: destination, Driver: "local", Mode: mode, RW: true, Propagation: "" };
  if (name !== undefined) mount.Name = name;
  return mount;
}
