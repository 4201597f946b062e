import { describe, expect, it } from "vitest";
import { base64Decode, base64Encode, hmacSha256, ScramClient, scramSecret, ScramServer } from "./pg-scram.js";
import { utf8Encode } from "../../digest/index.js";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

describe("SCRAM-SHA-256", () => {
  it("computes HMAC-SHA-256 as RFC 4231 test case 2 does", () => {
    expect(hex(hmacSha256(utf8Encode("Jefe"), utf8Encode("what do ya want for nothing?")))).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("encodes and decodes base64 with padding", () => {
    for (const text of ["", "f", "fo", "foo", "foob", "fooba", "foobar"]) expect(new TextDecoder().decode(base64Decode(base64Encode(utf8Encode(text))))).toBe(text);
    expect(base64Encode(utf8Encode("foobar"))).toBe("Zm9vYmFy");
    expect(base64Encode(utf8Encode("fo"))).toBe("Zm8=");
  });

  // RFC 7677 section 3, with the user name left out as PostgreSQL leaves it out.
  const salt = base64Decode("W22ZaJ0SNY7soEsUEjb6gQ==");
  const clientNonce = "rOprNGfwEbeRWgbNEkqO";
  const serverNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

  it("runs the RFC 7677 exchange between the server and psql's client", () => {
    const server = new ScramServer(scramSecret("pencil", salt, 4096), serverNonce);
    const client = new ScramClient("pencil", clientNonce);
    expect(client.firstMessage()).toBe(`n,,n=,r=${clientNonce}`);
    const serverFirst = server.first(client.firstMessage()) ?? "";
    expect(serverFirst).toBe(`r=${clientNonce}${serverNonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`);
    const clientFinal = client.finalMessage(serverFirst);
    expect(clientFinal).toMatch(new RegExp(`^c=biws,r=${clientNonce}.*,p=[A-Za-z0-9+/]{43}=$`));
    const serverFinal = server.final(clientFinal) ?? "";
    expect(serverFinal).toMatch(/^v=/);
    expect(client.verifyServer(serverFinal)).toBe(true);
    expect(client.verifyServer("v=AAAA")).toBe(false);
  });

  it("matches RFC 7677's proof and signature when the user name is sent", () => {
    // The RFC's client-first-message carries n=user; the server takes the bare message as sent.
    const server = new ScramServer(scramSecret("pencil", salt, 4096), serverNonce);
    server.first(`n,,n=user,r=${clientNonce}`);
    const final = server.final(`c=biws,r=${clientNonce}${serverNonce},p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=`);
    expect(final).toBe("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  });

  it("refuses a wrong password and a replayed nonce", () => {
    const server = new ScramServer(scramSecret("pencil", salt, 4096), serverNonce);
    const client = new ScramClient("crayon", clientNonce);
    expect(server.final(client.finalMessage(server.first(client.firstMessage()) ?? ""))).toBeUndefined();
    const other = new ScramServer(scramSecret("pencil", salt, 4096), "different");
    other.first(`n,,n=,r=${clientNonce}`);
    expect(other.final(`c=biws,r=${clientNonce}${serverNonce},p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=`)).toBeUndefined();
  });
});
