import { describe, expect, it } from "vitest";
import { formatPort, formatPorts, portEdgeLabel, publishedPorts } from "./port-format.js";

const v4 = { hostIp: "0.0.0.0", hostPort: 8080, containerPort: 80, protocol: "tcp" };
const v6 = { hostIp: "::", hostPort: 8080, containerPort: 80, protocol: "tcp" };
const exposed = { hostIp: "", hostPort: 0, containerPort: 443, protocol: "tcp" };

describe("port formatting", () => {
  it("prints bindings as docker ps does", () => {
    expect(formatPort(v4)).toBe("0.0.0.0:8080->80/tcp");
    expect(formatPort(v6)).toBe("[::]:8080->80/tcp");
    expect(formatPort(exposed)).toBe("443/tcp");
    expect(formatPort({ hostIp: "127.0.0.1", hostPort: 5353, containerPort: 53, protocol: "udp" })).toBe(
      "127.0.0.1:5353->53/udp",
    );
  });

  it("joins the PORTS column and drops repeats", () => {
    expect(formatPorts([v4, v6, v4, exposed])).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 443/tcp");
    expect(formatPorts([])).toBe("");
  });

  it("labels graph edges host side first, one per host port", () => {
    expect(portEdgeLabel(v4)).toBe("8080→80/tcp");
    expect(publishedPorts([v4, v6, exposed]).map(portEdgeLabel)).toEqual(["8080→80/tcp"]);
  });
});
