// Option and result types of just-bash's IFileSystem, derived from it (the package exports the
// interface but not every type it mentions).
import type { IFileSystem } from "just-bash";

export type { IFileSystem, BufferEncoding, CpOptions, FileContent, FsStat, MkdirOptions, RmOptions } from "just-bash";
export type ReadFileOptions = Exclude<Parameters<IFileSystem["readFile"]>[1], string | undefined>;
export type WriteFileOptions = Exclude<Parameters<IFileSystem["writeFile"]>[2], string | undefined>;
export type DirentEntry = Awaited<ReturnType<NonNullable<IFileSystem["readdirWithFileTypes"]>>>[number];
