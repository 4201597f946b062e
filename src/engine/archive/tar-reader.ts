// Reads tar archives as Go's archive/tar.Reader does: V7, USTAR (with its name prefix), PAX
// (local records applied to the next entry, global ones skipped) and GNU (long names and link
// targets, base-256 numbers). Errors carry Go's texts, which the daemon passes on to clients.
import { BLOCK, fromUtf8, TarError, type TarEntry, type TarEntryType } from "./tar-entry.js";

export const invalidHeader = "archive/tar: invalid tar header";
export const unexpectedEof = "unexpected EOF";

const kinds: Record<string, TarEntryType> = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "1": "link",
  "2": "symlink",
  "3": "char",
  "4": "block",
  "5": "dir",
  "6": "fifo",
};

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return fromUtf8(end < 0 ? bytes : bytes.subarray(0, end));
}

/** parseNumeric: base-256 when the high bit is set, otherwise octal padded with spaces or NULs. */
function numeric(bytes: Uint8Array): number {
  const first = bytes[0] ?? 0;
  if (first & 0x80) {
    let value = first & 0x3f;
    const negative = (first & 0x40) !== 0;
    for (let i = 1; i < bytes.length; i++) value = value * 256 + (bytes[i] ?? 0);
    return negative ? -value : value;
  }
  const text = String.fromCharCode(...bytes).replace(/^[ \0]+|[ \0]+$/g, "");
  if (text === "") return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarError(invalidHeader);
  return parseInt(text, 8);
}

function isZero(block: Uint8Array): boolean {
  for (const b of block) if (b !== 0) return false;
  return true;
}

/** The checksum matches as unsigned or signed bytes (both are found in the wild). */
function checksumOk(block: Uint8Array): boolean {
  let expected: number;
  try {
    expected = numeric(block.subarray(148, 156));
  } catch {
    return false;
  }
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
    unsigned += c;
    signed += c > 127 ? c - 256 : c;
  }
  return expected === unsigned || expected === signed;
}

/** "%d key=value\n" records; a malformed one is an invalid header. */
function parsePax(text: string): Record<string, string> {
  const records: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const space = rest.indexOf(" ");
    const size = Number(rest.slice(0, space));
    if (space < 1 || !Number.isInteger(size) || size <= space) throw new TarError(invalidHeader);
    // The size counts bytes; the record is cut by bytes, then decoded.
    const bytes = new TextEncoder().encode(rest);
    const record = fromUtf8(bytes.subarray(space + 1, size));
    if (!record.endsWith("\n")) throw new TarError(invalidHeader);
    const eq = record.indexOf("=");
    if (eq < 0) throw new TarError(invalidHeader);
    records[record.slice(0, eq)] = record.slice(eq + 1, -1);
    rest = fromUtf8(bytes.subarray(size));
  }
  return records;
}

export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  const take = (n: number): Uint8Array => {
    if (at + n > archive.length) throw new TarError(unexpectedEof);
    const out = archive.subarray(at, at + n);
    at += n;
    return out;
  };
  for (;;) {
    if (at === archive.length) return entries;
    const block = take(BLOCK);
    if (isZero(block)) {
      if (at === archive.length) return entries;
      if (isZero(take(BLOCK))) return entries;
      throw new TarError(invalidHeader);
    }
    if (!checksumOk(block)) throw new TarError(invalidHeader);
    const magic = String.fromCharCode(...block.subarray(257, 263));
    const version = String.fromCharCode(...block.subarray(263, 265));
    const ustar = magic === "ustar\0" && version === "00";
    const gnu = magic === "ustar " && version === " \0";
    const flag = String.fromCharCode(block[156] ?? 0);
    const size = numeric(block.subarray(124, 136));
    const dataSize = ["1", "2", "3", "4", "5", "6"].includes(flag) ? 0 : Number(pax["size"] ?? size);
    const data = take(dataSize);
    // Go's reader ends cleanly when the archive stops right after an entry's data (the docker
    // CLI sends such a tar for a Dockerfile from stdin); a padding cut short is still an error.
    if (at < archive.length) take((BLOCK - (dataSize % BLOCK)) % BLOCK);
    if (flag === "x" || flag === "g") {
      const records = parsePax(fromUtf8(data));
      if (flag === "x") pax = { ...pax, ...records };
      continue;
    }
    if (flag === "L" || flag === "K") {
      const text = cString(data);
      if (flag === "L") longName = text;
      else longLink = text;
      continue;
    }
    let name = cString(block.subarray(0, 100));
    const prefix = ustar ? cString(block.subarray(345, 500)) : "";
    if (prefix) name = `${prefix}/${name}`;
    const kind = kinds[flag];
    if (!kind) throw new TarError(`archive/tar: unknown type flag ${JSON.stringify(flag)}`);
    const entry: TarEntry = {
      name: pax["path"] ?? longName ?? name,
      type: kind === "file" && flag !== "7" && name.endsWith("/") ? "dir" : kind,
      mode: numeric(block.subarray(100, 108)) & 0o7777,
      uid: pax["uid"] !== undefined ? Number(pax["uid"]) : numeric(block.subarray(108, 116)),
      gid: pax["gid"] !== undefined ? Number(pax["gid"]) : numeric(block.subarray(116, 124)),
      mtime: pax["mtime"] !== undefined ? Math.round(Number(pax["mtime"]) * 1000) : numeric(block.subarray(136, 148)) * 1000,
    };
    const linkname = pax["linkpath"] ?? longLink ?? cString(block.subarray(157, 257));
    if (linkname) entry.linkname = linkname;
    if (ustar || gnu) {
      const uname = pax["uname"] ?? cString(block.subarray(265, 297));
      const gname = pax["gname"] ?? cString(block.subarray(297, 329));
      if (uname) entry.uname = uname;
      if (gname) entry.gname = gname;
      if (kind === "char" || kind === "block") {
        entry.devmajor = numeric(block.subarray(329, 337));
        entry.devminor = numeric(block.subarray(337, 345));
      }
    }
    if (entry.type === "file") entry.data = data;
    entries.push(entry);
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
}
