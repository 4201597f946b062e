// CLI errors and how `docker` turns them into exit codes (cmd/docker/docker.go): a StatusError
// carries its own code, anything else exits 1.

export class StatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "StatusError";
  }
}

/** A cobra flag error: printed with the usage line, exit 125. */
export function flagError(message: string, useLine: string, commandPath: string): StatusError {
  return new StatusError(125, `${message}\n\nUsage:  ${useLine}\n\nRun '${commandPath} --help' for more information`);
}

/** Declining a prompt: nothing is printed and the exit code is 0. */
export class CancelledError extends Error {}
