// Bad request bodies answered as dockerd answers them: Go's json.Decoder texts, status 400, and
// nothing created.
import { describe, expect, it } from "vitest";
import { Engine, ManualClock, SeededIdSource, type ApiRequest } from "../index.js";
import { decodeGoJson, quoteChar } from "./go-json.js";

async function setup() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(5) });
  const call = (method: string, path: string, extra: Partial<ApiRequest> = {}) => engine.handle({ method, path, ...extra });
  const pulled = await call("POST", "/images/create", { query: { fromImage: "alpine", tag: "latest" } });
  if (pulled.stream?.kind === "json-lines") for await (const _ of pulled.stream.messages);
  const json = { "Content-Type": "application/json" };
  const create = (body: string, headers: Record<string, string> = json) => call("POST", "/containers/create", { body, headers });
  const count = async () => ((await call("GET", "/containers/json", { query: { all: "1" } })).body as unknown[]).length;
  return { engine, call, create, count };
}

const message = (r: { body?: unknown }) => (r.body as { message: string }).message;

describe("Go's syntax errors, word for word", () => {
  it.each([
    ['{"Image": "alpine",', "unexpected EOF"],
    ['{"Image": alpine}', "invalid character 'a' looking for beginning of value"],
    ["{Image: 1}", "invalid character 'I' looking for beginning of object key string"],
    ['{"Image" "x"}', "invalid character '\"' after object key"],
    ['{"Image":"x" "y"}', "invalid character '\"' after object key:value pair"],
    ['{"Cmd":[1 2]}', "invalid character '2' after array element"],
    ['{"Tty":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"Tty":nul}', "invalid character '}' in literal null (expecting 'l')"],
    ['{"Image":"\\x"}', "invalid character 'x' in string escape code"],
    ['{"Image":"\\u12G4"}', "invalid character 'G' in \\u hexadecimal character escape"],
    ['{"Image":"a\nb"}', "invalid character '\\n' in string literal"],
    ['{"Memory":01}', "invalid character '1' after object key:value pair"],
    ['{"Memory":-}', "invalid character '}' in numeric literal"],
    ['{"Memory":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"Memory":1e}', "invalid character '}' in exponent of numeric literal"],
    ['{"Cmd":[1,]}', "invalid character ']' looking for beginning of value"],
    ['{"Image":"a",}', "invalid character '}' looking for beginning of object key string"],
    ["{'Image':1}", "invalid character '\\'' looking for beginning of object key string"],
  ])("%s", async (body, text) => {
    const { create, count } = await setup();
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(message(response)).toBe(`invalid JSON: ${text}`);
    expect(await count()).toBe(0);
  });

  it("quotes a non-ASCII character by its first UTF-8 byte, as the byte scanner sees it", () => {
    expect(quoteChar("é")).toBe("'Ã'");
    expect(() => decodeGoJson("é")).toThrow("invalid character 'Ã' looking for beginning of value");
  });

  it("refuses nesting deeper than Go's 10000 levels", () => {
    expect(() => decodeGoJson("[".repeat(10001))).toThrow("invalid character '[' exceeded max depth");
  });

  it("takes the first value and refuses what follows unless it is a closing bracket (Decoder.More)", async () => {
    const { create } = await setup();
    expect(message(await create('{"Image":"alpine"} {}'))).toBe("unexpected content after JSON");
    expect((await create('{"Image":"alpine","Cmd":["true"]}}')).status).toBe(201);
  });

  it("says EOF for an empty or blank create body", async () => {
    const { create, call } = await setup();
    expect(message(await create(""))).toBe("invalid JSON: got EOF while reading request body");
    expect(message(await create("  \n"))).toBe("invalid JSON: got EOF while reading request body");
    expect(message(await call("POST", "/containers/create"))).toBe("invalid JSON: got EOF while reading request body");
  });
});

