// /_ping, /version and /info; /events (event-routes.ts); /system/df and the image and build
// cache prunes (system-df-routes.ts).
import type { Engine } from "../engine.js";
import { engineVersion } from "../engine-info.js";
import { rfc3339Nano } from "../time-format.js";
import { eventRoutes } from "./event-routes.js";
import { systemDfRoutes } from "./system-df-routes.js";
import { ok, route, type Route } from "./route.js";

const pingHeaders = {
  "Api-Version": engineVersion.ApiVersion,
  "Builder-Version": "1",
  "Docker-Experimental": "false",
  Ostype: "linux",
  Swarm: "inactive",
  "Cache-Control": "no-cache, no-store, must-revalidate",
  Pragma: "no-cache",
  "Content-Type": "text/plain; charset=utf-8",
};

export function versionDocument() {
  const v = engineVersion;
  return {
    Platform: { Name: "Docker Engine - Community" },
    Components: [
      {
        Name: "Engine",
        Version: v.Version,
        Details: {
          ApiVersion: v.ApiVersion,
          Arch: v.Arch,
          BuildTime: v.BuildTime,
          Experimental: "false",
          GitCommit: v.GitCommit,
          GoVersion: v.GoVersion,
          KernelVersion: v.KernelVersion,
          MinAPIVersion: v.MinAPIVersion,
          Os: v.Os,
        },
      },
      { Name: "containerd", Version: "1.7.27", Details: { GitCommit: "05044ec0a9a75232cad458027ca83437aae3f4da" } },
      { Name: "runc", Version: "1.2.5", Details: { GitCommit: "v1.2.5-0-g59923ef" } },
      { Name: "docker-init", Version: "0.19.0", Details: { GitCommit: "de40ad0" } },
    ],
    Version: v.Version,
    ApiVersion: v.ApiVersion,
    MinAPIVersion: v.MinAPIVersion,
    GitCommit: v.GitCommit,
    GoVersion: v.GoVersion,
    Os: v.Os,
    Arch: v.Arch,
    KernelVersion: v.KernelVersion,
    BuildTime: v.BuildTime,
  };
}

export function infoDocument(engine: Engine) {
  const containers = engine.containers.all();
  const running = containers.filter((c) => c.State.Running && !c.State.Paused).length;
  const paused = containers.filter((c) => c.State.Paused).length;
  return {
    ID: engine.daemonId,
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: containers.length - running - paused,
    Images: engine.images.all().length,
    Driver: "overlay2",
    DriverStatus: [["Backing Filesystem", "extfs"], ["Supports d_type", "true"], ["Using metacopy", "false"], ["Native Overlay Diff", "true"], ["userxattr", "false"]],
    Plugins: {
      Volume: ["local"],
      Network: ["bridge", "host", "ipvlan", "macvlan", "null", "overlay"],
      Authorization: null,
      Log: ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 24,
    OomKillDisable: false,
    NGoroutines: 42,
    SystemTime: rfc3339Nano(engine.ctx.clock.now()),
    LoggingDriver: "json-file",
    CgroupDriver: "cgroupfs",
    CgroupVersion: "2",
    NEventsListener: 0,
    KernelVersion: engineVersion.KernelVersion,
    OperatingSystem: engineVersion.OperatingSystem,
    OSVersion: "",
    OSType: "linux",
    Architecture: "x86_64",
    IndexServerAddress: "https://index.docker.io/v1/",
    RegistryConfig: {
      IndexConfigs: { "docker.io": { Mirrors: [], Name: "docker.io", Official: true, Secure: true } },
      InsecureRegistryCIDRs: ["::1/128", "127.0.0.0/8"],
      Mirrors: null,
    },
    NCPU: 4,
    MemTotal: 8_217_796_608,
    GenericResources: null,
    DockerRootDir: "/var/lib/docker",
    HttpProxy: "",
    HttpsProxy: "",
    NoProxy: "",
    Name: engine.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: engineVersion.Version,
    Runtimes: { "io.containerd.runc.v2": { path: "runc", status: {} }, runc: { path: "runc", status: {} } },
    DefaultRuntime: "runc",
    Swarm: { NodeID: "", NodeAddr: "", LocalNodeState: "inactive", ControlAvailable: false, Error: "", RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: "",
    InitBinary: "docker-init",
    ContainerdCommit: { ID: "05044ec0a9a75232cad458027ca83437aae3f4da" },
    RuncCommit: { ID: "v1.2.5-0-g59923ef" },
    InitCommit: { ID: "de40ad0" },
    SecurityOptions: ["name=seccomp,profile=builtin", "name=cgroupns"],
    CDISpecDirs: ["/etc/cdi", "/var/run/cdi"],
    Containerd: { Address: "/run/containerd/containerd.sock", Namespaces: { Containers: "moby", Plugins: "plugins.moby" } },
    Warnings: null,
  };
}

export function systemRoutes(engine: Engine): Route[] {
  return [
    route("GET", "/_ping", (req) => ({ status: 200, headers: pingHeaders, body: req.method === "HEAD" ? "" : "OK" }), true),
    route("GET", "/version", () => ok(versionDocument())),
    route("GET", "/info", () => ok(infoDocument(engine))),
    ...eventRoutes(engine),
    ...systemDfRoutes(engine),
  ];
}
