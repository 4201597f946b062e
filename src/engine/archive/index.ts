// Tar archives and what the daemon builds on them (docker cp, export, save, load, import). The
// codec is public: the CLI writes and reads the same archives on the host side of `docker cp`.
export { readTar } from "./tar-reader.js";
export { TarWriter, writeTar } from "./tar-writer.js";
export { TarError, type TarEntry, type TarEntryType } from "./tar-entry.js";
export { decompress, detectCompression } from "./decompress.js";
export { goBase, goClean, goDir, goJoin, goSplit } from "./go-path.js";
