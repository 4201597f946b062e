// The protocol's messages, typed, both ways: what a server sends (encoded here, decoded by
// psql) and what a client sends (decoded by the server, encoded by psql). Only the messages a
// simple-query and extended-query conversation needs; COPY and function calls are not spoken.
import {
  BodyReader,
  CANCEL_REQUEST_CODE,
  GSSENC_REQUEST_CODE,
  MessageWriter,
  SSL_REQUEST_CODE,
  utf8Decode,
  type Frame,
} from "./pg-wire.js";
import { utf8Encode } from "../../digest/index.js";

/** Authentication request codes (the int32 after an 'R'). */
export const AUTH = { ok: 0, cleartext: 3, md5: 5, sasl: 10, saslContinue: 11, saslFinal: 12 } as const;

export interface FieldDescription {
  name: string;
  typeOid: number;
}

/** Error and notice fields by their one-letter codes (S severity, C SQLSTATE, M message, …). */
export type NoticeFields = Partial<Record<"S" | "V" | "C" | "M" | "D" | "H" | "P" | "F" | "L" | "R", string>>;

const w = () => new MessageWriter();

// Type lengths for RowDescription, by OID: bool, int8, int2, int4, float8, numeric; -1 is varlena.
const TYPE_LENGTHS: Record<number, number> = { 16: 1, 20: 8, 21: 2, 23: 4, 701: 8 };

export const backend = {
  authentication: (code: number, data?: Uint8Array) => {
    const m = w().int32(code);
    if (data) m.raw(data);
    return m.frame("R");
  },
  /** AuthenticationSASL: the mechanisms the server offers, each a string, then an empty one. */
  authenticationSasl: (mechanisms: string[]) => {
    const m = w().int32(AUTH.sasl);
    for (const name of mechanisms) m.cstring(name);
    return m.byte(0).frame("R");
  },
  parameterStatus: (name: string, value: string) => w().cstring(name).cstring(value).frame("S"),
  backendKeyData: (pid: number, key: number) => w().int32(pid).int32(key).frame("K"),
  readyForQuery: (status: "I" | "T" | "E") => w().byte(status.charCodeAt(0)).frame("Z"),
  rowDescription: (fields: FieldDescription[]) => {
    const m = w().int16(fields.length);
    for (const f of fields) m.cstring(f.name).int32(0).int16(0).int32(f.typeOid).int16(TYPE_LENGTHS[f.typeOid] ?? -1).int32(-1).int16(0);
    return m.frame("T");
  },
  dataRow: (values: (string | null)[]) => {
    const m = w().int16(values.length);
    for (const v of values) {
      if (v === null) m.int32(-1);
      else {
        const bytes = utf8Encode(v);
        m.int32(bytes.length).raw(bytes);
      }
    }
    return m.frame("D");
  },
  commandComplete: (tag: string) => w().cstring(tag).frame("C"),
  emptyQueryResponse: () => w().frame("I"),
  errorResponse: (fields: NoticeFields) => noticeLike("E", fields),
  noticeResponse: (fields: NoticeFields) => noticeLike("N", fields),
  parseComplete: () => w().frame("1"),
  bindComplete: () => w().frame("2"),
  closeComplete: () => w().frame("3"),
  noData: () => w().frame("n"),
  portalSuspended: () => w().frame("s"),
  parameterDescription: (oids: number[]) => {
    const m = w().int16(oids.length);
    for (const oid of oids) m.int32(oid);
    return m.frame("t");
  },
};

function noticeLike(type: "E" | "N", fields: NoticeFields): Uint8Array {
  const m = w();
  for (const [code, value] of Object.entries(fields)) if (value !== undefined) m.byte(code.charCodeAt(0)).cstring(value);
  return m.byte(0).frame(type);
}

export type FrontendMessage =
  | { type: "sslRequest" }
  | { type: "gssencRequest" }
  | { type: "cancelRequest"; pid: number; key: number }
  | { type: "startup"; version: number; parameters: Record<string, string> }
  | { type: "query"; sql: string }
  | { type: "parse"; name: string; sql: string; paramTypes: number[] }
  | { type: "bind"; portal: string; statement: string; paramFormats: number[]; params: (Uint8Array | null)[]; resultFormats: number[] }
  | { type: "describe"; kind: "S" | "P"; name: string }
  | { type: "execute"; portal: string; maxRows: number }
  | { type: "close"; kind: "S" | "P"; name: string }
  | { type: "sync" }
  | { type: "flush" }
  /** 'p': a password, SASLInitialResponse or SASLResponse; which one depends on the exchange. */
  | { type: "authResponse"; body: Uint8Array }
  | { type: "terminate" }
  | { type: "unsupported"; code: string };

