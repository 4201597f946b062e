import { describe, expect, it } from "vitest";
import { parseExpose, parsePublish } from "./ports.js";

describe("parsePublish", () => {
  it("reads a bare IPv6 host address from the parts before the last two, as nat.splitParts does", () => {
    expect(parsePublish(["::1:8080:80"]).bindings).toEqual({ "80/tcp": [{ HostIp: "::1", HostPort: "8080" }] });
  });

  it("rejects extra colons as an invalid IP address, like the real CLI", () => {
    expect(() => parsePublish(["80:80:80:80"])).toThrow("invalid IP address: 80:80");
  });

  it("expands a udp range", () => {
    expect(Object.keys(parsePublish(["53-54:53-54/udp"]).bindings)).toEqual(["53/udp", "54/udp"]);
  });
});

describe("parseExpose", () => {
  it("wraps strconv's error text for a port that is not a number", () => {
    expect(() => parseExpose(["abc"])).toThrow(
      'invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax',
    );
  });

  it("rejects a host:container pair outright", () => {
    expect(() => parseExpose(["80:80"])).toThrow("invalid port format for --expose: 80:80");
  });

  it("reports a reversed range", () => {
    expect(() => parseExpose(["90-80"])).toThrow("invalid range format for --expose: 90-80, error: invalid range specified for port: 90-80");
  });

  it("expands a range with its protocol", () => {
    expect(parseExpose(["7000-7001/udp"])).toEqual({ "7000/udp": {}, "7001/udp": {} });
  });
});

describe("parsePublish, nat.ParsePortSpec corners", () => {
  it("takes a host range for a single container port as the range to allocate from", () => {
    expect(parsePublish(["80-81:90"]).bindings).toEqual({ "90/tcp": [{ HostIp: "", HostPort: "80-81" }] });
  });

  it("reads the protocol from the first slash and ignores what follows", () => {
    expect(Object.keys(parsePublish(["0:80/tcp/udp"]).bindings)).toEqual(["80/tcp"]);
  });
});
