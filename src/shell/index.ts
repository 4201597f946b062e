// The shell layer's public entry: a terminal session (pty + host shell with `docker` in it),
// and the line editor for anyone who needs readline-style editing on its own.

export { ShellSession, type ShellSessionOptions } from "./session.js";
export type { ShellClock } from "./ports.js";
export type { FileChanges, FileContent } from "./tracked-fs.js";
export { LineEditor, type FeedResult, type LineEditorOptions, type LineEvent } from "./line-editor.js";
export type { Completer, Completion } from "./completion.js";
export { loadDockerCli, type DockerCli } from "./docker-cli.js";
