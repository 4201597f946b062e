// parseDockerfile: what the legacy builder (Engine 28.2, POST /build) does with the Dockerfile
// before the first step runs — buildkit's parser.Parse, then instructions.Parse.

import { DockerfileParseError } from "./errors";
import { parseInstruction } from "./instruction-parsers";
import type { Dockerfile, Instruction, Stage } from "./instructions";
import { LineError, parseLines } from "./lines";

export interface ParseOptions {
  /** The Dockerfile's name as the build request gave it, for "failed to parse <name>: ...". */
  dockerfileName?: string;
}

/**
 * Parses a Dockerfile. Throws DockerfileParseError with the daemon's message:
 *   "the Dockerfile (Dockerfile) cannot be empty"
 *   "failed to parse Dockerfile: file with no instructions"
 *   "dockerfile parse error on line 3: unknown instruction: FOOBAR (did you mean FROM?)"
 *   "no build stage in current context"
 * `warnings` holds the lines the builder prints on stderr before the first step.
 */
export function parseDockerfile(text: string, options: ParseOptions = {}): Dockerfile {
  const name = options.dockerfileName ?? "Dockerfile";
  if (text === "") {
    const message = `the Dockerfile (${name}) cannot be empty`;
    throw new DockerfileParseError(message, "empty", 0, message);
  }
  let lines;
  try {
    lines = parseLines(text);
  } catch (err) {
    if (!(err instanceof LineError)) throw err;
    throw new DockerfileParseError(`failed to parse ${name}: ${err.message}`, "syntax", err.line, err.message);
  }

  const metaArgs: (Instruction & { kind: "arg" })[] = [];
  const stages: Stage[] = [];
  for (const node of lines.nodes) {
    let parsed;
    try {
      parsed = parseInstruction(node);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const message = `dockerfile parse error on line ${node.startLine}: ${why}`;
      throw new DockerfileParseError(message, "instruction", node.startLine, why);
    }
    if (parsed.kind === "from") {
      const { kind: _from, ...stage } = parsed;
      stages.push(stage);
      continue;
    }
    const stage = stages[stages.length - 1];
    if (stage) {
      stage.commands.push(parsed);
    } else if (parsed.kind === "arg") {
      metaArgs.push(parsed);
    } else {
      const message = "no build stage in current context";
      throw new DockerfileParseError(message, "stage", node.startLine, message);
    }
  }

  const warnings = lines.warnings.map((w) => `[WARNING]: ${w}`);
  if (warnings.length > 0) warnings.push("[WARNING]: Empty continuation lines will become errors in a future release.");
  return { metaArgs, stages, escape: lines.escape, warnings };
}
