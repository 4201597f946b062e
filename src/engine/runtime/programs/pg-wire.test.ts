import { describe, expect, it } from "vitest";
import { backend, decodeBackend, decodeFrontend, frontend, type FrontendMessage } from "./pg-messages.js";
import { FrameReader, fromBinary, MessageWriter, toBinary } from "./pg-wire.js";

/** Every frame in the bytes, read as a server (untyped first) or a client reads them. */
function frames(bytes: Uint8Array, typed: boolean) {
  const reader = new FrameReader(typed);
  reader.push(bytes);
  const out = [];
  for (let f = reader.next(); f; f = reader.next()) out.push(f);
  return out;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");

describe("the protocol's framing", () => {
  it("puts the type byte and a length that counts itself before the body", () => {
    expect(hex(backend.readyForQuery("I"))).toBe("5a 00 00 00 05 49");
    expect(hex(backend.parameterStatus("a", "b"))).toBe("53 00 00 00 08 61 00 62 00");
    expect(hex(new MessageWriter().int32(80877103).frame())).toBe("00 00 00 08 04 d2 16 2f");
  });

  it("cuts frames out of bytes however they arrive, waiting for the rest of a split one", () => {
    const reader = new FrameReader(true);
    const bytes = new Uint8Array([...backend.commandComplete("SELECT 1"), ...backend.readyForQuery("T")]);
    reader.push(bytes.subarray(0, 3));
    expect(reader.next()).toBeUndefined();
    reader.push(bytes.subarray(3, 12));
    expect(reader.next()).toBeUndefined();
    reader.push(bytes.subarray(12));
    expect(decodeBackend(reader.next() ?? { type: "", body: new Uint8Array() })).toEqual({ type: "commandComplete", tag: "SELECT 1" });
    expect(decodeBackend(reader.next() ?? { type: "", body: new Uint8Array() })).toEqual({ type: "readyForQuery", status: "T" });
    expect(reader.next()).toBeUndefined();
  });

  it("carries bytes through a stream session's strings one character each, high bytes included", () => {
    const bytes = new Uint8Array([0, 0x7f, 0x80, 0xc3, 0xa9, 0xff]);
    expect(toBinary(bytes)).toBe("\u0000\u007f\u0080\u00c3\u00a9\u00ff");
    expect(fromBinary(toBinary(bytes))).toEqual(bytes);
  });

  it("rejects a length shorter than the length field", () => {
    const reader = new FrameReader(true);
    reader.push(new Uint8Array([0x51, 0, 0, 0, 2]));
    expect(() => reader.next()).toThrow("invalid message length 2");
  });
});

describe("a client's messages, as the server reads them", () => {
  const read = (bytes: Uint8Array, typed = true): FrontendMessage[] => frames(bytes, typed).map(decodeFrontend);

  it("tells the startup-phase requests apart by their code", () => {
    expect(read(new MessageWriter().int32(80877103).frame(), false)).toEqual([{ type: "sslRequest" }]);
    expect(read(new MessageWriter().int32(80877104).frame(), false)).toEqual([{ type: "gssencRequest" }]);
    expect(read(new MessageWriter().int32(80877102).int32(7).int32(9).frame(), false)).toEqual([{ type: "cancelRequest", pid: 7, key: 9 }]);
    expect(read(frontend.startup({ user: "postgres", database: "app" }), false)).toEqual([
      { type: "startup", version: 196608, parameters: { user: "postgres", database: "app" } },
    ]);
  });

  it("reads the extended protocol's Parse, Bind, Describe, Execute and Sync", () => {
    const parse = new MessageWriter().cstring("s1").cstring("select $1").int16(1).int32(23).frame("P");
    const bind = new MessageWriter().cstring("").cstring("s1").int16(0).int16(2).int32(2).raw(new Uint8Array([0x34, 0x32])).int32(-1).int16(0).frame("B");
    const describe = new MessageWriter().byte(0x50).cstring("").frame("D");
    const execute = new MessageWriter().cstring("").int32(0).frame("E");
    const sync = new MessageWriter().frame("S");
    expect(read(new Uint8Array([...parse, ...bind, ...describe, ...execute, ...sync]))).toEqual([
      { type: "parse", name: "s1", sql: "select $1", paramTypes: [23] },
      { type: "bind", portal: "", statement: "s1", paramFormats: [], params: [new Uint8Array([0x34, 0x32]), null], resultFormats: [] },
      { type: "describe", kind: "P", name: "" },
      { type: "execute", portal: "", maxRows: 0 },
      { type: "sync" },
    ]);
  });

  it("decodes UTF-8 text in a query", () => {
    expect(read(frontend.query("select 'café'"))).toEqual([{ type: "query", sql: "select 'café'" }]);
  });
});

describe("a server's messages, as psql reads them", () => {
  const read = (bytes: Uint8Array) => frames(bytes, true).map(decodeBackend);

  it("round-trips rows, NULLs, errors and authentication requests", () => {
    expect(read(backend.rowDescription([{ name: "id", typeOid: 23 }, { name: "name", typeOid: 25 }]))).toEqual([
      { type: "rowDescription", fields: [{ name: "id", typeOid: 23 }, { name: "name", typeOid: 25 }] },
    ]);
    expect(read(backend.dataRow(["1", null, "é"]))).toEqual([{ type: "dataRow", values: ["1", null, "é"] }]);
    expect(read(backend.errorResponse({ S: "ERROR", C: "42P01", M: 'relation "x" does not exist', P: "15" }))).toEqual([
      { type: "errorResponse", fields: { S: "ERROR", C: "42P01", M: 'relation "x" does not exist', P: "15" } },
    ]);
    const [sasl] = read(backend.authenticationSasl(["SCRAM-SHA-256"]));
    expect(sasl).toMatchObject({ type: "authentication", code: 10 });
    expect(sasl?.type === "authentication" && toBinary(sasl.data)).toBe("SCRAM-SHA-256\u0000\u0000");
  });

  it("writes a DataRow's lengths in bytes, not characters", () => {
    expect(hex(backend.dataRow(["é"]))).toBe("44 00 00 00 0c 00 01 00 00 00 02 c3 a9");
  });
});
