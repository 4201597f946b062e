// A hundred clients at once against one daemon over HTTP: every request gets its own right
// answer, and bad requests in the mix (malformed, mistyped, oversized) hurt nobody else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDaemon, type Daemon } from "./index.js";

let daemon: Daemon;
let base: string;

beforeAll(async () => {
  daemon = await startDaemon({ hosts: ["tcp://127.0.0.1:0"], ignoreHostPorts: true });
  base = `http://${daemon.addresses[0]}/v1.50`;
  const pull = await fetch(`${base}/images/create?fromImage=alpine&tag=latest`, { method: "POST" });
  await pull.text();
});

afterAll(() => daemon.close());

async function call(method: string, path: string, body?: string, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  const res = await fetch(`${base}${path}`, { method, ...(body !== undefined ? { body, headers } : {}) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** One client's life: create, start, inspect, find itself in the list, remove. */
async function client(i: number): Promise<string[]> {
  const problems: string[] = [];
  const name = `c${i}`;
  const expect = (what: string, ok: boolean) => ok || problems.push(`${name}: ${what}`);
  const created = await call("POST", `/containers/create?name=${name}`, JSON.stringify({ Image: "alpine", Cmd: ["sleep", "300"], Labels: { client: String(i) } }));
  expect(`create answered ${created.status}`, created.status === 201);
  const id = String(created.json?.["Id"] ?? "");
  expect("id is 64 hex", /^[0-9a-f]{64}$/.test(id));
  expect("start", (await call("POST", `/containers/${name}/start`)).status === 204);
  const inspected = await call("GET", `/containers/${id.slice(0, 16)}/json`);
  expect("inspect names the container", inspected.json?.["Name"] === `/${name}` && (inspected.json?.["State"] as { Running?: boolean }).Running === true);
  const listed = await call("GET", `/containers/json?filters=${encodeURIComponent(JSON.stringify({ label: [`client=${i}`] }))}`);
  const rows = (listed.json as unknown as { Id: string }[]) ?? [];
  expect(`list finds exactly itself (${rows.length})`, rows.length === 1 && rows[0]?.Id === id);
  expect("remove", (await call("DELETE", `/containers/${name}?force=1`)).status === 204);
  expect("gone after remove", (await call("GET", `/containers/${id}/json`)).status === 404);
  return problems;
}

/** Requests that must fail, each with its own status, without disturbing the others. */
async function troublemaker(i: number): Promise<string[]> {
  const cases: [string, Promise<{ status: number; json: Record<string, unknown> | undefined }>, number, string][] = [
    ["malformed", call("POST", `/containers/create?name=bad${i}`, '{"Image": "alpine",'), 400, "invalid JSON: unexpected EOF"],
    ["mistyped", call("POST", `/containers/create?name=bad${i}`, '{"Image":"alpine","HostConfig":{"Memory":"x"}}'), 400, "invalid JSON: json: cannot unmarshal string into Go struct field HostConfig.HostConfig.Resources.Memory of type int64"],
    ["too new", call("GET", "/../v1.99/containers/json"), 400, "client version 1.99 is too new. Maximum supported API version is 1.50"],
    ["swarm", call("GET", "/services"), 503, 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.'],
  ];
  const problems: string[] = [];
  for (const [what, pending, status, message] of cases) {
    const res = await pending;
    if (res.status !== status || res.json?.["message"] !== message) problems.push(`${what} ${i}: ${res.status} ${JSON.stringify(res.json)}`);
  }
  return problems;
}

describe("a hundred clients at once", () => {
  it("all get correct answers, and failed creates leave nothing behind", async () => {
    const runs = Array.from({ length: 100 }, (_, i) => (i % 10 === 9 ? troublemaker(i) : client(i)));
    const problems = (await Promise.all(runs)).flat();
    expect(problems).toEqual([]);
    const left = await call("GET", "/containers/json?all=1");
    expect(left.json).toEqual([]);
  }, 60_000);

  it("refuses an oversized JSON body with 413 and keeps serving", async () => {
    const huge = `{"Image":"alpine","Env":["${"x".repeat(40 * 1024 * 1024)}"]}`;
    const res = await call("POST", "/containers/create", huge);
    expect(res.status).toBe(413);
    expect(res.json?.["message"]).toMatch(/^request body too large/);
    expect((await call("GET", "/containers/json")).status).toBe(200);
  }, 60_000);
});
