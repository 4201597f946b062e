// What the API returns for containers: the summary rows of GET /containers/json and the
// document of GET /containers/{id}/json, projected from the stored record.
import type { ImageRecord } from "../images/image-record.js";
import { containerDriverData } from "../images/overlay-dirs.js";
import { rfc3339Nano } from "../time-format.js";
import type { ContainerRecord, EndpointSettings } from "./container-record.js";
import { stateString } from "./state-string.js";

export interface PortSummary {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** "nginx -g 'daemon off;'": arguments with spaces are single-quoted (container/view.go). */
export function commandLine(c: ContainerRecord): string {
  // Built by hand: `docker ps` asks for this once per container on every listing.
  let line = c.Path;
  for (const a of c.Args) line += a.includes(" ") ? ` '${a}'` : ` ${a}`;
  return line;
}

/** The rows of one port spec ("80/tcp"): its bindings, or the bare port when it has none. */
function addPortRows(out: PortSummary[], spec: string, bindings: readonly { HostIp: string; HostPort: string }[] | null | undefined): void {
  const slash = spec.indexOf("/");
  const port = Number(slash < 0 ? spec : spec.slice(0, slash));
  const next = slash < 0 ? -1 : spec.indexOf("/", slash + 1);
  const type = slash < 0 ? "tcp" : spec.slice(slash + 1, next < 0 ? undefined : next);
  if (!bindings || bindings.length === 0) out.push({ PrivatePort: port, Type: type });
  else for (const b of bindings) out.push({ IP: b.HostIp, PrivatePort: port, PublicPort: Number(b.HostPort), Type: type });
}

export function portSummaries(c: ContainerRecord): PortSummary[] {
  if (!c.State.Running) return [];
  const out: PortSummary[] = [];
  // The exposed ports first, then published ones not exposed, each spec once.
  const exposed = c.Config.ExposedPorts;
  if (exposed) for (const spec of Object.keys(exposed)) addPortRows(out, spec, c.Ports[spec]);
  for (const spec of Object.keys(c.Ports)) if (!exposed || !Object.hasOwn(exposed, spec)) addPortRows(out, spec, c.Ports[spec]);
  return out;
}

function mountViews(c: ContainerRecord) {
  return c.Mounts.map((m) => {
    const view: Record<string, unknown> = { Type: m.Type };
    if (m.Name !== undefined) view["Name"] = m.Name;
    Object.assign(view, { Source: m.Source, Destination: m.Destination });
    if (m.Driver !== undefined) view["Driver"] = m.Driver;
    return Object.assign(view, { Mode: m.Mode, RW: m.RW, Propagation: m.Propagation });
  });
}

function endpointViews(c: ContainerRecord): Record<string, EndpointSettings> {
  const views: Record<string, EndpointSettings> = {};
  for (const name of Object.keys(c.Networks)) views[name] = { ...(c.Networks[name] as EndpointSettings) };
  return views;
}

export function containerSummary(c: ContainerRecord, now: number) {
  return {
    Id: c.Id,
    Names: [c.Name],
    Image: c.Config.Image,
    ImageID: c.Image,
    Command: commandLine(c),
    Created: Math.floor(c.Created / 1000),
    Ports: portSummaries(c),
    Labels: c.Config.Labels,
    State: c.State.Status,
    Status: stateString(c, now),
    HostConfig: { NetworkMode: c.HostConfig.NetworkMode },
    NetworkSettings: { Networks: endpointViews(c) },
    Mounts: mountViews(c),
  };
}

export type ContainerSummary = ReturnType<typeof containerSummary>;

export function containerInspect(c: ContainerRecord, image: ImageRecord | undefined) {
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  if (c.State.Running) {
    for (const spec of Object.keys(c.Config.ExposedPorts ?? {})) ports[spec] = null;
    for (const [spec, list] of Object.entries(c.Ports)) ports[spec] = list;
  }
  const bridge = c.Networks["bridge"];
  return {
    Id: c.Id,
    Created: rfc3339Nano(c.Created),
    Path: c.Path,
    Args: c.Args,
    State: {
      Status: c.State.Status,
      Running: c.State.Running,
      Paused: c.State.Paused,
      Restarting: c.State.Restarting,
      OOMKilled: c.State.OOMKilled,
      Dead: c.State.Dead,
      Pid: c.State.Pid,
      ExitCode: c.State.ExitCode,
      Error: c.State.Error,
      StartedAt: rfc3339Nano(c.State.StartedAt),
      FinishedAt: rfc3339Nano(c.State.FinishedAt),
      ...(c.State.Health ? { Health: c.State.Health } : {}),
    },
    Image: c.Image,
    ResolvConfPath: `/var/lib/docker/containers/${c.Id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.Id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.Id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.Id}/${c.Id}-json.log`,
    Name: c.Name,
    RestartCount: c.RestartCount,
    Driver: "overlay2",
    Platform: image?.Os ?? "linux",
    MountLabel: "",
    ProcessLabel: "",
    AppArmorProfile: "",
    ExecIDs: null,
    HostConfig: c.HostConfig,
    GraphDriver: { Data: containerDriverData(c.Id, image?.Layers ?? []), Name: "overlay2" },
    Mounts: mountViews(c),
    Config: c.Config,
    NetworkSettings: {
      Bridge: "",
      SandboxID: c.State.Running ? c.Id.split("").reverse().join("") : "",
      SandboxKey: c.State.Running ? `/var/run/docker/netns/${c.Id.slice(0, 12)}` : "",
      Ports: ports,
      HairpinMode: false,
      LinkLocalIPv6Address: "",
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridge?.EndpointID ?? "",
      Gateway: bridge?.Gateway ?? "",
      GlobalIPv6Address: "",
      GlobalIPv6PrefixLen: 0,
      IPAddress: bridge?.IPAddress ?? "",
      IPPrefixLen: bridge?.IPPrefixLen ?? 0,
      IPv6Gateway: "",
      MacAddress: bridge?.MacAddress ?? "",
      Networks: endpointViews(c),
    },
  };
}
