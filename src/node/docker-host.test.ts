// Host resolution as docker/cli 28.2.2 does it; every expectation was checked against the real
// CLI's messages ("Cannot connect to the Docker daemon at <host>" quotes the normalised form).
import { describe, expect, it } from "vitest";
import { dockerEndpoint, hostFlags, parseDockerHost, resolveDockerHost } from "./docker-host.js";

describe("parseDockerHost", () => {
  it.each([
    ["", "unix:///var/run/docker.sock"],
    ["  ", "unix:///var/run/docker.sock"],
    ["unix://", "unix:///var/run/docker.sock"],
    ["unix:///tmp/d.sock", "unix:///tmp/d.sock"],
    ["tcp://", "tcp://localhost:2375"],
    ["tcp://127.0.0.1", "tcp://127.0.0.1:2375"],
    [":23759", "tcp://localhost:23759"],
    [" 127.0.0.1:23759 ", "tcp://127.0.0.1:23759"],
    ["tcp://127.0.0.1:23759/", "tcp://127.0.0.1:23759/"],
    ["tcp://127.0.0.1:23759/foo", "tcp://127.0.0.1:23759/foo"],
    ["tcp://[::1]:23759", "tcp://[::1]:23759"],
  ])("%j is %s", (value, host) => {
    expect(parseDockerHost(value)).toBe(host);
  });

  it("refuses what docker refuses, in its words", () => {
    expect(() => parseDockerHost("foo://x")).toThrow("invalid bind address format: foo://x");
    expect(() => parseDockerHost("TCP://127.0.0.1:1")).toThrow("invalid bind address format: TCP://127.0.0.1:1");
    expect(() => parseDockerHost("tcp://127.0.0.1:abc")).toThrow('parse "tcp://127.0.0.1:abc": invalid port ":abc" after host');
  });
});

describe("dockerEndpoint", () => {
  it("dials a socket path, or a host and port with the path as a prefix", () => {
    expect(dockerEndpoint("unix:///tmp/d.sock")).toEqual({ host: "unix:///tmp/d.sock", kind: "unix", socketPath: "/tmp/d.sock" });
    expect(dockerEndpoint("tcp://[::1]:2375/api/")).toEqual({ host: "tcp://[::1]:2375/api/", kind: "tcp", hostname: "::1", port: 2375, basePath: "/api" });
  });
});

describe("hostFlags and resolveDockerHost", () => {
  it("reads -H in pflag's forms, only before the command", () => {
    expect(hostFlags(["-H", "a", "ps"])).toEqual(["a"]);
    expect(hostFlags(["-Hb", "--host=c", "--host", "d", "ps", "-H", "e"])).toEqual(["b", "c", "d"]);
    expect(hostFlags(["-DH", "f", "ps"])).toEqual(["f"]);
    expect(hostFlags(["--context", "-H", "ps"])).toEqual([]);
    expect(hostFlags(["-l", "debug", "-H=g", "ps"])).toEqual(["g"]);
  });

  it("prefers -H to DOCKER_HOST, and explains what it cannot use", () => {
    expect(resolveDockerHost(["-H", ":1", "ps"], { DOCKER_HOST: "tcp://x:2" })).toEqual({ host: "tcp://localhost:1" });
    expect(resolveDockerHost(["ps"], { DOCKER_HOST: "tcp://x:2" })).toEqual({ host: "tcp://x:2" });
    expect(resolveDockerHost(["ps"], {})).toEqual({ host: "unix:///var/run/docker.sock" });
    expect(resolveDockerHost(["-H", "a", "-H", "b", "ps"], {})).toEqual({ error: "Failed to initialize: unable to resolve docker endpoint: Specify only one -H" });
    expect(resolveDockerHost(["ps"], { DOCKER_HOST: "fd://" })).toEqual({ error: "Failed to initialize: unable to parse docker host `fd://`" });
  });
});
