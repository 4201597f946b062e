import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex, utf8Encode } from "./sha256.js";
import { sha256Digest } from "./index.js";

const nodeSha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 / NIST test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(
      sha256Hex(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      ),
    ).toBe("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    expect(sha256Hex("a".repeat(1_000_000))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("hashes bytes and the UTF-8 encoding of strings alike", () => {
    expect(sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256Hex("abc"));
    expect(sha256Hex("héllo wörld 🐳")).toBe(nodeSha256("héllo wörld 🐳"));
  });

  it("agrees with node:crypto around every block-padding boundary", () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(sha256Hex(bytes), `length ${length}`).toBe(nodeSha256(bytes));
    }
  });

  it("agrees with node:crypto on arbitrary strings and byte arrays", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => sha256Hex(s) === nodeSha256(s)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => sha256Hex(b) === nodeSha256(b)));
  });

  it("prefixes sha256: for digests", () => {
    expect(sha256Digest("abc")).toBe("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("utf8Encode", () => {
  it("encodes like Buffer, lone surrogates as U+FFFD", () => {
    for (const s of ["", "a", "é", "€", "𝄞", "\ud800", "x\udc00y", "\ud83d\udc33"]) {
      expect(Array.from(utf8Encode(s)), JSON.stringify(s)).toEqual(Array.from(Buffer.from(s, "utf8")));
    }
  });
});
