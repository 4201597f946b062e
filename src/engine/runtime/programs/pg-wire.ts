// The framing of PostgreSQL's frontend/backend protocol (version 3): every message is a type
// byte, then a big-endian int32 length that counts itself and the body. The first messages a
// client sends (StartupMessage, SSLRequest, CancelRequest) have no type byte, only the length.
//
// The playground's stream sessions carry text, so the protocol's bytes travel as "binary
// strings": one character per byte, char codes 0-255 (what Node calls latin1). Text inside the
// messages (SQL, names, values) is UTF-8, as a real server with server_encoding UTF8 sends it.
import { utf8Encode } from "../../digest/index.js";

/** The version number a v3 StartupMessage carries (3 << 16). */
export const PROTOCOL_VERSION_3 = 196608;
/** Codes in place of a version: requests a client makes before the startup message. */
export const SSL_REQUEST_CODE = 80877103;
export const GSSENC_REQUEST_CODE = 80877104;
export const CANCEL_REQUEST_CODE = 80877102;

const decoder = new TextDecoder();

/** Bytes as a binary string, for a stream session. */
export function toBinary(bytes: Uint8Array): string {
  let out = "";
  // In slices: String.fromCharCode spreads its arguments onto the stack.
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** A binary string from a stream session as bytes. */
export function fromBinary(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Builds one message: the body field by field, then the frame around it. */
export class MessageWriter {
  private bytes: number[] = [];

  byte(value: number): this {
    this.bytes.push(value & 0xff);
    return this;
  }

  int16(value: number): this {
    return this.byte(value >> 8).byte(value);
  }

  int32(value: number): this {
    return this.byte(value >>> 24).byte(value >>> 16).byte(value >>> 8).byte(value);
  }

  raw(data: Uint8Array): this {
    for (const b of data) this.bytes.push(b);
    return this;
  }

  /** A NUL-terminated UTF-8 string, the protocol's String type. */
  cstring(text: string): this {
    return this.raw(utf8Encode(text)).byte(0);
  }

  /** The framed message; no type byte for the startup-phase messages. */
  frame(type?: string): Uint8Array {
    const head = type === undefined ? 0 : 1;
    const out = new Uint8Array(head + 4 + this.bytes.length);
    if (type !== undefined) out[0] = type.charCodeAt(0);
    const length = 4 + this.bytes.length;
    out.set([length >>> 24, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff], head);
    out.set(this.bytes, head + 4);
    return out;
  }
}

/** Reads a message body field by field; reading past the end throws. */
export class BodyReader {
  private at = 0;

  constructor(private readonly body: Uint8Array) {}

  get remaining(): number {
    return this.body.length - this.at;
  }

  private take(n: number): Uint8Array {
    if (n < 0 || this.at + n > this.body.length) throw new RangeError("message too short");
    const out = this.body.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  byte(): number {
    return this.take(1)[0] as number;
  }

  int16(): number {
    const [a = 0, b = 0] = this.take(2);
    return ((a << 8) | b) << 16 >> 16;
  }

  int32(): number {
    const [a = 0, b = 0, c = 0, d = 0] = this.take(4);
    return (a << 24) | (b << 16) | (c << 8) | d;
  }

  bytes(n: number): Uint8Array {
    return this.take(n);
  }

  rest(): Uint8Array {
    return this.take(this.remaining);
  }

  cstring(): string {
    const end = this.body.indexOf(0, this.at);
    if (end < 0) throw new RangeError("unterminated string");
    const text = decoder.decode(this.body.subarray(this.at, end));
    this.at = end + 1;
    return text;
  }
}

export const utf8Decode = (bytes: Uint8Array): string => decoder.decode(bytes);

/** One framed message: its type ("" for an untyped startup-phase message) and body. */
export interface Frame {
  type: string;
  body: Uint8Array;
}

/**
 * Collects bytes as they arrive and cuts them into frames. A server's reader starts untyped and
 * is switched to typed once the startup message is in; a client's reader is typed throughout.
 */
export class FrameReader {
  private pending = new Uint8Array(0);

  constructor(public typed: boolean) {}

  push(data: Uint8Array): void {
    const next = new Uint8Array(this.pending.length + data.length);
    next.set(this.pending);
    next.set(data, this.pending.length);
    this.pending = next;
  }

  /** The next whole frame, or undefined until more bytes arrive. */
  next(): Frame | undefined {
    const head = this.typed ? 1 : 0;
    if (this.pending.length < head + 4) return undefined;
    const length = new BodyReader(this.pending.subarray(head, head + 4)).int32();
    if (length < 4) throw new RangeError(`invalid message length ${length}`);
    if (this.pending.length < head + length) return undefined;
    const frame = { type: this.typed ? String.fromCharCode(this.pending[0] as number) : "", body: this.pending.slice(head + 4, head + length) };
    this.pending = this.pending.slice(head + length);
    return frame;
  }
}
