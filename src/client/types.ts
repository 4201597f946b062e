// The shapes the client returns: a typed subset of the Engine API's JSON, named as Docker names it.

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  Labels: Record<string, string> | null;
  State: string;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, { IPAddress: string; NetworkID: string; Aliases: string[] | null }> };
  Mounts: { Type: string; Name?: string; Source: string; Destination: string; Driver?: string; Mode: string; RW: boolean; Propagation: string }[];
  SizeRw?: number;
  SizeRootFs?: number;
}

export interface ContainerInspect {
  Id: string;
  Created: string;
  Path: string;
  Args: string[];
  State: { Status: string; Running: boolean; Paused: boolean; Restarting: boolean; ExitCode: number; Error: string; StartedAt: string; FinishedAt: string; Pid: number };
  Image: string;
  Name: string;
  RestartCount: number;
  Config: { Tty: boolean; OpenStdin: boolean; Image: string; Env: string[]; Cmd: string[] | null; Entrypoint: string[] | null; Labels: Record<string, string> | null; Hostname: string };
  HostConfig: Record<string, unknown> & { AutoRemove: boolean; NetworkMode: string };
  NetworkSettings: { Ports: Record<string, { HostIp: string; HostPort: string }[] | null>; Networks: Record<string, unknown> };
  Mounts: unknown[];
  [field: string]: unknown;
}

export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: number;
  Size: number;
  SharedSize: number;
  Labels: Record<string, string> | null;
  Containers: number;
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: string;
  Size: number;
  Config: Record<string, unknown>;
  [field: string]: unknown;
}

export interface NetworkInspect {
  Name: string;
  Id: string;
  Created: string;
  Scope: string;
  Driver: string;
  Internal: boolean;
  EnableIPv6: boolean;
  IPAM: { Driver: string; Options?: Record<string, string> | null; Config: NetworkIpamConfig[] };
  Containers: Record<string, { Name: string; EndpointID?: string; MacAddress?: string; IPv4Address: string; IPv6Address?: string }>;
  Labels: Record<string, string>;
  [field: string]: unknown;
}

export interface NetworkIpamConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

/** POST /networks/create, as the CLI sends it. */
export interface NetworkCreateRequest {
  Name: string;
  Driver?: string;
  Scope?: string;
  EnableIPv4?: boolean;
  EnableIPv6?: boolean;
  IPAM?: { Driver: string; Config: NetworkIpamConfig[]; Options: Record<string, string> };
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network: string };
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
}

/** The EndpointConfig of POST /networks/{id}/connect. */
export interface NetworkEndpointConfig {
  Aliases?: string[];
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] };
  Links?: string[];
  DriverOpts?: Record<string, string>;
  GwPriority?: number;
}

export interface Volume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt: string;
  Labels: Record<string, string> | null;
  Scope: string;
  Options: Record<string, string> | null;
}

export interface JsonMessage {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  error?: string;
  errorDetail?: { code?: number; message: string };
  aux?: unknown;
}

export interface WaitResponse {
  StatusCode: number;
  Error: { Message: string } | null;
}

export interface SystemEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: string;
  time: number;
  timeNano: number;
  status?: string;
  id?: string;
  from?: string;
}

/** The version document of GET /version. */
export interface ServerVersion {
  Platform: { Name: string };
  Components: { Name: string; Version: string; Details: Record<string, string> }[];
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  BuildTime: string;
}

export type SystemInfo = Record<string, unknown> & {
  ID: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  ServerVersion: string;
  Name: string;
};

/** GET /containers/{id}/top */
export interface ContainerTop {
  Titles: string[];
  Processes: string[][];
}

/** One frame of GET /containers/{id}/stats (the fields the CLI reads). */
export interface ContainerStats {
  name: string;
  id: string;
  read: string;
  preread: string;
  pids_stats: { current?: number; limit?: number };
  blkio_stats: { io_service_bytes_recursive: { major?: number; minor?: number; op: string; value: number }[] | null };
  num_procs: number;
  cpu_stats: { cpu_usage: { total_usage: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats: { cpu_usage: { total_usage: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  memory_stats: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
}

/** The resources and restart policy `POST /containers/{id}/update` takes. */
export interface ContainerUpdateConfig {
  RestartPolicy?: { Name: string; MaximumRetryCount: number };
  Memory?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  CpuShares?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuRealtimePeriod?: number;
  CpuRealtimeRuntime?: number;
  CpusetCpus?: string;
  CpusetMems?: string;
  BlkioWeight?: number;
  PidsLimit?: number;
}

export interface ContainersPruneReport {
  ContainersDeleted: string[] | null;
  SpaceReclaimed: number;
}

export interface ExecCreateOptions {
  Cmd: string[];
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  Tty?: boolean;
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  Privileged?: boolean;
  DetachKeys?: string;
}

export interface ExecInspect {
  ID: string;
  Running: boolean;
  ExitCode: number | null;
  ContainerID: string;
  Pid: number;
  [field: string]: unknown;
}

/** POST /auth's answer (registry.AuthenticateOKBody). */
export interface AuthenticateOKBody {
  Status: string;
  IdentityToken: string;
}

/** One repository found by GET /images/search (registry.SearchResult). */
export interface SearchResult {
  star_count: number;
  is_official: boolean;
  name: string;
  is_automated: boolean;
  description: string;
}

/** One line of GET /images/{name}/history (image.HistoryResponseItem). */
export interface ImageHistoryItem {
  Comment: string;
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

/** POST /images/prune */
export interface ImagesPruneReport {
  ImagesDeleted: { Untagged?: string; Deleted?: string }[] | null;
  SpaceReclaimed: number;
}

/** POST /build/prune */
export interface BuildCachePruneReport {
  CachesDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** One record of the build cache (GET /system/df BuildCache). */
export interface BuildCacheRecord {
  ID: string;
  Parents?: string[] | null;
  Type: string;
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt: string | null;
  UsageCount: number;
}

/** GET /system/df */
export interface DiskUsage {
  LayersSize: number;
  Images: ImageSummary[] | null;
  Containers: ContainerSummary[] | null;
  Volumes: (Volume & { UsageData?: { Size: number; RefCount: number } | null })[] | null;
  BuildCache: BuildCacheRecord[] | null;
}


/** container.PathStat: HEAD/GET /containers/{id}/archive's X-Docker-Container-Path-Stat. */
export interface PathStat {
  name: string;
  size: number;
  /** A Go os.FileMode: permission bits, 1<<31 for a directory, 1<<27 for a symlink. */
  mode: number;
  mtime: string;
  linkTarget: string;
}

/** What `docker build` asks of POST /build (the legacy builder's query parameters). */
export interface ImageBuildOptions {
  /** -t: name:tag references to give the image; repeatable. */
  tags?: string[];
  /** Path of the Dockerfile inside the context; "Dockerfile" when omitted. */
  dockerfile?: string;
  /** --build-arg values; null for a name given without a value and unset in the environment. */
  buildArgs?: Record<string, string | null>;
  labels?: Record<string, string>;
  noCache?: boolean;
  pull?: boolean;
  /** Only the image ID on success (-q). */
  quiet?: boolean;
  /** Remove intermediate containers after a successful step (default true). */
  remove?: boolean;
  /** Always remove intermediate containers, even after a failed step. */
  forceRemove?: boolean;
  target?: string;
  networkMode?: string;
  platform?: string;
  extraHosts?: string[];
}
