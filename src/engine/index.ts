// The engine's public entry: the daemon, its ports, its API types and the snapshot format.
export { Engine, type EngineOptions } from "./engine.js";
export { ManualClock, SeededIdSource, type Clock, type IdSource } from "./ports.js";
export type { ApiRequest, ApiResponse, ApiStream, StdioChunk } from "./api/types.js";
export { Channel } from "./streams/channel.js";
export { httpExchange, type NetStack, type Peer, type HttpRequest, type HttpResponse } from "./net/net-stack.js";
export { loadSnapshot, schemaVersion, migrations, type EngineSnapshot, type LoadResult, type Migration } from "./state/snapshot.js";
export type { RecordChange, RecordKind } from "./state/record-store.js";
export { engineVersion } from "./engine-info.js";
// The built-in registry's images, fetched on first use; a page may fetch them ahead of need.
export { loadCatalog as loadImageCatalog } from "./images/index.js";
export { parseReference, familiarName, familiarString, canonicalString, type ImageReference } from "./image-store/reference.js";
export { encodeAuthConfig, indexServer, type AuthConfig } from "./image-store/auth-config.js";
export { base64Decode, base64Encode } from "./image-store/base64.js";
export { getTimestamp } from "./system/go-timestamp.js";
export { parseGoDuration } from "./build/dockerfile/go-duration.js";
// Port specs' container side (go-connections/nat), read the same by the CLI's -p and by EXPOSE.
export { splitProtoPort, parseSpecRange, parseContainerPort } from "./ports/nat.js";
export { goDurationString } from "./time-format.js";
// Tar archives, which the CLI writes and reads on the host side of docker cp.
export { readTar, writeTar, TarWriter, TarError, type TarEntry, type TarEntryType, goBase, goClean, goDir, goJoin, goSplit } from "./archive/index.js";
// python3 runs in a sandbox the host provides (the browser's nested worker), loaded on first use.
export { usePythonSandbox, type PythonSandbox, type PythonRequest, type PythonResult, type PythonOutput, type PythonExecution, type PythonEntry, type PythonChange } from "./runtime/programs/python-sandbox.js";
