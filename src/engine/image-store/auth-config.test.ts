import { describe, expect, it } from "vitest";
import { credentials, decodeAuthConfig, encodeAuthConfig } from "./auth-config.js";
import { base64Decode, base64Encode } from "./base64.js";

describe("base64", () => {
  it("encodes as Go's StdEncoding and URLEncoding do, with padding", () => {
    expect(base64Encode("learner:playground")).toBe("bGVhcm5lcjpwbGF5Z3JvdW5k");
    expect(base64Encode("{}", "url")).toBe("e30=");
    expect(base64Encode("ü?>", "standard")).toBe("w7w/Pg==");
    expect(base64Encode("ü?>", "url")).toBe("w7w_Pg==");
  });

  it("decodes either alphabet, padded or not, and refuses what is not base64 of UTF-8", () => {
    expect(base64Decode("w7w_Pg")).toBe("ü?>");
    expect(base64Decode("w7w/Pg==")).toBe("ü?>");
    expect(base64Decode("not base64!")).toBeUndefined();
    expect(base64Decode("/w==")).toBeUndefined();
  });
});

describe("X-Registry-Auth", () => {
  it("is base64url JSON with the empty fields left out, in the struct's order", () => {
    const encoded = encodeAuthConfig({ serveraddress: "https://index.docker.io/v1/", password: "playground", username: "learner" });
    expect(base64Decode(encoded)).toBe('{"username":"learner","password":"playground","serveraddress":"https://index.docker.io/v1/"}');
    expect(encodeAuthConfig({})).toBe("e30=");
  });

  it("decodes what clients send; unreadable headers are undefined, an empty one is no credentials", () => {
    expect(decodeAuthConfig(encodeAuthConfig({ username: "a", password: "b" }))).toEqual({ username: "a", password: "b" });
    expect(decodeAuthConfig("")).toEqual({});
    expect(decodeAuthConfig("%%%")).toBeUndefined();
    expect(decodeAuthConfig(base64Encode('{"Username":"a","Password":"b"}', "url"))).toEqual({ username: "a", password: "b" });
  });

  it("reads the user and password from `auth` when the fields are empty", () => {
    expect(credentials({ auth: "bGVhcm5lcjpwbGF5Z3JvdW5k" })).toEqual({ username: "learner", password: "playground" });
    expect(credentials(undefined)).toEqual({ username: "", password: "" });
  });
});
