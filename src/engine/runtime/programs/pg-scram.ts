// SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it for password authentication, both
// the server's side and psql's. Plain TypeScript over the digest module's SHA-256: the engine
// also runs in the browser, where no synchronous HMAC or PBKDF2 exists. PostgreSQL sends no
// user name inside SCRAM (the startup message carried it) and offers no channel binding
// without TLS, so the GS2 header is always "n,,". Passwords are used as given, without
// SASLprep, which only changes passwords with unusual Unicode.
import { sha256Hex, utf8Encode } from "../../digest/index.js";

const textBytes = (text: string) => utf8Encode(text);

function sha256(data: Uint8Array): Uint8Array {
  const hex = sha256Hex(data);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((byte, i) => byte ^ (b[i] ?? 0));
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = sha256(concat(block.map((b) => b ^ 0x36), message));
  return sha256(concat(block.map((b) => b ^ 0x5c), inner));
}

/** PBKDF2-HMAC-SHA-256 with one output block: SCRAM's Hi(). */
export function saltedPassword(password: string, salt: Uint8Array, iterations: number): Uint8Array {
  const key = textBytes(password);
  let u = hmacSha256(key, concat(salt, new Uint8Array([0, 0, 0, 1])));
  const out = u.slice();
  for (let i = 1; i < iterations; i++) {
    u = hmacSha256(key, u);
    for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) ^ (u[j] as number);
  }
  return out;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[n >> 18] ?? "";
    out += ALPHABET[(n >> 12) & 63] ?? "";
    out += i + 1 < bytes.length ? (ALPHABET[(n >> 6) & 63] ?? "") : "=";
    out += i + 2 < bytes.length ? (ALPHABET[n & 63] ?? "") : "=";
  }
  return out;
}

export function base64Decode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of clean) {
    const n = ALPHABET.indexOf(c);
    if (n < 0) throw new Error("invalid base64");
    value = (value << 6) | n;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/** What the server keeps instead of the password (pg_authid's SCRAM-SHA-256$… secret). */
export interface ScramSecret {
  salt: Uint8Array;
  iterations: number;
  storedKey: Uint8Array;
  serverKey: Uint8Array;
}

export function scramSecret(password: string, salt: Uint8Array, iterations = 4096): ScramSecret {
  const salted = saltedPassword(password, salt, iterations);
  return { salt, iterations, storedKey: sha256(hmacSha256(salted, textBytes("Client Key"))), serverKey: hmacSha256(salted, textBytes("Server Key")) };
}

/** "a=1,b=2" as a map of attribute letters to values. */
function attributes(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(",")) if (/^[a-zA-Z]=/.test(part)) out.set(part[0] as string, part.slice(2));
  return out;
}

/** The server's half of one exchange: client-first in, server-first out, then the final pair. */
export class ScramServer {
  private clientFirstBare = "";
  private serverFirst = "";
  private nonce = "";

  constructor(
    private readonly secret: ScramSecret,
    private readonly serverNonce: string,
  ) {}

  /** undefined when the client's first message is malformed. */
  first(clientFirst: string): string | undefined {
    const header = /^([ny]),[^,]*,/.exec(clientFirst);
    if (!header) return undefined;
    this.clientFirstBare = clientFirst.slice(header[0].length);
    const clientNonce = attributes(this.clientFirstBare).get("r");
    if (!clientNonce) return undefined;
    this.nonce = clientNonce + this.serverNonce;
    this.serverFirst = `r=${this.nonce},s=${base64Encode(this.secret.salt)},i=${this.secret.iterations}`;
    return this.serverFirst;
  }

  /** The server-final message when the proof holds; undefined when the password was wrong. */
  final(clientFinal: string): string | undefined {
    const proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0) return undefined;
    const withoutProof = clientFinal.slice(0, proofAt);
    if (attributes(withoutProof).get("r") !== this.nonce) return undefined;
    const authMessage = textBytes(`${this.clientFirstBare},${this.serverFirst},${withoutProof}`);
    let proof: Uint8Array;
    try {
      proof = base64Decode(clientFinal.slice(proofAt + 3));
    } catch {
      return undefined;
    }
    const clientKey = xor(proof, hmacSha256(this.secret.storedKey, authMessage));
    if (!equal(sha256(clientKey), this.secret.storedKey)) return undefined;
    return `v=${base64Encode(hmacSha256(this.secret.serverKey, authMessage))}`;
  }
}

/** psql's half: its first message, the proof answering the server's, and the server's check. */
export class ScramClient {
  private readonly clientFirstBare: string;
  private serverSignature: Uint8Array | undefined;

  constructor(
    private readonly password: string,
    clientNonce: string,
  ) {
    this.clientFirstBare = `n=,r=${clientNonce}`;
  }

  firstMessage(): string {
    return `n,,${this.clientFirstBare}`;
  }

  finalMessage(serverFirst: string): string {
    const a = attributes(serverFirst);
    const nonce = a.get("r") ?? "";
    const salt = base64Decode(a.get("s") ?? "");
    const iterations = Number(a.get("i"));
    if (!nonce.startsWith(this.clientFirstBare.slice(5)) || !(iterations > 0)) throw new Error("invalid SCRAM server-first-message");
    const salted = saltedPassword(this.password, salt, iterations);
    const clientKey = hmacSha256(salted, textBytes("Client Key"));
    const withoutProof = `c=biws,r=${nonce}`;
    const authMessage = textBytes(`${this.clientFirstBare},${serverFirst},${withoutProof}`);
    this.serverSignature = hmacSha256(hmacSha256(salted, textBytes("Server Key")), authMessage);
    return `${withoutProof},p=${base64Encode(xor(clientKey, hmacSha256(sha256(clientKey), authMessage)))}`;
  }

  verifyServer(serverFinal: string): boolean {
    const v = attributes(serverFinal).get("v");
    return v !== undefined && this.serverSignature !== undefined && equal(base64Decode(v), this.serverSignature);
  }
}
