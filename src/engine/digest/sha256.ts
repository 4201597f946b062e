// SHA-256 (FIPS 180-4) in plain TypeScript: the engine runs where neither node:crypto nor a
// synchronous WebCrypto digest exists, and content addressing needs a synchronous hash.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

// Scratch buffers shared by every call: hashing is synchronous, so calls never overlap, and
// allocating typed arrays per call dominated the cost of the many small hashes the catalog makes.
const state = new Uint32Array(8);
const schedule = new Uint32Array(64);
const tail = new Uint8Array(128);

/** Lowercase hex SHA-256 of the bytes, or of a string's UTF-8 encoding. */
export function sha256Hex(data: string | Uint8Array): string {
  const bytes = typeof data === "string" ? utf8Encode(data) : data;
  state.set(INITIAL);
  const fullBlocks = bytes.length >>> 6;
  for (let i = 0; i < fullBlocks; i++) compress(bytes, i << 6);

  // Padding: the tail, 0x80, zeros, then the bit length as a 64-bit big-endian integer.
  const tailStart = fullBlocks << 6;
  const tailLength = bytes.length - tailStart;
  const paddedLength = tailLength < 56 ? 64 : 128;
  tail.fill(0);
  tail.set(bytes.subarray(tailStart));
  tail[tailLength] = 0x80;
  const high = Math.floor(bytes.length / 0x20000000);
  const low = (bytes.length << 3) >>> 0;
  tail[paddedLength - 8] = high >>> 24;
  tail[paddedLength - 7] = (high >>> 16) & 0xff;
  tail[paddedLength - 6] = (high >>> 8) & 0xff;
  tail[paddedLength - 5] = high & 0xff;
  tail[paddedLength - 4] = low >>> 24;
  tail[paddedLength - 3] = (low >>> 16) & 0xff;
  tail[paddedLength - 2] = (low >>> 8) & 0xff;
  tail[paddedLength - 1] = low & 0xff;
  for (let offset = 0; offset < paddedLength; offset += 64) compress(tail, offset);

  let hex = "";
  for (let i = 0; i < 8; i++) {
    const word = state[i] as number;
    hex += (HEX[word >>> 24] as string) + (HEX[(word >>> 16) & 0xff] as string);
    hex += (HEX[(word >>> 8) & 0xff] as string) + (HEX[word & 0xff] as string);
  }
  return hex;
}

// Indexed reads of typed arrays within bounds are numbers; the `as number` casts only satisfy
// noUncheckedIndexedAccess without a branch in the hot loop.
function compress(bytes: Uint8Array, offset: number): void {
  const w = schedule;
  for (let t = 0; t < 16; t++) {
    const j = offset + t * 4;
    w[t] =
      ((bytes[j] as number) << 24) |
      ((bytes[j + 1] as number) << 16) |
      ((bytes[j + 2] as number) << 8) |
      (bytes[j + 3] as number);
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15] as number;
    const y = w[t - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + (K[t] as number) + (w[t] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] as number) + a;
  state[1] = (state[1] as number) + b;
  state[2] = (state[2] as number) + c;
  state[3] = (state[3] as number) + d;
  state[4] = (state[4] as number) + e;
  state[5] = (state[5] as number) + f;
  state[6] = (state[6] as number) + g;
  state[7] = (state[7] as number) + h;
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    }
    if (code < 0x800) {
      out[n++] = 0xc0 | (code >>> 6);
      out[n++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[n++] = 0xe0 | (code >>> 12);
      out[n++] = 0x80 | ((code >>> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    } else {
      out[n++] = 0xf0 | (code >>> 18);
      out[n++] = 0x80 | ((code >>> 12) & 0x3f);
      out[n++] = 0x80 | ((code >>> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    }
  }
  return out.subarray(0, n);
}
