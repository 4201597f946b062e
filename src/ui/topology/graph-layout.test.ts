import { describe, expect, it } from "vitest";
import { container, freshWorld, network, volume } from "../world-fixtures.js";
import { layoutTopology } from "./graph-layout.js";
import type { ContainerNode, TopologyNode } from "./graph-model.js";

const app = network("app", "172.18.0.0/16");
const onApp = [{ name: "app", ipAddress: "172.18.0.2" }];

function byKind(nodes: TopologyNode[], kind: TopologyNode["type"]): string[] {
  return nodes.filter((n) => n.type === kind).map((n) => ("name" in n.data ? n.data.name : n.data.label));
}

describe("layoutTopology", () => {
  it("draws a fresh engine as the host and the default bridge only", () => {
    const { nodes, edges } = layoutTopology(freshWorld());
    expect(nodes.map((n) => n.id)).toEqual(["host", "network:bridge-net-id-0123456789"]);
    expect(edges).toEqual([]);
  });

  it("puts containers inside their first network, below its header, oldest first", () => {
    const world = freshWorld({
      networks: [...freshWorld().networks, app],
      containers: [
        container("db", { created: 2, networks: onApp }),
        container("api", { created: 1, networks: onApp }),
        container("web", { created: 3 }),
      ],
    });
    const { nodes } = layoutTopology(world);
    const appGroup = nodes.find((n) => n.type === "network" && n.data.name === "app")!;
    const inApp = nodes.filter((n): n is ContainerNode => n.type === "container" && n.parentId === appGroup.id);
    expect(inApp.map((n) => n.data.name)).toEqual(["api", "db"]);
    expect(inApp[0]!.position.y).toBeLessThan(inApp[1]!.position.y);
    expect(inApp[0]!.position.y + inApp[0]!.height!).toBeLessThanOrEqual(inApp[1]!.position.y);
    expect(appGroup.height!).toBeGreaterThan(inApp[1]!.position.y + inApp[1]!.height!);
    // Parents come before their children, as React Flow requires.
    const index = (id: string): number => nodes.findIndex((n) => n.id === id);
    for (const child of inApp) expect(index(appGroup.id)).toBeLessThan(index(child.id));
  });

  it("places network columns side by side without overlap: bridge, user networks, then host", () => {
    const world = freshWorld({
      networks: [...freshWorld().networks, app],
      containers: [container("h", { networks: [{ name: "host", ipAddress: "" }] })],
    });
    const groups = layoutTopology(world).nodes.filter((n) => n.type === "network");
    expect(groups.map((n) => n.data.name)).toEqual(["bridge", "app", "host"]);
    for (let i = 1; i < groups.length; i++) {
      expect(groups[i]!.position.x).toBeGreaterThanOrEqual(groups[i - 1]!.position.x + groups[i - 1]!.width!);
    }
  });

  it("links a container on several networks to the others, and publishes ports to the host", () => {
    const web = container("web", {
      networks: [{ name: "bridge", ipAddress: "172.17.0.2" }, ...onApp],
      ports: [
        { hostIp: "0.0.0.0", hostPort: 8080, containerPort: 80, protocol: "tcp" },
        { hostIp: "::", hostPort: 8080, containerPort: 80, protocol: "tcp" },
        { hostIp: "0.0.0.0", hostPort: 8443, containerPort: 443, protocol: "tcp" },
        { hostIp: "", hostPort: 0, containerPort: 9000, protocol: "tcp" },
      ],
    });
    const { edges } = layoutTopology(freshWorld({ networks: [...freshWorld().networks, app], containers: [web] }));
    const ports = edges.filter((e) => e.type === "port");
    expect(ports.map((e) => e.data?.label)).toEqual(["8080→80/tcp", "8443→443/tcp"]);
    expect(ports.every((e) => e.source === "host" && e.target === `container:${web.id}`)).toBe(true);
    const links = edges.filter((e) => e.className === "network-edge");
    expect(links.map((e) => [e.target, e.sourceHandle, e.targetHandle])).toEqual([
      [`network:${app.id}`, "right", "left"],
    ]);
  });

  it("draws every volume, and an edge for each volume mount", () => {
    const db = container("db", {
      mounts: [
        { type: "volume", name: "data", destination: "/var/lib/postgresql/data" },
        { type: "bind", name: "", destination: "/etc/config" },
      ],
    });
    const world = freshWorld({ volumes: [volume("spare"), volume("data")], containers: [db] });
    const { nodes, edges } = layoutTopology(world);
    expect(byKind(nodes, "volume")).toEqual(["data", "spare"]);
    const mounts = edges.filter((e) => e.className === "mount-edge");
    expect(mounts.map((e) => [e.source, e.target])).toEqual([["volume:data", `container:${db.id}`]]);
    const container0 = nodes.find((n) => n.type === "container")!;
    const volumeY = nodes.find((n) => n.type === "volume")!.position.y;
    expect(volumeY).toBeGreaterThan(container0.position.y);
  });

  it("is deterministic: the same world gives the same layout", () => {
    const world = freshWorld({ containers: [container("a"), container("b", { created: 5 })] });
    expect(layoutTopology(world)).toEqual(layoutTopology(structuredClone(world)));
  });
});
