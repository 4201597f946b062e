// The flags `docker create` and `docker run` share, and how they become a create request.
import type { CliIo } from "../io.js";
import { goDuration } from "./logs.js";
import { getBool, getInt, getList, getString, type FlagSpec, type ParsedFlags } from "../flags/flag-spec.js";
import { parseEnvFile, parseLabelFile, parseLabels, resolveEnv } from "../opts/env.js";
import { parseExpose, parsePublish } from "../opts/ports.js";
import { validateEnv, validateExtraHost, validateIPAddress, validateLabel } from "../opts/validators.js";

export const containerFlags: FlagSpec[] = [
  { name: "add-host", kind: "list", validate: validateExtraHost, usage: "Extra host-to-IP mapping for /etc/hosts (host:ip)" },
  { name: "annotation", kind: "map", defaultText: "map[]", usage: "Annotation for the container, handed on to the OCI runtime" },
  { name: "attach", short: "a", kind: "list", usage: "Stream to attach to: STDIN, STDOUT or STDERR" },
  { name: "blkio-weight", kind: "uint", typeName: "uint16", defaultText: "0", usage: "Relative block IO weight, from 10 to 1000 (0 turns it off)" },
  { name: "blkio-weight-device", kind: "list", defaultText: "[]", usage: "Relative block IO weight of one device" },
  { name: "cap-add", kind: "list", usage: "Linux capability to grant" },
  { name: "cap-drop", kind: "list", usage: "Linux capability to take away" },
  { name: "cgroup-parent", kind: "string", usage: "Parent cgroup of the container's cgroup" },
  {
    name: "cgroupns",
    kind: "string",
    usage: [
      "Cgroup namespace of the container (host|private)",
      "'host':    share the host's cgroup namespace",
      "'private': get a cgroup namespace of its own",
      "'':        whatever the daemon's default-cgroupns-mode says (the default)",
    ].join("\n"),
  },
  { name: "cidfile", kind: "string", usage: "File to write the container's ID to" },
  { name: "cpu-count", kind: "int", hidden: true, usage: "Number of CPUs (Windows daemons only)" },
  { name: "cpu-percent", kind: "int", hidden: true, usage: "Share of the CPUs, in percent (Windows daemons only)" },
  { name: "cpu-period", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) period" },
  { name: "cpu-quota", kind: "int", usage: "CPU CFS (Completely Fair Scheduler) quota" },
  { name: "cpu-rt-period", kind: "int", usage: "CPU real-time period, in microseconds" },
  { name: "cpu-rt-runtime", kind: "int", usage: "CPU real-time runtime, in microseconds" },
  { name: "cpu-shares", short: "c", kind: "int", usage: "Relative CPU weight" },
  { name: "cpus", kind: "string", typeName: "decimal", usage: "How many CPUs the container may use" },
  { name: "cpuset-cpus", kind: "string", usage: "CPUs the container may run on (0-3, 0,1)" },
  { name: "cpuset-mems", kind: "string", usage: "Memory nodes the container may use (0-3, 0,1)" },
  { name: "device", kind: "list", usage: "Host device to give the container" },
  { name: "device-cgroup-rule", kind: "list", usage: "Rule to add to the cgroup's list of allowed devices" },
  { name: "device-read-bps", kind: "list", defaultText: "[]", usage: "Cap on reads from a device, in bytes per second" },
  { name: "device-read-iops", kind: "list", defaultText: "[]", usage: "Cap on reads from a device, in operations per second" },
  { name: "device-write-bps", kind: "list", defaultText: "[]", usage: "Cap on writes to a device, in bytes per second" },
  { name: "device-write-iops", kind: "list", defaultText: "[]", usage: "Cap on writes to a device, in operations per second" },
  { name: "disable-content-trust", kind: "bool", defaultText: "true", usage: "Do not verify image signatures" },
  { name: "dns", kind: "list", validate: validateIPAddress, usage: "DNS server for the container" },
  { name: "dns-opt", kind: "list", hidden: true, usage: "DNS resolver option" },
  { name: "dns-option", kind: "list", usage: "DNS resolver option" },
  { name: "dns-search", kind: "list", usage: "DNS search domain" },
  { name: "domainname", kind: "string", usage: "NIS domain name of the container" },
  { name: "entrypoint", kind: "string", usage: "Program to run instead of the image's ENTRYPOINT" },
  { name: "env", short: "e", kind: "list", validate: validateEnv, usage: "Environment variable (NAME=value, or NAME to copy it from here)" },
  { name: "env-file", kind: "list", usage: "File of environment variables to read" },
  { name: "expose", kind: "list", usage: "Port or range of ports to expose" },
  { name: "gpus", kind: "string", typeName: "gpu-request", usage: "GPUs to give the container ('all' for every one)" },
  { name: "group-add", kind: "list", usage: "Extra group for the container's user" },
  { name: "health-cmd", kind: "string", usage: "Command that checks the container's health" },
  { name: "health-interval", kind: "duration", defaultText: "0s", usage: "Time between two health checks (ms|s|m|h)" },
  { name: "health-retries", kind: "int", usage: "Failed checks in a row before the container counts as unhealthy" },
  { name: "health-start-interval", kind: "duration", defaultText: "0s", usage: "Time between two health checks while the container starts (ms|s|m|h)" },
  {
    name: "health-start-period",
    kind: "duration",
    defaultText: "0s",
    usage: "Grace period for the container to start before failed checks count (ms|s|m|h)",
  },
  { name: "health-timeout", kind: "duration", defaultText: "0s", usage: "Longest a health check may run (ms|s|m|h)" },
  { name: "help", kind: "bool", usage: "Show this help" },
  { name: "hostname", short: "h", kind: "string", usage: "Host name of the container" },
  { name: "init", kind: "bool", usage: "Run an init process in the container to forward signals and reap zombies" },
  { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open, attached or not" },
  { name: "io-maxbandwidth", kind: "bytes", hidden: true, usage: "IO bandwidth cap of the system drive (Windows daemons only)" },
  { name: "io-maxiops", kind: "uint", hidden: true, usage: "IOps cap of the system drive (Windows daemons only)" },
  { name: "ip", kind: "string", usage: "IPv4 address for the container (e.g., 172.30.100.104)" },
  { name: "ip6", kind: "string", usage: "IPv6 address for the container (e.g., 2001:db8::33)" },
  { name: "ipc", kind: "string", usage: "IPC mode" },
  { name: "isolation", kind: "string", usage: "Isolation technology" },
  { name: "kernel-memory", kind: "bytes", usage: "Cap on kernel memory" },
  { name: "label", short: "l", kind: "list", validate: validateLabel, usage: "Metadata to set on the container" },
  { name: "label-file", kind: "list", usage: "File of labels to read, one per line" },
  { name: "link", kind: "list", usage: "Link to another container" },
  { name: "link-local-ip", kind: "list", usage: "Link-local IPv4 or IPv6 address for the container" },
  { name: "log-driver", kind: "string", usage: "Logging driver of the container" },
  { name: "log-opt", kind: "list", usage: "Logging driver option" },
  { name: "mac-address", kind: "string", usage: "MAC address of the container (e.g., 92:d0:c6:0a:29:33)" },
  { name: "memory", short: "m", kind: "bytes", usage: "Cap on memory use" },
  { name: "memory-reservation", kind: "bytes", usage: "Soft cap on memory use" },
  { name: "memory-swap", kind: "string", typeName: "bytes", usage: "Memory plus swap limit; '-1' lifts the swap limit" },
  { name: "memory-swappiness", kind: "int", defaultText: "-1", usage: "How readily the container's memory is swapped out (0 to 100)" },
  { name: "mount", kind: "list", typeName: "mount", usage: "Filesystem mount to attach to the container" },
  { name: "name", kind: "string", usage: "Name for the container" },
  { name: "net", kind: "string", typeName: "network", hidden: true, usage: "Network to connect the container to" },
  { name: "net-alias", kind: "list", hidden: true, usage: "Alias of the container on its network" },
  { name: "network", kind: "string", typeName: "network", usage: "Network to connect the container to" },
  { name: "network-alias", kind: "list", usage: "Alias of the container on its network" },
  { name: "no-healthcheck", kind: "bool", usage: "Turn off the image's HEALTHCHECK" },
  { name: "oom-kill-disable", kind: "bool", usage: "Keep the OOM killer away from the container" },
  { name: "oom-score-adj", kind: "int", usage: "Adjust the host's OOM score of the container (-1000 to 1000)" },
  { name: "pid", kind: "string", usage: "PID namespace" },
  { name: "pids-limit", kind: "int", usage: "Most processes the container may have (-1: no limit)" },
  { name: "platform", kind: "string", usage: "Platform of the image, when the daemon supports several" },
  { name: "privileged", kind: "bool", usage: "Give the container extended privileges" },
  { name: "publish", short: "p", kind: "list", usage: "Publish a container port on the host ([ip:]hostPort:containerPort)" },
  { name: "publish-all", short: "P", kind: "bool", usage: "Publish every exposed port on a random host port" },
  { name: "pull", kind: "string", defaultText: '"missing"', usage: 'When to pull the image ("always", "missing", "never")' },
  { name: "quiet", short: "q", kind: "bool", usage: "Print nothing while pulling the image" },
  { name: "read-only", kind: "bool", usage: "Make the container's root filesystem read-only" },
  { name: "restart", kind: "string", defaultText: '"no"', usage: "When to restart the container after it exits" },
  { name: "rm", kind: "bool", usage: "Remove the container, and its anonymous volumes, once it exits" },
  { name: "runtime", kind: "string", usage: "Runtime to run the container with" },
  { name: "security-opt", kind: "list", usage: "Security option" },
  { name: "shm-size", kind: "bytes", usage: "How big /dev/shm is" },
  { name: "stop-signal", kind: "string", usage: "Signal that stops the container" },
  { name: "stop-timeout", kind: "int", usage: "Seconds to wait for the container to stop before killing it" },
  { name: "storage-opt", kind: "list", usage: "Storage driver option for the container" },
  { name: "sysctl", kind: "map", defaultText: "map[]", usage: "Kernel parameter to set (sysctl)" },
  { name: "tmpfs", kind: "list", usage: "Directory to mount a tmpfs on" },
  { name: "tty", short: "t", kind: "bool", usage: "Give the container a pseudo-TTY" },
  { name: "ulimit", kind: "list", typeName: "ulimit", defaultText: "[]", usage: "Resource limit (ulimit)" },
  { name: "use-api-socket", kind: "bool", usage: "Mount the Docker API socket, with the credentials it needs, into the container" },
  { name: "user", short: "u", kind: "string", usage: "User to run as: <name|uid>[:<group|gid>]" },
  { name: "userns", kind: "string", usage: "User namespace" },
  { name: "uts", kind: "string", usage: "UTS namespace" },
  { name: "volume", short: "v", kind: "list", usage: "Volume or bind mount for the container" },
  { name: "volume-driver", kind: "string", usage: "Volume driver for the container's volumes" },
  { name: "volumes-from", kind: "list", usage: "Mount the volumes of these containers too" },
  { name: "workdir", short: "w", kind: "string", usage: "Directory the command starts in" },
];

export interface CreateRequest {
  name: string | undefined;
  image: string;
  body: Record<string, unknown>;
}

export function parseMemory(text: string): number {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp]?)i?b?$/i.exec(text);
  if (!m) throw new Error(`invalid size: '${text}'`);
  const scale = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[(m[2] ?? "").toLowerCase()] ?? 1;
  return Math.floor(Number(m[1]) * scale);
}

