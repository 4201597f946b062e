import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiRequest } from "../index.js";
import { notAManager, notInSwarm } from "./swarm-routes.js";

const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(2) });
const call = (method: string, path: string, extra: Partial<ApiRequest> = {}) => engine.handle({ method, path, ...extra });

describe("swarm endpoints on a daemon outside a swarm", () => {
  it.each([
    ["GET", "/swarm"], ["GET", "/swarm/unlockkey"], ["POST", "/swarm/unlock"], ["GET", "/nodes"], ["GET", "/nodes/abc"], ["DELETE", "/nodes/abc"],
    ["GET", "/services"], ["GET", "/services/web"], ["POST", "/services/create"], ["DELETE", "/services/web"], ["GET", "/tasks"], ["GET", "/tasks/t1"],
    ["GET", "/secrets"], ["GET", "/secrets/s"], ["POST", "/secrets/create"], ["DELETE", "/secrets/s"], ["GET", "/configs"], ["GET", "/configs/c"],
    ["POST", "/configs/create"], ["DELETE", "/configs/c"], ["GET", "/v1.44/services"],
  ])("%s %s is 503 with errNoManager's text", async (method, path) => {
    expect(await call(method, path)).toMatchObject({ status: 503, body: { message: notAManager } });
  });

  it("leaving is errNoSwarm", async () => {
    expect(await call("POST", "/swarm/leave", { query: { force: "1" } })).toMatchObject({ status: 503, body: { message: notInSwarm } });
    expect(notInSwarm).toBe("This node is not part of a swarm");
  });

  it("checks each handler's own input before the cluster", async () => {
    expect(await call("POST", "/swarm/update")).toMatchObject({ status: 400, body: { message: `invalid swarm version '': strconv.ParseUint: parsing "": invalid syntax` } });
    expect(await call("POST", "/nodes/n/update", { query: { version: "x" } })).toMatchObject({ status: 400, body: { message: `invalid node version 'x': strconv.ParseUint: parsing "x": invalid syntax` } });
    expect(await call("POST", "/secrets/s/update")).toMatchObject({ status: 400, body: { message: "invalid secret version" } });
    expect(await call("POST", "/configs/c/update", { query: { version: "1" } })).toMatchObject({ status: 503 });
    expect(await call("GET", "/services", { query: { status: "maybe" } })).toMatchObject({ status: 400, body: { message: 'invalid value for status: maybe: strconv.ParseBool: parsing "maybe": invalid syntax' } });
    expect(await call("GET", "/services/x/logs")).toMatchObject({ status: 500, body: { message: "Bad parameters: you must choose at least one stream" } });
    expect(await call("GET", "/nodes", { query: { filters: "{" } })).toMatchObject({ status: 400, body: { message: "invalid filter" } });
    expect(await call("POST", "/services/create", { body: '{"Name":', headers: { "Content-Type": "application/json" } })).toMatchObject({ status: 400, body: { message: "invalid JSON: unexpected EOF" } });
  });
});

describe("plugins: none installed", () => {
  it("lists nothing and finds nothing", async () => {
    expect(await call("GET", "/plugins")).toMatchObject({ status: 200, body: [] });
    expect(await call("GET", "/plugins/vieux/sshfs:latest/json")).toMatchObject({ status: 404, body: { message: 'plugin "vieux/sshfs:latest" not found' } });
    expect(await call("DELETE", "/plugins/foo")).toMatchObject({ status: 404, body: { message: 'plugin "foo" not found' } });
    expect(await call("POST", "/plugins/foo/enable", { query: { timeout: "30" } })).toMatchObject({ status: 404 });
    expect(await call("POST", "/plugins/foo/enable")).toMatchObject({ status: 500, body: { message: 'strconv.Atoi: parsing "": invalid syntax' } });
    expect(await call("GET", "/plugins", { query: { filters: '{"colour":["red"]}' } })).toMatchObject({ status: 400, body: { message: "invalid filter 'colour'" } });
    expect(await call("GET", "/plugins", { query: { filters: '{"enabled":["maybe"]}' } })).toMatchObject({ status: 400, body: { message: "invalid filter 'enabled=[maybe]'" } });
  });
});

describe("routes and versions", () => {
  it("answers an unknown path 404 page not found at any version, without the version check", async () => {
    expect(await call("GET", "/v1.99/nope")).toEqual({ status: 404, body: { message: "page not found" } });
    expect(await call("GET", "/vx/containers/json")).toEqual({ status: 404, body: { message: "page not found" } });
  });

  it("reads versions as dotted numbers", async () => {
    expect(await call("GET", "/v2/containers/json")).toMatchObject({ status: 400, body: { message: "client version 2 is too new. Maximum supported API version is 1.50" } });
    expect(await call("GET", "/v1.99/containers/json")).toMatchObject({ status: 400, body: { message: "client version 1.99 is too new. Maximum supported API version is 1.50" } });
    expect(await call("GET", "/v1.9/containers/json")).toMatchObject({ status: 400, body: { message: "client version 1.9 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version" } });
    expect(await call("GET", "/v1.50.0/containers/json")).toMatchObject({ status: 200 });
    expect(await call("GET", "/v1.24/containers/json")).toMatchObject({ status: 200, headers: { Ostype: "linux" } });
  });
});
