// Turns a POST /containers/create body into a container record: the client's Config merged over
// the image's, HostConfig with the daemon's defaults filled in, and the checks the daemon makes.
import { invalidParameter } from "../errors.js";
import type { ImageRecord } from "../images/image-record.js";
import type { ContainerConfig, HostConfig, RestartPolicy } from "./container-record.js";

export interface CreateBody extends Partial<Omit<ContainerConfig, "Labels" | "Env">> {
  Env?: string[] | null;
  Labels?: Record<string, string> | null;
  HostConfig?: Partial<HostConfig> | null;
  NetworkingConfig?: { EndpointsConfig?: Record<string, { Aliases?: string[] | null; IPAMConfig?: Record<string, unknown> | null }> | null } | null;
}

const restartNames = ["", "no", "always", "on-failure", "unless-stopped"];

export function validateRestartPolicy(policy: RestartPolicy): void {
  if (!restartNames.includes(policy.Name)) {
    throw invalidParameter(
      `invalid restart policy: unknown policy '${policy.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
    );
  }
  if (policy.MaximumRetryCount !== 0 && policy.Name !== "on-failure") {
    throw invalidParameter(
      policy.MaximumRetryCount < 0
        ? "invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative"
        : "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    );
  }
  if (policy.MaximumRetryCount < 0) throw invalidParameter("invalid restart policy: maximum retry count cannot be negative");
}

function envKey(entry: string): string {
  const eq = entry.indexOf("=");
  return eq < 0 ? entry : entry.slice(0, eq);
}

/** Image Env first, the client's entries replacing same-named ones (daemon's ReplaceOrAppendEnvValues). */
export function mergeEnv(base: string[], overrides: string[]): string[] {
  const out = [...base];
  for (const entry of overrides) {
    const i = out.findIndex((e) => envKey(e) === envKey(entry));
    if (i >= 0) out[i] = entry;
    else out.push(entry);
  }
  return out;
}

/** A port spec as nat.SplitProtoPort reads it: a port or range, then a known protocol if any (more parts are ignored). */
function checkPortSpec(spec: string): void {
  const slash = spec.indexOf("/");
  const port = slash < 0 ? spec : spec.slice(0, slash);
  const next = slash < 0 ? -1 : spec.indexOf("/", slash + 1);
  const proto = slash < 0 ? undefined : spec.slice(slash + 1, next < 0 ? undefined : next);
  const ok = /^\d+(-\d+)?$/.test(port) && (proto === undefined || proto === "tcp" || proto === "udp" || proto === "sctp");
  if (!ok) throw invalidParameter(`invalid port specification: "${spec}"`);
}

function validatePorts(config: Pick<CreateBody, "ExposedPorts">, host: Partial<HostConfig>): void {
  if (config.ExposedPorts) for (const spec in config.ExposedPorts) checkPortSpec(spec);
  const bindings = host.PortBindings;
  if (!bindings) return;
  for (const spec in bindings) {
    checkPortSpec(spec);
    for (const b of bindings[spec] ?? []) {
      if (b.HostPort && !/^\d+(-\d+)?$/.test(b.HostPort)) throw invalidParameter(`invalid port specification: "${b.HostPort}"`);
    }
  }
}

/**
 * The image's map with the client's entries over it. Written out rather than as a spread of two
 * objects, which V8 runs through its slow generic path when the shapes vary.
 */
function merged<T>(base: Record<string, T> | null | undefined, over: Record<string, T> | null | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (base) for (const key in base) out[key] = base[key] as T;
  if (over) for (const key in over) out[key] = over[key] as T;
  return out;
}

export function buildConfig(body: CreateBody, image: ImageRecord, hostname: string): ContainerConfig {
  const ic = image.Config;
  const entrypoint = body.Entrypoint && body.Entrypoint.length > 0 ? body.Entrypoint : null;
  // A client entrypoint replaces the image's and discards the image's Cmd, as the daemon does.
  const cmd = body.Cmd && body.Cmd.length > 0 ? body.Cmd : entrypoint ? null : (ic.Cmd ?? null);
  const exposed = merged(ic.ExposedPorts, body.ExposedPorts);
  const health = body.Healthcheck ?? ic.Healthcheck;
  const volumes = merged(ic.Volumes, body.Volumes);
  // mergeAndVerifyConfig: an entrypoint of [""] (--entrypoint "") resets it, after the merge.
  let mergedEntrypoint = entrypoint ?? ic.Entrypoint ?? null;
  if (mergedEntrypoint?.length === 1 && mergedEntrypoint[0] === "") mergedEntrypoint = null;
  // Built in container.Config's field order, which `docker inspect` shows: the omitempty
  // fields (ExposedPorts, Healthcheck, StopSignal, StopTimeout) only when set, in their places.
  const config = {
    Hostname: body.Hostname || hostname,
    Domainname: body.Domainname ?? "",
    User: body.User || ic.User || "",
    AttachStdin: body.AttachStdin ?? false,
    AttachStdout: body.AttachStdout ?? false,
    AttachStderr: body.AttachStderr ?? false,
  } as ContainerConfig;
  if (!isEmptyRecord(exposed)) config.ExposedPorts = exposed;
  config.Tty = body.Tty ?? false;
  config.OpenStdin = body.OpenStdin ?? false;
  config.StdinOnce = body.StdinOnce ?? false;
  config.Env = mergeEnv(ic.Env ?? [], body.Env ?? []);
  config.Cmd = cmd;
  if (health) config.Healthcheck = health;
  config.Image = body.Image ?? "";
  config.Volumes = isEmptyRecord(volumes) ? null : volumes;
  config.WorkingDir = body.WorkingDir || ic.WorkingDir || "";
  config.Entrypoint = mergedEntrypoint;
  config.OnBuild = null;
  config.Labels = merged(ic.Labels, body.Labels);
  const stopSignal = body.StopSignal || ic.StopSignal;
  if (stopSignal) config.StopSignal = stopSignal;
  if (body.StopTimeout !== undefined) config.StopTimeout = body.StopTimeout;
  return config;
}

/** Whether an object has no keys of its own (a Go map with nothing in it). */
export function isEmptyRecord(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

/**
 * The defaults every container without its own value shares: one frozen object each rather than
 * a fresh empty list per container (records are replaced field by field, never changed in
 * place, so sharing is safe; freezing makes sure of it).
 */
const NO_STRINGS = Object.freeze([]) as unknown as string[];
const NO_DEVICES = Object.freeze([]) as unknown as HostConfig["Devices"];
const NO_ULIMITS = Object.freeze([]) as unknown as HostConfig["Ulimits"];
const NO_BINDINGS = Object.freeze({}) as HostConfig["PortBindings"];
const NO_CONSOLE_SIZE = Object.freeze([0, 0]) as unknown as [number, number];
const DEFAULT_LOG_CONFIG = Object.freeze({ Type: "json-file", Config: Object.freeze({}) as Record<string, string> });
const NO_RESTART: RestartPolicy = Object.freeze({ Name: "no", MaximumRetryCount: 0 });
/** The paths runc hides and the ones it makes read-only in an unprivileged container (oci.DefaultSpec). */
const DEFAULT_MASKED_PATHS = Object.freeze([
  "/proc/asound",
  "/proc/acpi",
  "/proc/interrupts",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/proc/sched_debug",
  "/proc/scsi",
  "/sys/firmware",
  "/sys/devices/virtual/powercap",
]) as unknown as string[];
const DEFAULT_READONLY_PATHS = Object.freeze(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]) as unknown as string[];

export function buildHostConfig(body: CreateBody): HostConfig {
  const given = body.HostConfig;
  // A body without a HostConfig (dockerode's createContainer({ Image }), an in-process client)
  // gets the one all-defaults record, frozen: a container's HostConfig is replaced, never edited.
  if (given === undefined || given === null || isEmptyRecord(given)) {
    validatePorts(body, {});
    return (defaultHostConfig ??= deepFreeze(hostConfigFrom({}, {})));
  }
  return hostConfigFrom(body, given);
}

let defaultHostConfig: HostConfig | undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const key in value) deepFreeze(value[key]);
    Object.freeze(value);
  }
  return value;
}

function hostConfigFrom(body: CreateBody, given: Partial<HostConfig>): HostConfig {
  validatePorts(body, given);
  const restart: RestartPolicy =
    given.RestartPolicy === undefined || given.RestartPolicy === null
      ? NO_RESTART
      : { Name: given.RestartPolicy.Name || "no", MaximumRetryCount: given.RestartPolicy.MaximumRetryCount ?? 0 };
  validateRestartPolicy(restart);
  if (given.AutoRemove && restart.Name !== "no") {
    throw invalidParameter("can't create 'AutoRemove' container with restart policy");
  }
  const logConfig = (given["LogConfig"] as { Type?: string; Config?: Record<string, string> } | undefined) ?? {};
  const mode = !given.NetworkMode || given.NetworkMode === "default" ? "bridge" : given.NetworkMode;
  const privileged = given["Privileged"] === true;
  // Every field of container.HostConfig in its Go order, as the daemon encodes the struct:
  // what the client left out has its zero value (or the daemon's default), and the omitempty
  // fields (Annotations, StorageOpt, Tmpfs, Sysctls, Mounts, Init) are undefined, which JSON
  // leaves out. Fields the struct does not have are dropped, as Go's decoder drops them.
  return {
    Binds: given.Binds ?? null,
    ContainerIDFile: given["ContainerIDFile"] ?? "",
    LogConfig: logConfig.Type || logConfig.Config ? { Type: logConfig.Type || "json-file", Config: logConfig.Config ?? {} } : DEFAULT_LOG_CONFIG,
    NetworkMode: mode,
    PortBindings: given.PortBindings ?? NO_BINDINGS,
    RestartPolicy: restart,
    AutoRemove: given.AutoRemove ?? false,
    VolumeDriver: given["VolumeDriver"] ?? "",
    VolumesFrom: given["VolumesFrom"] ?? null,
    ConsoleSize: given["ConsoleSize"] ?? NO_CONSOLE_SIZE,
    Annotations: given["Annotations"] ?? undefined,
    CapAdd: given["CapAdd"] ?? null,
    CapDrop: given["CapDrop"] ?? null,
    CgroupnsMode: given["CgroupnsMode"] || "private",
    Dns: given["Dns"] ?? NO_STRINGS,
    DnsOptions: given["DnsOptions"] ?? NO_STRINGS,
    DnsSearch: given["DnsSearch"] ?? NO_STRINGS,
    ExtraHosts: given["ExtraHosts"] ?? null,
    GroupAdd: given["GroupAdd"] ?? null,
    IpcMode: given["IpcMode"] || "private",
    Cgroup: given["Cgroup"] ?? "",
    Links: given["Links"] ?? null,
    OomScoreAdj: given["OomScoreAdj"] ?? 0,
    PidMode: given["PidMode"] ?? "",
    Privileged: privileged,
    PublishAllPorts: given.PublishAllPorts ?? false,
    ReadonlyRootfs: given["ReadonlyRootfs"] ?? false,
    SecurityOpt: given["SecurityOpt"] ?? null,
    StorageOpt: given["StorageOpt"] ?? undefined,
    Tmpfs: given["Tmpfs"] ?? undefined,
    UTSMode: given["UTSMode"] ?? "",
    UsernsMode: given["UsernsMode"] ?? "",
    ShmSize: given["ShmSize"] || 67108864,
    Sysctls: given["Sysctls"] ?? undefined,
    Runtime: given["Runtime"] || "runc",
    Isolation: given["Isolation"] ?? "",
    CpuShares: given["CpuShares"] ?? 0,
    Memory: given["Memory"] ?? 0,
    NanoCpus: given["NanoCpus"] ?? 0,
    CgroupParent: given["CgroupParent"] ?? "",
    BlkioWeight: given["BlkioWeight"] ?? 0,
    BlkioWeightDevice: given["BlkioWeightDevice"] ?? null,
    BlkioDeviceReadBps: given["BlkioDeviceReadBps"] ?? null,
    BlkioDeviceWriteBps: given["BlkioDeviceWriteBps"] ?? null,
    BlkioDeviceReadIOps: given["BlkioDeviceReadIOps"] ?? null,
    BlkioDeviceWriteIOps: given["BlkioDeviceWriteIOps"] ?? null,
    CpuPeriod: given["CpuPeriod"] ?? 0,
    CpuQuota: given["CpuQuota"] ?? 0,
    CpuRealtimePeriod: given["CpuRealtimePeriod"] ?? 0,
    CpuRealtimeRuntime: given["CpuRealtimeRuntime"] ?? 0,
    CpusetCpus: given["CpusetCpus"] ?? "",
    CpusetMems: given["CpusetMems"] ?? "",
    Devices: given["Devices"] ?? NO_DEVICES,
    DeviceCgroupRules: given["DeviceCgroupRules"] ?? null,
    DeviceRequests: given["DeviceRequests"] ?? null,
    MemoryReservation: given["MemoryReservation"] ?? 0,
    MemorySwap: given["MemorySwap"] ?? 0,
    MemorySwappiness: given["MemorySwappiness"] ?? null,
    OomKillDisable: given["OomKillDisable"] ?? null,
    PidsLimit: given["PidsLimit"] ?? null,
    Ulimits: given["Ulimits"] ?? NO_ULIMITS,
    CpuCount: given["CpuCount"] ?? 0,
    CpuPercent: given["CpuPercent"] ?? 0,
    IOMaximumIOps: given["IOMaximumIOps"] ?? 0,
    IOMaximumBandwidth: given["IOMaximumBandwidth"] ?? 0,
    Mounts: given["Mounts"] ?? undefined,
    // adaptContainerSettings: an unprivileged container gets the runtime's default lists.
    MaskedPaths: given["MaskedPaths"] ?? (privileged ? null : DEFAULT_MASKED_PATHS),
    ReadonlyPaths: given["ReadonlyPaths"] ?? (privileged ? null : DEFAULT_READONLY_PATHS),
    Init: given["Init"] ?? undefined,
  };
}
