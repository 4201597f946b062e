// What docker 28.2.2's own completion (cobra's `docker __complete`) offers where, as data: the
// arguments of each command (its ValidArgsFunction) and the values of some flags (its
// RegisterFlagCompletionFunc calls), keyed by the command's canonical path.

/** Which containers a command offers: cli/command/completion.ContainerNames and its filters. */
export type ContainerFilter = "all" | "running" | "running-unpaused" | "paused" | "stopped" | "stopped-unless-force";

export type ArgKind =
  | { kind: "none" }
  | { kind: "files" }
  | { kind: "dirs" }
  | { kind: "containers"; filter: ContainerFilter }
  /** At most `limit` image arguments (run: the image, then the command is the user's). */
  | { kind: "images"; limit?: number }
  | { kind: "networks" }
  | { kind: "volumes" }
  /** network connect/disconnect: a network, then containers (not) connected to it. */
  | { kind: "network-then-containers"; connected: boolean };

const none: ArgKind = { kind: "none" };
const files: ArgKind = { kind: "files" };
const containers = (filter: ContainerFilter): ArgKind => ({ kind: "containers", filter });
const images = (limit?: number): ArgKind => (limit ? { kind: "images", limit } : { kind: "images" });

export const argKinds: Readonly<Record<string, ArgKind>> = {
  "container attach": containers("running-unpaused"),
  "container commit": containers("running"),
  "container cp": files,
  "container create": images(),
  "container diff": containers("running"),
  "container exec": containers("running-unpaused"),
  "container export": containers("all"),
  "container inspect": containers("all"),
  "container kill": containers("running"),
  "container logs": containers("all"),
  "container ls": none,
  "container pause": containers("running-unpaused"),
  "container port": containers("running"),
  "container prune": none,
  "container rename": containers("all"),
  "container restart": containers("all"),
  "container rm": containers("stopped-unless-force"),
  "container run": images(1),
  "container start": containers("stopped"),
  "container stats": containers("running"),
  "container stop": containers("running"),
  "container top": containers("running"),
  "container unpause": containers("paused"),
  "container update": containers("all"),
  "container wait": containers("running"),
  "image build": { kind: "dirs" },
  "image history": images(1),
  "image import": files,
  "image inspect": images(),
  "image load": none,
  "image ls": files,
  "image prune": none,
  "image pull": none,
  "image push": images(1),
  "image rm": images(),
  "image save": images(),
  "image tag": images(2),
  "network connect": { kind: "network-then-containers", connected: false },
  "network create": none,
  "network disconnect": { kind: "network-then-containers", connected: true },
  "network inspect": { kind: "networks" },
  "network ls": none,
  "network prune": none,
  "network rm": { kind: "networks" },
  "volume create": none,
  "volume inspect": { kind: "volumes" },
  "volume ls": none,
  "volume prune": none,
  "volume rm": { kind: "volumes" },
  "volume update": { kind: "volumes" },
  "system df": none,
  "system events": none,
  "system info": none,
  "system prune": none,
  "builder prune": none,
  inspect: none,
  login: none,
  version: none,
};

/** Commands that complete none of their flags' values unless told how (run, create, inspect). */
export const noFlagFileCompletion = new Set(["container run", "container create", "inspect"]);

export type ValueKind =
  | { kind: "list"; values: readonly string[]; noSpace?: boolean }
  | { kind: "containers"; filter: ContainerFilter; suffix?: string }
  | { kind: "networks" }
  | { kind: "env-names" }
  | { kind: "files" }
  /** --ipc and --pid: a mode, or "container:" and a container's name. */
  | { kind: "container-mode"; modes: readonly string[] }
  | { kind: "security-opt" }
  | { kind: "event-filter" };

const signals = [
  "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL",
  "PROF", "PWR", "QUIT", "RTMAX", "RTMIN", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU",
  "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ",
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
];

const capabilities = [
  "ALL",
  ...[
    "AUDIT_CONTROL", "AUDIT_READ", "AUDIT_WRITE", "BLOCK_SUSPEND", "BPF", "CHECKPOINT_RESTORE", "CHOWN", "DAC_OVERRIDE",
    "DAC_READ_SEARCH", "FOWNER", "FSETID", "IPC_LOCK", "IPC_OWNER", "KILL", "LEASE", "LINUX_IMMUTABLE", "MAC_ADMIN",
    "MAC_OVERRIDE", "MKNOD", "NET_ADMIN", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_RAW", "PERFMON", "SETFCAP", "SETGID",
    "SETPCAP", "SETUID", "SYSLOG", "SYS_ADMIN", "SYS_BOOT", "SYS_CHROOT", "SYS_MODULE", "SYS_NICE", "SYS_PACCT",
    "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "WAKE_ALARM",
  ].map((c) => `CAP_${c}`),
];

