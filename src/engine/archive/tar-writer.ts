// Writes tar archives byte for byte as Go's archive/tar does for the headers moby's go-archive
// hands it (Format PAX, times truncated to the second): USTAR whenever the entry fits, splitting
// long names into prefix and name; a "PaxHeaders.0" record before entries that need more (long
// or non-ASCII names and link targets, large ids, sub-second times); two zero blocks at the end.
import { goJoin, goSplit } from "./go-path.js";
import { BLOCK, typeFlags, utf8, type TarEntry } from "./tar-entry.js";

const NAME = 100;
const PREFIX = 155;
const ID_NAME = 32;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Go's toASCII: non-ASCII runes dropped, for the main header of a PAX entry. */
function toAscii(text: string): string {
  return [...text].filter((c) => c.charCodeAt(0) <= 0x7f).join("");
}

/** Go's fitsInOctal for a field of n bytes (NUL-terminated). */
function fitsInOctal(n: number, x: number): boolean {
  return x >= 0 && (n >= 22 || x < 2 ** ((n - 1) * 3));
}

/** splitUSTARPath: a long ASCII name as prefix "/" name, when it fits both fields. */
export function splitUstarPath(name: string): [prefix: string, name: string] | undefined {
  let length = name.length;
  if (length <= NAME || !isAscii(name)) return undefined;
  if (length > PREFIX + 1) length = PREFIX + 1;
  else if (name[length - 1] === "/") length--;
  const i = name.slice(0, length).lastIndexOf("/");
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > NAME || nlen === 0 || i > PREFIX) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** "%d key=value\n", the length counting itself (formatPAXRecord). */
export function paxRecord(key: string, value: string): string {
  const body = utf8(`${key}=${value}\n`).length + 1;
  let size = body + String(body).length;
  if (String(size).length + body !== size) size = String(size).length + body;
  return `${size} ${key}=${value}\n`;
}

/** formatPAXTime: seconds, and nanoseconds after a dot only when there are any. */
function paxTime(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const nanos = Math.round((ms - secs * 1000) * 1e6);
  if (nanos === 0) return String(secs);
  return `${secs}.${String(nanos).padStart(9, "0")}`.replace(/0+$/, "");
}

class Block {
  readonly bytes = new Uint8Array(BLOCK);

  string(offset: number, size: number, text: string): void {
    const data = utf8(text);
    this.bytes.set(data.subarray(0, size), offset);
  }

  octal(offset: number, size: number, value: number): void {
    const digits = (fitsInOctal(size, value) ? value : 0).toString(8);
    this.string(offset, size, digits.padStart(size - 1, "0"));
  }

  /** The USTAR magic and the checksum (six octal digits, NUL, space), as setFormat does. */
  seal(): Uint8Array {
    this.string(257, 6, "ustar\0");
    this.string(263, 2, "00");
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (this.bytes[i] ?? 0);
    this.octal(148, 7, sum);
    this.bytes[155] = 32;
    return this.bytes;
  }
}

/** Accumulates an archive; `finish` adds the end-of-archive blocks. */
export class TarWriter {
  private chunks: Uint8Array[] = [];
  private length = 0;

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  add(entry: TarEntry): void {
    const data = entry.type === "file" ? (entry.data ?? new Uint8Array(0)) : new Uint8Array(0);
    const linkname = entry.linkname ?? "";
    const uname = entry.uname ?? "";
    const gname = entry.gname ?? "";
    const pax: Record<string, string> = {};
    let ustar = true;
    const seconds = Math.floor(entry.mtime / 1000);
    if (!isAscii(entry.name) || utf8(entry.name).length > NAME) {
      pax["path"] = entry.name;
      if (!splitUstarPath(entry.name)) ustar = false;
    }
    if (!isAscii(linkname) || utf8(linkname).length > NAME) {
      pax["linkpath"] = linkname;
      ustar = false;
    }
    for (const [key, value] of [["uname", uname], ["gname", gname]] as const) {
      if (!isAscii(value) || utf8(value).length > ID_NAME) {
        pax[key] = value;
        ustar = false;
      }
    }
    for (const [key, value] of [["uid", entry.uid], ["gid", entry.gid]] as const) {
      if (!fitsInOctal(8, value)) {
        pax[key] = String(value);
        ustar = false;
      }
    }
    if (!fitsInOctal(12, data.length)) {
      pax["size"] = String(data.length);
      ustar = false;
    }
    if (seconds * 1000 !== entry.mtime || !fitsInOctal(12, seconds)) {
      pax["mtime"] = paxTime(entry.mtime);
      ustar = false;
    }
    let name = entry.name;
    let prefix = "";
    if (ustar) {
      const split = splitUstarPath(name);
      if (split) [prefix, name] = split;
    } else {
      this.paxHeader(entry.name, pax);
      name = toAscii(name);
    }
    const block = new Block();
    block.string(0, NAME, ustar ? name : toAscii(name));
    block.octal(100, 8, entry.mode);
    block.octal(108, 8, entry.uid);
    block.octal(116, 8, entry.gid);
    block.octal(124, 12, data.length);
    block.octal(136, 12, seconds);
    block.string(156, 1, typeFlags[entry.type]);
    block.string(157, NAME, ustar ? linkname : toAscii(linkname));
    block.string(265, ID_NAME, ustar ? uname : toAscii(uname));
    block.string(297, ID_NAME, ustar ? gname : toAscii(gname));
    block.octal(329, 8, entry.devmajor ?? 0);
    block.octal(337, 8, entry.devminor ?? 0);
    if (prefix) block.string(345, PREFIX, prefix);
    this.push(block.seal());
    this.data(data);
  }

  /** The extended header file (writeRawFile): named dir/PaxHeaders.0/file, records sorted by key. */
  private paxHeader(realName: string, records: Record<string, string>): void {
    const text = Object.keys(records)
      .sort()
      .map((key) => paxRecord(key, records[key] ?? ""))
      .join("");
    const data = utf8(text);
    const [dir, file] = goSplit(realName);
    const name = toAscii(goJoin(dir, "PaxHeaders.0", file)).slice(0, NAME).replace(/\/+$/, "");
    const block = new Block();
    block.string(0, NAME, name);
    block.octal(100, 8, 0);
    block.octal(108, 8, 0);
    block.octal(116, 8, 0);
    block.octal(124, 12, data.length);
    block.octal(136, 12, 0);
    block.string(156, 1, "x");
    this.push(block.seal());
    this.data(data);
  }

  private data(data: Uint8Array): void {
    if (data.length === 0) return;
    this.push(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) this.push(new Uint8Array(pad));
  }

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  /** The archive, closed with two zero blocks. */
  finish(): Uint8Array {
    this.push(new Uint8Array(2 * BLOCK));
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    this.chunks = [out];
    return out;
  }
}

export function writeTar(entries: Iterable<TarEntry>): Uint8Array {
  const writer = new TarWriter();
  for (const entry of entries) writer.add(entry);
  return writer.finish();
}
