/** An error from parsing or executing a template, worded as Go's text/template words it. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";

  /** What execution had already written when it failed (Go leaves it in the writer). */
  readonly partialOutput: string;

  constructor(message: string, partialOutput = "") {
    super(message);
    this.partialOutput = partialOutput;
  }
}
