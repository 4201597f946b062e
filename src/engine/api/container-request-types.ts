// The Go types dockerd decodes container requests into (moby api/types/container, network,
// mount; go-connections/nat; go-units), for Go's own type errors on bad bodies.
import { goBool, goInt, goMap, goPtr, goSlice, goString, goStruct, goUint, strSlice, type GoField, type GoType } from "./go-json-types.js";

const s = goString();
const strings = goSlice(s);
const stringMap = goMap(s);
const int = goInt("int");
const int64 = goInt();
const uint64 = goUint();
const duration = goInt("time.Duration");

const field = (json: string, type: GoType, via?: string[]): GoField => (via ? { json, type, via } : { json, type });

const healthConfig = goStruct("v1.HealthcheckConfig", [
  field("Test", strings),
  field("Interval", duration),
  field("Timeout", duration),
  field("StartPeriod", duration),
  field("StartInterval", duration),
  field("Retries", int),
]);

const emptyStruct = goStruct("struct {}", []);

const configFields: [string, GoType][] = [
  ["Hostname", s], ["Domainname", s], ["User", s], ["AttachStdin", goBool], ["AttachStdout", goBool], ["AttachStderr", goBool],
  ["ExposedPorts", goMap(emptyStruct, "nat.PortSet")], ["Tty", goBool], ["OpenStdin", goBool], ["StdinOnce", goBool],
  ["Env", strings], ["Cmd", strSlice], ["Healthcheck", goPtr(healthConfig)], ["ArgsEscaped", goBool], ["Image", s],
  ["Volumes", goMap(emptyStruct, "map[string]struct {}")], ["WorkingDir", s], ["Entrypoint", strSlice], ["NetworkDisabled", goBool],
  ["MacAddress", s], ["OnBuild", strings], ["Labels", stringMap], ["StopSignal", s], ["StopTimeout", goPtr(int)], ["Shell", strSlice],
];

const weightDevice = goStruct("blkiodev.WeightDevice", [field("Path", s), field("Weight", goUint("uint16", 16))]);
const throttleDevice = goStruct("blkiodev.ThrottleDevice", [field("Path", s), field("Rate", uint64)]);
const throttleDevices = goSlice(goPtr(throttleDevice), "[]*blkiodev.ThrottleDevice");

const resourceFields: [string, GoType][] = [
  ["CpuShares", int64], ["Memory", int64], ["NanoCpus", int64], ["CgroupParent", s], ["BlkioWeight", goUint("uint16", 16)],
  ["BlkioWeightDevice", goSlice(goPtr(weightDevice), "[]*blkiodev.WeightDevice")], ["BlkioDeviceReadBps", throttleDevices],
  ["BlkioDeviceWriteBps", throttleDevices], ["BlkioDeviceReadIOps", throttleDevices], ["BlkioDeviceWriteIOps", throttleDevices],
  ["CpuPeriod", int64], ["CpuQuota", int64], ["CpuRealtimePeriod", int64], ["CpuRealtimeRuntime", int64], ["CpusetCpus", s], ["CpusetMems", s],
  ["Devices", goSlice(goStruct("container.DeviceMapping", [field("PathOnHost", s), field("PathInContainer", s), field("CgroupPermissions", s)]))],
  ["DeviceCgroupRules", strings],
  ["DeviceRequests", goSlice(goStruct("container.DeviceRequest", [field("Driver", s), field("Count", int), field("DeviceIDs", strings), field("Capabilities", goSlice(strings)), field("Options", stringMap)]))],
  ["KernelMemory", int64], ["KernelMemoryTCP", int64], ["MemoryReservation", int64], ["MemorySwap", int64], ["MemorySwappiness", goPtr(int64)],
  ["OomKillDisable", goPtr(goBool)], ["PidsLimit", goPtr(int64)],
  ["Ulimits", goSlice(goPtr(goStruct("units.Ulimit", [field("Name", s), field("Hard", int64), field("Soft", int64)])), "[]*units.Ulimit")],
  ["CpuCount", int64], ["CpuPercent", int64], ["IOMaximumIOps", uint64], ["IOMaximumBandwidth", uint64],
];

const restartPolicy = goStruct("container.RestartPolicy", [field("Name", goString("container.RestartPolicyMode")), field("MaximumRetryCount", int)]);

