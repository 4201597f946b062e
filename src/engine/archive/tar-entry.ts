// One member of a tar archive, as Go's archive/tar.Header describes it, reduced to what Docker's
// archives carry: regular files, directories, symbolic and hard links, and the device nodes a
// layer may hold (read, kept, never made).

export type TarEntryType = "file" | "link" | "symlink" | "char" | "block" | "dir" | "fifo";

export interface TarEntry {
  /** As stored: relative ("etc/hosts"), directories with a trailing slash ("etc/"). */
  name: string;
  type: TarEntryType;
  /** Permission bits with setuid, setgid and sticky (07777), as tar's mode field holds them. */
  mode: number;
  uid: number;
  gid: number;
  uname?: string;
  gname?: string;
  /** Milliseconds since the epoch. */
  mtime: number;
  /** Target of a symlink or hard link. */
  linkname?: string;
  /** Contents of a regular file. */
  data?: Uint8Array;
  devmajor?: number;
  devminor?: number;
}

/** The typeflag byte of each kind (archive/tar's TypeReg, TypeLink, ...). */
export const typeFlags: Record<TarEntryType, string> = {
  file: "0",
  link: "1",
  symlink: "2",
  char: "3",
  block: "4",
  dir: "5",
  fifo: "6",
};

export const BLOCK = 512;

/** A tar reader's complaint, worded as Go's archive/tar words it. */
export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TarError";
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);
