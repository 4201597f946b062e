// The Go types the docker CLI 28.2.2 decodes inspect JSON into (moby api/types, API 1.50), as
// far as a --format template can tell: per struct, the fields the JSON may leave out or send
// as null (maps, slices, pointers, omitempty values), the nested structs, and the fields whose
// Go name is not their JSON name. Fields not listed are read as the JSON has them.
// Recorded against the real CLI with `{{printf "%#v" .X}}`.
import { mapOf, ptr, sliceOf, struct, type GoStructType } from "../format/typed-json.js";

const EMPTY_STRUCT = struct("struct {}", {});
const PORT_SET = mapOf(EMPTY_STRUCT);
const PORT_BINDING = struct("nat.PortBinding", {}, { HostIP: "HostIp" });
const PORT_MAP = mapOf(sliceOf(PORT_BINDING));
const DRIVER_DATA = struct("storage.DriverData", { Data: "map[string]string" });

const HEALTHCHECK_CONFIG = struct("v1.HealthcheckConfig", {
  Test: "[]string", Interval: "time.Duration", Timeout: "time.Duration", StartPeriod: "time.Duration", StartInterval: "time.Duration", Retries: "int",
});

const HEALTH = struct("container.Health", {
  Log: sliceOf(ptr(struct("container.HealthcheckResult", { Start: "time.Time", End: "time.Time" }))),
});

const STATE = struct("container.State", { Health: ptr(HEALTH) });

const MOUNT = struct("mount.Mount", {
  ReadOnly: "bool",
  Consistency: "string",
  BindOptions: ptr(struct("mount.BindOptions", {
    Propagation: "string", NonRecursive: "bool", CreateMountpoint: "bool", ReadOnlyNonRecursive: "bool", ReadOnlyForceRecursive: "bool",
  })),
  VolumeOptions: ptr(struct("mount.VolumeOptions", { NoCopy: "bool", Labels: "map[string]string", Subpath: "string", DriverConfig: "*mount.Driver" })),
  ImageOptions: ptr(struct("mount.ImageOptions", { Subpath: "string" })),
  TmpfsOptions: ptr(struct("mount.TmpfsOptions", { SizeBytes: "int64", Mode: "uint32", Options: "[][]string" })),
  ClusterOptions: "*mount.ClusterOptions",
});

const WEIGHT_DEVICE = sliceOf(ptr(struct("blkiodev.WeightDevice", {})));
const THROTTLE_DEVICE = sliceOf(ptr(struct("blkiodev.ThrottleDevice", {})));

// HostConfig with its embedded Resources.
const HOST_CONFIG = struct(
  "container.HostConfig",
  {
    Binds: "[]string",
    LogConfig: struct("container.LogConfig", { Config: "map[string]string" }),
    PortBindings: PORT_MAP,
    RestartPolicy: struct("container.RestartPolicy", {}),
    VolumesFrom: "[]string",
    Annotations: "map[string]string",
    CapAdd: "[]string",
    CapDrop: "[]string",
    DNS: "[]string",
    DNSOptions: "[]string",
    DNSSearch: "[]string",
    ExtraHosts: "[]string",
    GroupAdd: "[]string",
    Links: "[]string",
    SecurityOpt: "[]string",
    StorageOpt: "map[string]string",
    Tmpfs: "map[string]string",
    Sysctls: "map[string]string",
    BlkioWeightDevice: WEIGHT_DEVICE,
    BlkioDeviceReadBps: THROTTLE_DEVICE,
    BlkioDeviceWriteBps: THROTTLE_DEVICE,
    BlkioDeviceReadIOps: THROTTLE_DEVICE,
    BlkioDeviceWriteIOps: THROTTLE_DEVICE,
    Devices: sliceOf(struct("container.DeviceMapping", {})),
    DeviceCgroupRules: "[]string",
    DeviceRequests: sliceOf(struct("container.DeviceRequest", { DeviceIDs: "[]string", Capabilities: "[][]string", Options: "map[string]string" })),
    KernelMemory: "int64",
    KernelMemoryTCP: "int64",
    MemorySwappiness: "*int64",
    OomKillDisable: "*bool",
    PidsLimit: "*int64",
    Ulimits: sliceOf(ptr(struct("units.Ulimit", {}))),
    Mounts: sliceOf(MOUNT),
    MaskedPaths: "[]string",
    ReadonlyPaths: "[]string",
    Init: "*bool",
  },
  {
    DNS: "Dns", DNSOptions: "DnsOptions", DNSSearch: "DnsSearch", CPUShares: "CpuShares", NanoCPUs: "NanoCpus",
    CPUPeriod: "CpuPeriod", CPUQuota: "CpuQuota", CPURealtimePeriod: "CpuRealtimePeriod", CPURealtimeRuntime: "CpuRealtimeRuntime",
    CPUCount: "CpuCount", CPUPercent: "CpuPercent",
  },
);

