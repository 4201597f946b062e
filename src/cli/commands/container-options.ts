// The flags `docker create` and `docker run` share, and how they become a create request.
import type { CliIo } from "../io.js";
import { getBool, getInt, getList, getString, type FlagSpec, type ParsedFlags } from "../flags/flag-spec.js";
import { parseEnvFile, parseLabels, resolveEnv } from "../opts/env.js";
import { parseExpose, parsePublish } from "../opts/ports.js";
import { validateEnv, validateExtraHost, validateIPAddress, validateLabel } from "../opts/validators.js";

export const containerFlags: FlagSpec[] = [
  { name: "add-host", kind: "list", validate: validateExtraHost, usage: "Add a custom host-to-IP mapping (host:ip)" },
  { name: "attach", short: "a", kind: "list", usage: "Attach to STDIN, STDOUT or STDERR" },
  { name: "cpus", kind: "string", typeName: "decimal", usage: "Number of CPUs" },
  { name: "cpu-shares", short: "c", kind: "int", usage: "CPU shares (relative weight)" },
  { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
  { name: "dns", kind: "list", validate: validateIPAddress, usage: "Set custom DNS servers" },
  { name: "entrypoint", kind: "string", usage: "Overwrite the default ENTRYPOINT of the image" },
  { name: "env", short: "e", kind: "list", validate: validateEnv, usage: "Set environment variables" },
  { name: "env-file", kind: "list", usage: "Read in a file of environment variables" },
  { name: "expose", kind: "list", usage: "Expose a port or a range of ports" },
  { name: "health-cmd", kind: "string", usage: "Command to run to check health" },
  { name: "hostname", short: "h", kind: "string", usage: "Container host name" },
  { name: "init", kind: "bool", usage: "Run an init inside the container that forwards signals and reaps processes" },
  { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open even if not attached" },
  { name: "ip", kind: "string", usage: "IPv4 address (e.g., 172.30.100.104)" },
  { name: "label", short: "l", kind: "list", validate: validateLabel, usage: "Set meta data on a container" },
  { name: "log-driver", kind: "string", usage: "Logging driver for the container" },
  { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
  { name: "mount", kind: "list", typeName: "mount", usage: "Attach a filesystem mount to the container" },
  { name: "name", kind: "string", usage: "Assign a name to the container" },
  { name: "network", kind: "string", typeName: "network", usage: "Connect a container to a network" },
  { name: "network-alias", kind: "list", usage: "Add network-scoped alias for the container" },
  { name: "platform", kind: "string", usage: "Set platform if server is multi-platform capable" },
  { name: "privileged", kind: "bool", usage: "Give extended privileges to this container" },
  { name: "publish", short: "p", kind: "list", usage: "Publish a container's port(s) to the host" },
  { name: "publish-all", short: "P", kind: "bool", usage: "Publish all exposed ports to random ports" },
  { name: "pull", kind: "string", defaultText: '"missing"', usage: 'Pull image before creating ("always", "missing", "never")' },
  { name: "quiet", short: "q", kind: "bool", usage: "Suppress the pull output" },
  { name: "read-only", kind: "bool", usage: "Mount the container's root filesystem as read only" },
  { name: "restart", kind: "string", defaultText: '"no"', usage: "Restart policy to apply when a container exits" },
  { name: "rm", kind: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
  { name: "stop-signal", kind: "string", usage: "Signal to stop the container" },
  { name: "stop-timeout", kind: "int", usage: "Timeout (in seconds) to stop a container" },
  { name: "tty", short: "t", kind: "bool", usage: "Allocate a pseudo-TTY" },
  { name: "user", short: "u", kind: "string", usage: "Username or UID (format: <name|uid>[:<group|gid>])" },
  { name: "volume", short: "v", kind: "list", usage: "Bind mount a volume" },
  { name: "workdir", short: "w", kind: "string", usage: "Working directory inside the container" },
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
    Labels: parseLabels(getList(flags, "label")),
    HostConfig: hostConfig,
    NetworkingConfig: {
      EndpointsConfig: network !== "default" || aliases.length > 0 ? { [network]: { Aliases: aliases.length > 0 ? aliases : null } } : {},
    },
  };
  if (getString(flags, "stop-signal")) body["StopSignal"] = getString(flags, "stop-signal");
  if (flags.changed.has("stop-timeout")) body["StopTimeout"] = getInt(flags, "stop-timeout", 10);
  return { name: getString(flags, "name") || undefined, image, body };
}
