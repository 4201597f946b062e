// Errors as the daemon words them. The legacy builder reports a Dockerfile problem in one of
// three shapes, depending on which stage of buildkit's front end found it:
//   - the line parser:        "failed to parse Dockerfile: <why>"
//   - an instruction's parser: "dockerfile parse error on line N: <why>"
//   - stage bookkeeping:      "<why>" alone ("no build stage in current context")
// All are invalid-parameter errors (HTTP 400).

export type DockerfileErrorKind = "empty" | "syntax" | "instruction" | "stage";

export class DockerfileParseError extends Error {
  override readonly name = "DockerfileParseError";

  constructor(
    /** The daemon's full message. */
    message: string,
    readonly kind: DockerfileErrorKind,
    /** 1-based line the problem starts on (0 when it has none). */
    readonly line: number,
    /** The message without its "failed to parse ..." / "dockerfile parse error ..." prefix. */
    readonly detail: string,
  ) {
    super(message);
  }
}
