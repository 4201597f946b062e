import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRequestType, updateConfigType } from "./container-request-types.js";
import { fromPlain, toPlain } from "./go-json.js";
import { conformingCopy, GoUnmarshalError, NONCONFORMING, unmarshalGo, type GoType } from "./go-json-types.js";

/** The full decode of a plain body: the answer, or the error it throws. */
function fullDecode(body: unknown, type: GoType): { value: unknown } | { error: string } {
  try {
    return { value: toPlain(unmarshalGo(fromPlain(body), type)) };
  } catch (error) {
    if (error instanceof GoUnmarshalError) return { error: error.message };
    throw error;
  }
}

describe("conformingCopy, the one-pass copy of an in-process body", () => {
  it("copies a body in Go's shape as the full decode would, into objects of its own", () => {
    const body = {
      Image: "nginx",
      Cmd: ["nginx", "-g", "daemon off;"],
      Env: ["A=1"],
      Labels: { team: "web" },
      ExposedPorts: { "80/tcp": {} },
      StopTimeout: 5,
      HostConfig: { Memory: 6 * 1024 * 1024, PortBindings: { "80/tcp": [{ HostIp: "", HostPort: "8080" }] }, AutoRemove: true, Binds: null },
    };
    const copy = conformingCopy(body, createRequestType);
    expect(copy).toEqual((fullDecode(body, createRequestType) as { value: unknown }).value);
    expect(copy).not.toBe(body);
    expect((copy as typeof body).Labels).not.toBe(body.Labels);
    expect((copy as typeof body).HostConfig.PortBindings["80/tcp"]).not.toBe(body.HostConfig.PortBindings["80/tcp"]);
  });

  it("takes a string for a StrSlice field as the daemon does", () => {
    expect(conformingCopy({ Cmd: "echo hi" }, createRequestType)).toEqual({ Cmd: ["echo hi"] });
  });

  it("leaves to the full decode what only it can answer: other cases, unknown fields, type errors, out-of-range numbers", () => {
    for (const body of [
      { image: "nginx" },
      { Image: "nginx", Bogus: 1 },
      { Image: 7 },
      { StopTimeout: 1.5 },
      { StopTimeout: 2 ** 60 },
      { HostConfig: { CpuShares: -1, Memory: "lots" } },
      { Labels: { bad: 1 } },
      { Image: "x", Healthcheck: { Interval: Number.NaN } },
    ]) {
      expect(conformingCopy(body, createRequestType)).toBe(NONCONFORMING);
    }
  });

  it("never disagrees with the full decode (property)", () => {
    const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.boolean(), fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined));
    const names = fc.constantFrom("Image", "image", "Cmd", "Env", "Labels", "Memory", "NanoCpus", "RestartPolicy", "Name", "MaximumRetryCount", "CpuShares", "Tty", "Bogus");
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(names, tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(names, value, { maxKeys: 5 }), fc.constantFrom(createRequestType, updateConfigType), (body, type) => {
        const copy = conformingCopy(body, type);
        if (copy === NONCONFORMING) return;
        expect(fullDecode(body, type)).toEqual({ value: copy });
      }),
      { numRuns: 2000 },
    );
  });
});