/** A client's message, as the server reads it. */
export function decodeFrontend(frame: Frame): FrontendMessage {
  const r = new BodyReader(frame.body);
  switch (frame.type) {
    case "": {
      const version = r.int32();
      if (version === SSL_REQUEST_CODE) return { type: "sslRequest" };
      if (version === GSSENC_REQUEST_CODE) return { type: "gssencRequest" };
      if (version === CANCEL_REQUEST_CODE) return { type: "cancelRequest", pid: r.int32(), key: r.int32() };
      const parameters: Record<string, string> = {};
      for (let name = r.cstring(); name !== ""; name = r.cstring()) parameters[name] = r.cstring();
      return { type: "startup", version, parameters };
    }
    case "Q":
      return { type: "query", sql: r.cstring() };
    case "P": {
      const name = r.cstring();
      const sql = r.cstring();
      const count = r.int16();
      return { type: "parse", name, sql, paramTypes: Array.from({ length: count }, () => r.int32()) };
    }
    case "B": {
      const portal = r.cstring();
      const statement = r.cstring();
      const paramFormats = Array.from({ length: r.int16() }, () => r.int16());
      const params = Array.from({ length: r.int16() }, () => {
        const length = r.int32();
        return length < 0 ? null : r.bytes(length).slice();
      });
      return { type: "bind", portal, statement, paramFormats, params, resultFormats: Array.from({ length: r.int16() }, () => r.int16()) };
    }
    case "D":
    case "C": {
      const kind = String.fromCharCode(r.byte()) === "S" ? "S" : "P";
      return { type: frame.type === "D" ? "describe" : "close", kind, name: r.cstring() };
    }
    case "E":
      return { type: "execute", portal: r.cstring(), maxRows: r.int32() };
    case "S":
      return { type: "sync" };
    case "H":
      return { type: "flush" };
    case "p":
      return { type: "authResponse", body: frame.body };
    case "X":
      return { type: "terminate" };
    default:
      return { type: "unsupported", code: frame.type };
  }
}

export const frontend = {
  startup: (parameters: Record<string, string>) => {
    const m = w().int32(196608);
    for (const [name, value] of Object.entries(parameters)) m.cstring(name).cstring(value);
    return m.byte(0).frame();
  },
  password: (password: string) => w().cstring(password).frame("p"),
  saslInitialResponse: (mechanism: string, data: string) => {
    const bytes = utf8Encode(data);
    return w().cstring(mechanism).int32(bytes.length).raw(bytes).frame("p");
  },
  saslResponse: (data: string) => w().raw(utf8Encode(data)).frame("p"),
  query: (sql: string) => w().cstring(sql).frame("Q"),
  terminate: () => w().frame("X"),
};

export type BackendMessage =
  | { type: "authentication"; code: number; data: Uint8Array }
  | { type: "parameterStatus"; name: string; value: string }
  | { type: "backendKeyData"; pid: number; key: number }
  | { type: "readyForQuery"; status: string }
  | { type: "rowDescription"; fields: FieldDescription[] }
  | { type: "dataRow"; values: (string | null)[] }
  | { type: "commandComplete"; tag: string }
  | { type: "emptyQueryResponse" }
  | { type: "errorResponse" | "noticeResponse"; fields: NoticeFields }
  | { type: "other"; code: string };

/** A server's message, as a client reads it. */
export function decodeBackend(frame: Frame): BackendMessage {
  const r = new BodyReader(frame.body);
  switch (frame.type) {
    case "R":
      return { type: "authentication", code: r.int32(), data: r.rest() };
    case "S":
      return { type: "parameterStatus", name: r.cstring(), value: r.cstring() };
    case "K":
      return { type: "backendKeyData", pid: r.int32(), key: r.int32() };
    case "Z":
      return { type: "readyForQuery", status: String.fromCharCode(r.byte()) };
    case "T":
      return {
        type: "rowDescription",
        fields: Array.from({ length: r.int16() }, () => {
          const name = r.cstring();
          r.bytes(6);
          const typeOid = r.int32();
          r.bytes(8);
          return { name, typeOid };
        }),
      };
    case "D":
      return {
        type: "dataRow",
        values: Array.from({ length: r.int16() }, () => {
          const length = r.int32();
          return length < 0 ? null : utf8Decode(r.bytes(length));
        }),
      };
    case "C":
      return { type: "commandComplete", tag: r.cstring() };
    case "I":
      return { type: "emptyQueryResponse" };
    case "E":
    case "N": {
      const fields: Record<string, string> = {};
      for (let code = r.byte(); code !== 0; code = r.byte()) fields[String.fromCharCode(code)] = r.cstring();
      return { type: frame.type === "E" ? "errorResponse" : "noticeResponse", fields };
    }
    default:
      return { type: "other", code: frame.type };
  }
}
