// The Dockerfile front end of the legacy builder: parsing and word expansion.

export type * from "./instructions";
export { DockerfileParseError, type DockerfileErrorKind } from "./errors";
export { parseDockerfile, type ParseOptions } from "./parse";
export { expandInstruction, expandWord, expandWords, type Env } from "./expand";