const mount = goStruct("mount.Mount", [
  field("Type", goString("mount.Type")),
  field("Source", s),
  field("Target", s),
  field("ReadOnly", goBool),
  field("Consistency", goString("mount.Consistency")),
  field("BindOptions", goPtr(goStruct("mount.BindOptions", [
    field("Propagation", goString("mount.Propagation")), field("NonRecursive", goBool), field("CreateMountpoint", goBool),
    field("ReadOnlyNonRecursive", goBool), field("ReadOnlyForceRecursive", goBool),
  ]))),
  field("VolumeOptions", goPtr(goStruct("mount.VolumeOptions", [
    field("NoCopy", goBool), field("Labels", stringMap), field("Subpath", s),
    field("DriverConfig", goPtr(goStruct("mount.Driver", [field("Name", s), field("Options", stringMap)]))),
  ]))),
  field("ImageOptions", goPtr(goStruct("mount.ImageOptions", [field("Subpath", s)]))),
  field("TmpfsOptions", goPtr(goStruct("mount.TmpfsOptions", [field("SizeBytes", int64), field("Mode", goUint("fs.FileMode", 32)), field("Options", goSlice(strings))]))),
  field("ClusterOptions", goPtr(goStruct("mount.ClusterOptions", []))),
]);

const portBinding = goStruct("nat.PortBinding", [field("HostIp", s), field("HostPort", s)]);

const hostConfig = goStruct("container.HostConfig", [
  ...([
    ["Binds", strings], ["ContainerIDFile", s],
    ["LogConfig", goStruct("container.LogConfig", [field("Type", s), field("Config", stringMap)])],
    ["NetworkMode", goString("container.NetworkMode")], ["PortBindings", goMap(goSlice(portBinding), "nat.PortMap")],
    ["RestartPolicy", restartPolicy], ["AutoRemove", goBool], ["VolumeDriver", s], ["VolumesFrom", strings],
    ["ConsoleSize", { kind: "array", name: "[2]uint", elem: goUint("uint"), length: 2 }], ["Annotations", stringMap],
    ["CapAdd", strSlice], ["CapDrop", strSlice], ["CgroupnsMode", goString("container.CgroupnsMode")], ["Dns", strings],
    ["DnsOptions", strings], ["DnsSearch", strings], ["ExtraHosts", strings], ["GroupAdd", strings], ["IpcMode", goString("container.IpcMode")],
    ["Cgroup", goString("container.CgroupSpec")], ["Links", strings], ["OomScoreAdj", int], ["PidMode", goString("container.PidMode")],
    ["Privileged", goBool], ["PublishAllPorts", goBool], ["ReadonlyRootfs", goBool], ["SecurityOpt", strings], ["StorageOpt", stringMap],
    ["Tmpfs", stringMap], ["UTSMode", goString("container.UTSMode")], ["UsernsMode", goString("container.UsernsMode")], ["ShmSize", int64],
    ["Sysctls", stringMap], ["Runtime", s], ["Isolation", goString("container.Isolation")],
  ] as [string, GoType][]).map(([json, type]) => field(json, type)),
  ...resourceFields.map(([json, type]) => field(json, type, ["Resources"])),
  field("Mounts", goSlice(mount)),
  field("MaskedPaths", strings),
  field("ReadonlyPaths", strings),
  field("Init", goPtr(goBool)),
]);

const endpointSettings = goStruct("network.EndpointSettings", [
  field("IPAMConfig", goPtr(goStruct("network.EndpointIPAMConfig", [field("IPv4Address", s), field("IPv6Address", s), field("LinkLocalIPs", strings)]))),
  ...([
    ["Links", strings], ["Aliases", strings], ["MacAddress", s], ["DriverOpts", stringMap], ["GwPriority", int], ["NetworkID", s],
    ["EndpointID", s], ["Gateway", s], ["IPAddress", s], ["IPPrefixLen", int], ["IPv6Gateway", s], ["GlobalIPv6Address", s],
    ["GlobalIPv6PrefixLen", int], ["DNSNames", strings],
  ] as [string, GoType][]).map(([json, type]) => field(json, type)),
]);

/** container.CreateRequest: Config embedded (by pointer), HostConfig and NetworkingConfig beside it. */
export const createRequestType = goStruct("container.CreateRequest", [
  ...configFields.map(([json, type]) => field(json, type, ["Config"])),
  field("HostConfig", goPtr(hostConfig)),
  field("NetworkingConfig", goPtr(goStruct("network.NetworkingConfig", [field("EndpointsConfig", goMap(goPtr(endpointSettings), "map[string]*network.EndpointSettings"))]))),
]);

/** The JSON names of the fields promoted from the embedded Config. */
export const configFieldNames = configFields.map(([json]) => json);

/** container.UpdateConfig: Resources embedded, plus the restart policy. */
export const updateConfigType = goStruct("container.UpdateConfig", [
  ...resourceFields.map(([json, type]) => field(json, type, ["Resources"])),
  field("RestartPolicy", restartPolicy),
]);
