// The docker CLI (every command, its flags and help) is not needed for the first prompt, so it
// is a chunk of its own: fetched the first time a `docker` line runs or Tab completion needs the
// command tree, and prefetched by the worker at the first keystroke.
import type * as Cli from "../cli/index.js";

export type DockerCli = typeof Cli;

let loaded: DockerCli | undefined;
let loading: Promise<DockerCli> | undefined;

/** The CLI module, fetched once; a failed fetch is retried by the next call. */
export function loadDockerCli(): Promise<DockerCli> {
  loading ??= import("../cli/index.js").then(
    (cli) => (loaded = cli),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The CLI module if it has been fetched already, so callers can stay synchronous. */
export function loadedDockerCli(): DockerCli | undefined {
  return loaded;
}
