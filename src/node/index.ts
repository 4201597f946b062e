// The Node layer's public entry: the Engine API daemon and its command line.
export { startDaemon, parseHost, defaultHost, type Daemon, type DaemonOptions } from "./daemon.js";
export { createApiServer, createRequestHandler, type ApiEngine, type ApiServerOptions } from "./http-api.js";
export { runCommand, parseDaemonArgs, usage } from "./daemon-command.js";
export { loadDataRoot, readDataRoot, recordPath } from "./data-root.js";
export { RecordWriter, type RecordWriterOptions } from "./record-writer.js";
export { HttpTransport, type HttpTransportOptions } from "./http-transport.js";
export { parseDockerHost, resolveDockerHost, hostFlags, dockerEndpoint, defaultDockerHost, type DockerEndpoint } from "./docker-host.js";