const CONTAINER_CONFIG = struct("container.Config", {
  ExposedPorts: PORT_SET,
  Env: "[]string",
  Cmd: "[]string",
  Healthcheck: ptr(HEALTHCHECK_CONFIG),
  ArgsEscaped: "bool",
  Volumes: mapOf(EMPTY_STRUCT),
  Entrypoint: "[]string",
  NetworkDisabled: "bool",
  MacAddress: "string",
  OnBuild: "[]string",
  Labels: "map[string]string",
  StopSignal: "string",
  StopTimeout: "*int",
  Shell: "[]string",
});

const ADDRESSES = sliceOf(struct("network.Address", {}));

const ENDPOINT_SETTINGS = struct("network.EndpointSettings", {
  IPAMConfig: ptr(struct("network.EndpointIPAMConfig", { IPv4Address: "string", IPv6Address: "string", LinkLocalIPs: "[]string" })),
  Links: "[]string",
  Aliases: "[]string",
  DriverOpts: "map[string]string",
  DNSNames: "[]string",
});

// NetworkSettings with its embedded NetworkSettingsBase and DefaultNetworkSettings.
const NETWORK_SETTINGS = struct("container.NetworkSettings", {
  Ports: PORT_MAP,
  SecondaryIPAddresses: ADDRESSES,
  SecondaryIPv6Addresses: ADDRESSES,
  Networks: mapOf(ptr(ENDPOINT_SETTINGS)),
});

// container.InspectResponse with its embedded ContainerJSONBase.
const CONTAINER = struct(
  "container.InspectResponse",
  {
    Args: "[]string",
    State: ptr(STATE),
    ExecIDs: "[]string",
    HostConfig: ptr(HOST_CONFIG),
    GraphDriver: DRIVER_DATA,
    SizeRw: "*int64",
    SizeRootFs: "*int64",
    Mounts: sliceOf(struct("container.MountPoint", { Name: "string", Driver: "string" })),
    Config: ptr(CONTAINER_CONFIG),
    NetworkSettings: ptr(NETWORK_SETTINGS),
    ImageManifestDescriptor: "*v1.Descriptor",
  },
  { ID: "Id" },
);

// dockerspec.DockerOCIImageConfig: the OCI ImageConfig and Docker's extensions, all omitempty.
const IMAGE_CONFIG = struct("v1.DockerOCIImageConfig", {
  User: "string",
  ExposedPorts: PORT_SET,
  Env: "[]string",
  Entrypoint: "[]string",
  Cmd: "[]string",
  Volumes: mapOf(EMPTY_STRUCT),
  WorkingDir: "string",
  Labels: "map[string]string",
  StopSignal: "string",
  ArgsEscaped: "bool",
  Healthcheck: ptr(HEALTHCHECK_CONFIG),
  OnBuild: "[]string",
  Shell: "[]string",
});

const IMAGE = struct(
  "image.InspectResponse",
  {
    RepoTags: "[]string",
    RepoDigests: "[]string",
    Created: "string",
    Container: "string",
    ContainerConfig: ptr(CONTAINER_CONFIG),
    Config: ptr(IMAGE_CONFIG),
    Variant: "string",
    OsVersion: "string",
    VirtualSize: "int64",
    GraphDriver: DRIVER_DATA,
    RootFS: struct("image.RootFS", { Layers: "[]string" }),
    Metadata: struct("image.Metadata", { LastTagTime: "time.Time" }),
    Descriptor: "*v1.Descriptor",
    Manifests: "[]image.ManifestSummary",
  },
  { ID: "Id" },
);

const NETWORK = struct(
  "network.Inspect",
  {
    Created: "time.Time",
    IPAM: struct("network.IPAM", {
      Options: "map[string]string",
      Config: sliceOf(struct("network.IPAMConfig", { Subnet: "string", IPRange: "string", Gateway: "string", AuxAddress: "map[string]string" }, { AuxAddress: "AuxiliaryAddresses" })),
    }),
    ConfigFrom: struct("network.ConfigReference", {}),
    Containers: mapOf(struct("network.EndpointResource", {})),
    Options: "map[string]string",
    Labels: "map[string]string",
    Peers: sliceOf(struct("network.PeerInfo", {})),
    Services: "map[string]network.ServiceInfo",
  },
  { ID: "Id" },
);

const VOLUME = struct("volume.Volume", {
  ClusterVolume: "*volume.ClusterVolume",
  Labels: "map[string]string",
  Options: "map[string]string",
  Status: "map[string]interface {}",
  UsageData: "*volume.UsageData",
});

export type InspectKind = "container" | "image" | "network" | "volume";

export const INSPECT_TYPES: Readonly<Record<InspectKind, GoStructType>> = { container: CONTAINER, image: IMAGE, network: NETWORK, volume: VOLUME };
