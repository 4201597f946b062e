import { describe, expect, it } from "vitest";
import { validateEnv, validateExtraHost, validateIPAddress, validateLabel } from "./validators.js";

describe("flag value validators (cli/opts/opts.go)", () => {
  it("accept good values", () => {
    for (const [check, value] of [
      [validateEnv, "A"], [validateEnv, "A=1"], [validateLabel, "a=b"], [validateIPAddress, "9.9.9.9"],
      [validateIPAddress, "::1"], [validateExtraHost, "foo:1.2.3.4"], [validateExtraHost, "foo=[::1]"], [validateExtraHost, "gw:host-gateway"],
    ] as const) expect(check(value)).toBeUndefined();
  });

  it("give Docker's messages for bad ones", () => {
    expect(validateEnv("=x")).toBe("invalid environment variable: =x");
    expect(validateLabel("=x")).toBe("invalid label '=x': empty name");
    expect(validateLabel("a b=c")).toBe("label 'a b' contains whitespaces");
    expect(validateIPAddress("bad")).toBe("IP address is not correctly formatted: bad");
    expect(validateExtraHost("bad")).toBe('bad format for add-host: "bad"');
    expect(validateExtraHost("foo:nope")).toBe('invalid IP address in add-host: "nope"');
  });
});