export function parseRestart(text: string): { Name: string; MaximumRetryCount: number } {
  if (!text) return { Name: "no", MaximumRetryCount: 0 };
  const [name = "", count] = text.split(":");
  if (name === "") throw new Error("invalid restart policy format: no policy provided before colon");
  if (count === undefined) return { Name: name, MaximumRetryCount: 0 };
  if (!/^-?\d+$/.test(count)) throw new Error("invalid restart policy format: maximum retry count must be an integer");
  return { Name: name, MaximumRetryCount: Number(count) };
}

const NS_PER_MS = 1_000_000;

/** --health-* and --no-healthcheck as the CLI turns them into HealthConfig (opts.go). */
function healthConfig(flags: ParsedFlags): Record<string, unknown> | undefined {
  const ms = (name: string) => (flags.changed.has(name) ? (goDuration(getString(flags, name)) ?? 0) : 0);
  const interval = ms("health-interval");
  const timeout = ms("health-timeout");
  const startPeriod = ms("health-start-period");
  const startInterval = ms("health-start-interval");
  const retries = flags.changed.has("health-retries") ? getInt(flags, "health-retries", 0) : 0;
  const command = getString(flags, "health-cmd");
  const any = command !== "" || interval !== 0 || timeout !== 0 || startPeriod !== 0 || retries !== 0 || startInterval !== 0;
  if (getBool(flags, "no-healthcheck")) {
    if (any) throw new Error("--no-healthcheck conflicts with --health-* options");
    return { Test: ["NONE"] };
  }
  if (!any) return undefined;
  if (retries < 0) throw new Error("--health-retries cannot be negative");
  return {
    ...(command ? { Test: ["CMD-SHELL", command] } : {}),
    Interval: interval * NS_PER_MS,
    Timeout: timeout * NS_PER_MS,
    StartPeriod: startPeriod * NS_PER_MS,
    StartInterval: startInterval * NS_PER_MS,
    Retries: retries,
  };
}

