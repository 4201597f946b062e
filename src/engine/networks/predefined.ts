// The networks every daemon starts with: bridge (docker0 on 172.17.0.0/16), host and none.
import type { NetworkRecord } from "./network-record.js";

export function predefinedNetwork(name: "bridge" | "host" | "none", id: string, now: number): NetworkRecord {
  const bridge = name === "bridge";
  return {
    Name: name,
    Id: id,
    Created: now,
    Scope: "local",
    Driver: { bridge: "bridge", host: "host", none: "null" }[name],
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: { Driver: "default", Options: null, Config: bridge ? [{ Subnet: "172.17.0.0/16", Gateway: "172.17.0.1" }] : [] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: "" },
    ConfigOnly: false,
    Options: bridge
      ? {
          "com.docker.network.bridge.default_bridge": "true",
          "com.docker.network.bridge.enable_icc": "true",
          "com.docker.network.bridge.enable_ip_masquerade": "true",
          "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
          "com.docker.network.bridge.name": "docker0",
          "com.docker.network.driver.mtu": "1500",
        }
      : {},
    Labels: {},
  };
}
