import { describe, expect, it } from "vitest";
import { canonicalString, familiarName, familiarString, parseReference } from "../index.js";

const digest = `sha256:${"ab".repeat(32)}`;

describe("parseReference", () => {
  it.each([
    ["alpine", { domain: "docker.io", path: "library/alpine" }],
    ["alpine:3.22", { domain: "docker.io", path: "library/alpine", tag: "3.22" }],
    ["library/alpine", { domain: "docker.io", path: "library/alpine" }],
    ["docker.io/library/alpine:latest", { domain: "docker.io", path: "library/alpine", tag: "latest" }],
    ["index.docker.io/library/alpine", { domain: "docker.io", path: "library/alpine" }],
    ["docker.io/alpine", { domain: "docker.io", path: "library/alpine" }],
    ["me/app:1", { domain: "docker.io", path: "me/app", tag: "1" }],
    ["localhost:5000/app:1", { domain: "localhost:5000", path: "app", tag: "1" }],
    ["localhost/app", { domain: "localhost", path: "app" }],
    ["ghcr.io/org/team/tool:v2.1", { domain: "ghcr.io", path: "org/team/tool", tag: "v2.1" }],
    ["Foo/bar", { domain: "Foo", path: "bar" }],
    [`alpine@${digest}`, { domain: "docker.io", path: "library/alpine", digest }],
    [`alpine:3.22@${digest}`, { domain: "docker.io", path: "library/alpine", tag: "3.22", digest }],
    ["alpine:LATEST", { domain: "docker.io", path: "library/alpine", tag: "LATEST" }],
    ["my_app.v2-b__c", { domain: "docker.io", path: "library/my_app.v2-b__c" }],
  ])("%s", (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each([
    ["Foo", "invalid reference format: repository name (library/Foo) must be lowercase"],
    ["me/MyApp:1", "invalid reference format: repository name (me/MyApp) must be lowercase"],
    ["a".repeat(64), `invalid repository name (${"a".repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    ["0123456789abcdef".repeat(4), `invalid repository name (${"0123456789abcdef".repeat(4)}), cannot specify 64-byte hexadecimal strings`],
    ["", "invalid reference format"],
    ["alpine:", "invalid reference format"],
    [":latest", "invalid reference format"],
    ["alpine:bad tag", "invalid reference format"],
    ["alpine@sha256:abc", "invalid reference format"],
    ["-alpine", "invalid reference format"],
    ["my___app", "invalid reference format"],
    ["alpine//x", "invalid reference format"],
  ])("rejects %j: %s", (text, message) => {
    expect(() => parseReference(text)).toThrow(message);
    try {
      parseReference(text);
    } catch (error) {
      expect(error).toMatchObject({ message, kind: "invalid-parameter" });
    }
  });

  it("accepts a repository path of up to 255 characters on any domain", () => {
    expect(parseReference(`${"a".repeat(250)}/b`)).toEqual({ domain: "docker.io", path: `${"a".repeat(250)}/b` });
  });

  it("rejects a longer path as too long, in distribution's words", () => {
    expect(() => parseReference(`me/${"a".repeat(260)}`)).toThrow("repository name must not be more than 255 characters");
  });
});

describe("familiar and canonical forms", () => {
  it.each([
    ["alpine", "alpine", "alpine:latest", "docker.io/library/alpine:latest"],
    ["docker.io/library/nginx:1.29", "nginx", "nginx:1.29", "docker.io/library/nginx:1.29"],
    ["me/app", "me/app", "me/app:latest", "docker.io/me/app:latest"],
    ["localhost:5000/app:1", "localhost:5000/app", "localhost:5000/app:1", "localhost:5000/app:1"],
    [`alpine@${digest}`, "alpine", `alpine@${digest}`, `docker.io/library/alpine@${digest}`],
    [`alpine:3@${digest}`, "alpine", `alpine:3@${digest}`, `docker.io/library/alpine@${digest}`],
  ])("%s → %s, %s, %s", (text, name, familiar, canonical) => {
    const ref = parseReference(text);
    expect([familiarName(ref), familiarString(ref), canonicalString(ref)]).toEqual([name, familiar, canonical]);
  });

  it("leaves :latest off when asked", () => {
    expect(familiarString(parseReference("docker.io/library/alpine"), false)).toBe("alpine");
    expect(familiarString(parseReference("alpine:edge"), false)).toBe("alpine:edge");
  });
});