/** --mount type=volume,source=data,target=/data[,readonly][,volume-nocopy] (opts/mount.go). */
function parseMount(text: string): Record<string, unknown> {
  const mount: Record<string, unknown> = { Type: "volume" };
  for (const field of text.split(",")) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? "" : field.slice(eq + 1);
    switch (key) {
      case "type":
        mount["Type"] = value;
        break;
      case "source":
      case "src":
        mount["Source"] = value;
        break;
      case "target":
      case "destination":
      case "dst":
        mount["Target"] = value;
        break;
      case "readonly":
      case "ro":
        mount["ReadOnly"] = eq < 0 || value === "true" || value === "1";
        break;
      case "volume-nocopy":
        mount["VolumeOptions"] = { NoCopy: eq < 0 || value === "true" };
        break;
      default:
        break;
    }
  }
  return mount;
}

/** Builds the POST /containers/create body from the parsed flags (runconfigopts.Parse). */
export async function buildCreateRequest(flags: ParsedFlags, io: CliIo, attach: boolean): Promise<CreateRequest> {
  const [image = "", ...command] = flags.args;
  const published = parsePublish(getList(flags, "publish"));
  const exposed = { ...parseExpose(getList(flags, "expose")), ...published.exposed };
  const fileEnv: string[] = [];
  for (const file of getList(flags, "env-file")) {
    if (!io.readFile) throw new Error(`open ${file}: no such file or directory`);
    fileEnv.push(...parseEnvFile(await io.readFile(file), io.env));
  }
  const env = [...fileEnv, ...resolveEnv(getList(flags, "env"), io.env)];
  // Labels from files come first; --label then overrides them (opts.ReadKVStrings).
  const fileLabels: string[] = [];
  for (const file of getList(flags, "label-file")) {
    if (!io.readFile) throw new Error(`open ${file}: no such file or directory`);
    fileLabels.push(...parseLabelFile(await io.readFile(file)));
  }
  const restart = parseRestart(getString(flags, "restart"));
  if (getBool(flags, "rm") && restart.Name !== "no") throw new Error("conflicting options: cannot specify both --restart and --rm");
  const tty = getBool(flags, "tty");
  const interactive = getBool(flags, "interactive");
  const entrypoint = flags.changed.has("entrypoint") ? [getString(flags, "entrypoint")].filter((s) => s !== "") : null;
  const network = getString(flags, "network") || "default";
  const aliases = getList(flags, "network-alias");
  const memory = getString(flags, "memory");
  const cpus = getString(flags, "cpus");
  const hostConfig: Record<string, unknown> = {
    Binds: getList(flags, "volume").length > 0 ? getList(flags, "volume") : null,
    ContainerIDFile: "",
    LogConfig: { Type: getString(flags, "log-driver"), Config: {} },
    NetworkMode: network,
    PortBindings: published.bindings,
    RestartPolicy: restart,
    AutoRemove: getBool(flags, "rm"),
    VolumeDriver: "",
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    ExtraHosts: getList(flags, "add-host").length > 0 ? getList(flags, "add-host") : null,
    Privileged: getBool(flags, "privileged"),
    PublishAllPorts: getBool(flags, "publish-all"),
    ReadonlyRootfs: getBool(flags, "read-only"),
    Dns: getList(flags, "dns"),
    Memory: memory ? parseMemory(memory) : 0,
    NanoCpus: cpus ? Math.round(Number(cpus) * 1e9) : 0,
    CpuShares: getInt(flags, "cpu-shares", 0),
  };
  if (getBool(flags, "init")) hostConfig["Init"] = true;
  const body: Record<string, unknown> = {
    Hostname: getString(flags, "hostname"),
    Domainname: "",
    User: getString(flags, "user"),
    AttachStdin: attach && interactive,
    AttachStdout: attach,
    AttachStderr: attach,
    ExposedPorts: exposed,
    Tty: tty,
    OpenStdin: interactive,
    StdinOnce: attach && interactive,
    Env: env,
    Cmd: command.length > 0 ? command : null,
    Image: image,
    Volumes: {},
    WorkingDir: getString(flags, "workdir"),
    Entrypoint: entrypoint,
    OnBuild: null,
    Labels: parseLabels([...fileLabels, ...getList(flags, "label")]),
    HostConfig: hostConfig,
    NetworkingConfig: {
      EndpointsConfig: network !== "default" || aliases.length > 0 ? { [network]: { Aliases: aliases.length > 0 ? aliases : null } } : {},
    },
  };
  const health = healthConfig(flags);
  if (health) body["Healthcheck"] = health;
  const mounts = getList(flags, "mount").map(parseMount);
  if (mounts.length > 0) hostConfig["Mounts"] = mounts;
  const tmpfs = getList(flags, "tmpfs");
  if (tmpfs.length > 0) hostConfig["Tmpfs"] = Object.fromEntries(tmpfs.map((t) => [t.split(":")[0] ?? t, t.includes(":") ? t.slice(t.indexOf(":") + 1) : ""]));
  hostConfig["DnsSearch"] = getList(flags, "dns-search");
  hostConfig["DnsOptions"] = getList(flags, "dns-option");
  if (getList(flags, "link").length > 0) hostConfig["Links"] = getList(flags, "link").map((l) => (l.includes(":") ? l : `${l}:${l}`));
  if (getList(flags, "volumes-from").length > 0) hostConfig["VolumesFrom"] = getList(flags, "volumes-from");
  const logOpts = getList(flags, "log-opt");
  if (logOpts.length > 0) hostConfig["LogConfig"] = { Type: getString(flags, "log-driver"), Config: Object.fromEntries(logOpts.map((o) => [o.split("=")[0] ?? o, o.slice(o.indexOf("=") + 1)])) };
  if (flags.changed.has("pids-limit")) hostConfig["PidsLimit"] = getInt(flags, "pids-limit", 0);
  if (getString(flags, "stop-signal")) body["StopSignal"] = getString(flags, "stop-signal");
  if (flags.changed.has("stop-timeout")) body["StopTimeout"] = getInt(flags, "stop-timeout", 10);
  return { name: getString(flags, "name") || undefined, image, body };
}