const platforms = [
  "linux/386", "linux/amd64", "linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm64",
  "linux/arm64/v8", "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64", "wasip1/wasm",
];

const logDrivers = ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"];
const logOptions = [
  "max-buffer-size", "mode", "awslogs-create-group", "awslogs-credentials-endpoint", "awslogs-datetime-format",
  "awslogs-group", "awslogs-multiline-pattern", "awslogs-region", "awslogs-stream", "tag", "env", "env-regex", "labels",
  "fluentd-address", "fluentd-async", "fluentd-buffer-limit", "fluentd-request-ack", "fluentd-retry-wait",
  "fluentd-max-retries", "fluentd-sub-second-precision", "fluentd-write-timeout", "gcp-log-cmd", "gcp-meta-id",
  "gcp-meta-name", "gcp-meta-zone", "gcp-project", "gelf-address", "gelf-compression-level", "gelf-compression-type",
  "gelf-tcp-max-reconnect", "gelf-tcp-reconnect-delay", "compress", "max-file", "max-size", "splunk-caname",
  "splunk-capath", "splunk-format", "splunk-gzip", "splunk-gzip-level", "splunk-index", "splunk-insecureskipverify",
  "splunk-source", "splunk-sourcetype", "splunk-token", "splunk-url", "splunk-verify-connection", "syslog-address",
  "syslog-facility", "syslog-format", "syslog-tls-ca-cert", "syslog-tls-cert", "syslog-tls-key", "syslog-tls-skip-verify",
];
const ulimits = [
  "as", "chroot", "core", "cpu", "data", "fsize", "locks", "maxlogins", "maxsyslogins", "memlock", "msgqueue", "nice",
  "nofile", "nproc", "priority", "rss", "rtprio", "sigpending", "stack",
];

const list = (values: readonly string[], noSpace = false): ValueKind => (noSpace ? { kind: "list", values, noSpace } : { kind: "list", values });
const restartPolicies = list(["no", "always", "on-failure", "unless-stopped"]);
const platform = list(platforms);

/** cli/command/container/completion.go's addCompletions, shared by run and create. */
const containerValues: Readonly<Record<string, ValueKind>> = {
  attach: list(["stderr", "stdin", "stdout"]),
  "cap-add": list(capabilities),
  "cap-drop": list(capabilities),
  cgroupns: list(["host", "private"]),
  env: { kind: "env-names" },
  "env-file": { kind: "files" },
  ipc: { kind: "container-mode", modes: ["host", "none", "private", "shareable"] },
  link: { kind: "containers", filter: "all", suffix: ":" },
  "log-driver": list(logDrivers),
  "log-opt": list(logOptions.map((o) => `${o}=`), true),
  network: { kind: "networks" },
  pid: { kind: "container-mode", modes: ["host"] },
  platform,
  pull: list(["always", "missing", "never"]),
  restart: restartPolicies,
  "security-opt": { kind: "security-opt" },
  "stop-signal": list(signals),
  "storage-opt": list(["size="], true),
  ulimit: list(ulimits.map((u) => `${u}=`), true),
  userns: list(["host"]),
  uts: list(["host"]),
  "volume-driver": list(["local"]),
  "volumes-from": { kind: "containers", filter: "all" },
};

export const flagValues: Readonly<Record<string, Readonly<Record<string, ValueKind>>>> = {
  "": { context: list(["default"]), "log-level": list(["debug", "info", "warn", "error", "fatal", "panic"]) },
  "container create": containerValues,
  "container run": { ...containerValues, "detach-keys": list(["ctrl-"], true) },
  "container exec": { env: { kind: "env-names" }, "env-file": { kind: "files" } },
  "container kill": { signal: list(signals) },
  "container restart": { signal: list(signals) },
  "container stop": { signal: list(signals) },
  "container update": { restart: restartPolicies },
  "image build": { platform },
  "image history": { platform },
  "image import": { platform },
  "image inspect": { platform },
  "image load": { platform },
  "image pull": { platform },
  "image push": { platform },
  "image rm": { platform },
  "image save": { platform },
  "system events": { filter: { kind: "event-filter" } },
  inspect: { type: list(["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"]) },
};

export const eventFilterKeys = ["container", "daemon", "event", "image", "label", "network", "node", "scope", "type", "volume"];
export const eventTypes = ["builder", "config", "container", "daemon", "image", "network", "node", "plugin", "secret", "service", "volume"];
export const eventActions = [
  "create", "start", "restart", "stop", "checkpoint", "pause", "unpause", "attach", "detach", "resize", "update", "rename",
  "kill", "die", "oom", "destroy", "remove", "commit", "top", "copy", "archive-path", "extract-to-dir", "export", "import",
  "save", "load", "tag", "untag", "push", "pull", "prune", "delete", "enable", "disable", "connect", "disconnect", "reload",
  "mount", "unmount", "exec_create", "exec_start", "exec_die", "exec_detach", "health_status",
];