describe("Go's type errors (encoding/json of Go 1.24, embedded structs named in the path)", () => {
  it.each([
    ['{"Image":"alpine","HostConfig":{"Memory":"x"}}', "json: cannot unmarshal string into Go struct field HostConfig.HostConfig.Resources.Memory of type int64"],
    ['{"Image":5}', "json: cannot unmarshal number into Go struct field CreateRequest.Config.Image of type string"],
    ['{"Image":"alpine","Env":"A=1"}', "json: cannot unmarshal string into Go struct field CreateRequest.Config.Env of type []string"],
    ['{"Image":"alpine","Cmd":5}', "json: cannot unmarshal number into Go struct field CreateRequest.Config.Cmd of type string"],
    ['{"Image":"alpine","Tty":"yes"}', "json: cannot unmarshal string into Go struct field CreateRequest.Config.Tty of type bool"],
    ['{"Image":"alpine","Labels":{"a":1}}', "json: cannot unmarshal number into Go struct field CreateRequest.Config.Labels of type string"],
    ['{"Image":"alpine","ExposedPorts":["80/tcp"]}', "json: cannot unmarshal array into Go struct field CreateRequest.Config.ExposedPorts of type nat.PortSet"],
    ['{"Image":"alpine","HostConfig":"x"}', "json: cannot unmarshal string into Go struct field CreateRequest.HostConfig of type container.HostConfig"],
    ['{"Image":"alpine","HostConfig":{"Memory":1.5}}', "json: cannot unmarshal number 1.5 into Go struct field HostConfig.HostConfig.Resources.Memory of type int64"],
    ['{"Image":"alpine","HostConfig":{"BlkioWeight":70000}}', "json: cannot unmarshal number 70000 into Go struct field HostConfig.HostConfig.Resources.BlkioWeight of type uint16"],
    // strconv.ParseUint refuses any sign, at every width.
    ['{"Image":"alpine","HostConfig":{"BlkioWeight":-0}}', "json: cannot unmarshal number -0 into Go struct field HostConfig.HostConfig.Resources.BlkioWeight of type uint16"],
    ['{"Image":"alpine","HostConfig":{"ConsoleSize":[-0,0]}}', "json: cannot unmarshal number -0 into Go struct field HostConfig.HostConfig.ConsoleSize of type uint"],
    ['{"Image":"alpine","HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":8080}]}}}', "json: cannot unmarshal number into Go struct field PortBinding.HostConfig.PortBindings.HostPort of type string"],
    ['{"Image":"alpine","HostConfig":{"RestartPolicy":{"MaximumRetryCount":"3"}}}', "json: cannot unmarshal string into Go struct field RestartPolicy.HostConfig.RestartPolicy.MaximumRetryCount of type int"],
    ['{"Image":"alpine","NetworkingConfig":{"EndpointsConfig":{"n":{"Aliases":"a"}}}}', "json: cannot unmarshal string into Go struct field EndpointSettings.NetworkingConfig.EndpointsConfig.Aliases of type []string"],
    ["[]", "json: cannot unmarshal array into Go value of type container.CreateRequest"],
    ['"alpine"', "json: cannot unmarshal string into Go value of type container.CreateRequest"],
  ])("%s", async (body, text) => {
    const { create, count } = await setup();
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(message(response)).toBe(`invalid JSON: ${text}`);
    expect(await count()).toBe(0);
  });

  it("checks plain in-process bodies too", async () => {
    const { call } = await setup();
    const response = await call("POST", "/containers/create", { body: { Image: "alpine", HostConfig: { Memory: "x" } } });
    expect(message(response)).toBe("invalid JSON: json: cannot unmarshal string into Go struct field HostConfig.HostConfig.Resources.Memory of type int64");
  });

  it("checks the update body against container.UpdateConfig", async () => {
    const { call, create } = await setup();
    await create('{"Image":"alpine","Cmd":["sleep","60"]}');
    const id = ((await call("GET", "/containers/json", { query: { all: "1" } })).body as { Id: string }[])[0]?.Id ?? "";
    const response = await call("POST", `/containers/${id}/update`, { body: '{"Memory":"lots"}', headers: { "Content-Type": "application/json" } });
    expect(message(response)).toBe("invalid JSON: json: cannot unmarshal string into Go struct field UpdateConfig.Resources.Memory of type int64");
  });
});

describe("what dockerd accepts", () => {
  it("ignores unknown fields and matches field names without regard to case", async () => {
    const { create, call } = await setup();
    const response = await create('{"image":"alpine","cmd":"echo hi","Bogus":{"x":[1]},"hostconfig":{"autoremove":false}}');
    expect(response.status).toBe(201);
    const id = (response.body as { Id: string }).Id;
    expect((await call("GET", `/containers/${id}/json`)).body).toMatchObject({ Config: { Image: "alpine", Cmd: ["echo hi"] } });
  });

  it("answers an empty Config as the daemon does", async () => {
    const { create } = await setup();
    expect(message(await create("null"))).toBe("config cannot be empty in order to create a container");
    expect(message(await create("{}"))).toBe("config cannot be empty in order to create a container");
    expect(message(await create('{"HostConfig":{}}'))).toBe("config cannot be empty in order to create a container");
  });

  it("wants a JSON Content-Type over HTTP", async () => {
    const { create } = await setup();
    expect(message(await create('{"Image":"alpine"}', { "Content-Type": "text/plain" }))).toBe("unsupported Content-Type header (text/plain): must be 'application/json'");
    expect(message(await create('{"Image":"alpine"}', {}))).toBe("malformed Content-Type header (): mime: no media type");
  });
});

describe("ReadJSON routes", () => {
  it("accept an empty body and word syntax errors the same way", async () => {
    const { call } = await setup();
    expect((await call("POST", "/networks/create", { body: '{"Name":', headers: { "Content-Type": "application/json" } })).body).toEqual({ message: "invalid JSON: unexpected EOF" });
    expect((await call("POST", "/volumes/create", { body: "", headers: {} })).status).toBe(201);
  });
});
