// Errors shaped like Node's fs errors, which is what just-bash's commands expect of a
// filesystem: a `code` to branch on and "CODE: text, op 'path'" as the message.

const texts: Record<string, string> = {
  ENOENT: "no such file or directory",
  EEXIST: "file already exists",
  ENOTDIR: "not a directory",
  EISDIR: "illegal operation on a directory",
  ENOTEMPTY: "directory not empty",
  ELOOP: "too many symbolic links encountered",
  EROFS: "read-only file system",
  EINVAL: "invalid argument",
  EFBIG: "file too large",
  ENOSPC: "no space left on device",
};

export class FsError extends Error {
  constructor(
    readonly code: string,
    readonly syscall: string,
    readonly path: string,
  ) {
    super(`${code}: ${texts[code] ?? "error"}, ${syscall} '${path}'`);
    this.name = "FsError";
  }
}

export function fsError(code: keyof typeof texts | string, syscall: string, path: string): FsError {
  return new FsError(code, syscall, path);
}
