// A container as the engine stores it. Field names are Docker's (container.Config, HostConfig,
// NetworkSettings), so `docker inspect` is a projection of this record, not a translation.
import type { HealthConfig } from "../images/image-record.js";
import type { HealthState } from "./healthcheck.js";

export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Healthcheck?: HealthConfig;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
}

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export type PortMap = Record<string, PortBinding[] | null>;

export interface RestartPolicy {
  Name: "" | "no" | "always" | "on-failure" | "unless-stopped";
  MaximumRetryCount: number;
}

export interface MountPoint {
  Type: "volume" | "bind" | "tmpfs";
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

/** HostConfig is kept as the client sent it (with Docker's defaults filled in), and echoed by inspect. */
export interface HostConfig {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: PortMap;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  PublishAllPorts: boolean;
  [field: string]: unknown;
}

export interface EndpointSettings {
  IPAMConfig: Record<string, unknown> | null;
  Links: string[] | null;
  Aliases: string[] | null;
  MacAddress: string;
  DriverOpts: Record<string, string> | null;
  GwPriority: number;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  IPv6Gateway: string;
  GlobalIPv6Address: string;
  GlobalIPv6PrefixLen: number;
  DNSNames: string[] | null;
}

export type ContainerStatus = "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";

export interface ContainerState {
  Status: ContainerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** Engine-clock milliseconds; 0 means never (inspect shows 0001-01-01T00:00:00Z). */
  StartedAt: number;
  FinishedAt: number;
  /** Present when the container has a healthcheck (set at start). */
  Health?: HealthState;
}

export interface ContainerRecord {
  Id: string;
  /** Engine-clock milliseconds. */
  Created: number;
  Path: string;
  Args: string[];
  State: ContainerState;
  /** "sha256:..." id of the image. */
  Image: string;
  /** Name with Docker's leading slash, e.g. "/web". */
  Name: string;
  RestartCount: number;
  Config: ContainerConfig;
  HostConfig: HostConfig;
  /** Network name → endpoint, in the order the container joined them. */
  Networks: Record<string, EndpointSettings>;
  /** Published ports while running: container port ("80/tcp") → bindings actually allocated. */
  Ports: PortMap;
  Mounts: MountPoint[];
  /** True while the daemon itself stopped it (docker stop), so restart policies do not fire. */
  HasBeenManuallyStopped: boolean;
}
