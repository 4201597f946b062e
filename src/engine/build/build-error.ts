// A step that failed: the message goes into the build's stream as the daemon's error, with the
// exit code the client turns into its own (a RUN's non-zero status, 1 otherwise).
export class BuildStepError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
    this.name = "BuildStepError";
  }
}
