// A Dockerfile as the builder reads it: stages of instructions, each keeping the text it was
// written as (the builder prints "Step 2/5 : <that text>"). Words are kept unexpanded: `$VAR`
// takes its value from the build state when the instruction runs, so the parser cannot do it.

export interface KeyValue {
  key: string;
  value: string;
  /** `ENV NAME value` (legacy form, no "="): printed back without the "=" quoting. */
  noDelim: boolean;
}

export interface OptionalKeyValue {
  key: string;
  /** undefined for `ARG NAME` with no default. */
  value: string | undefined;
}

export interface HealthcheckSpec {
  /** ["NONE"], ["CMD", ...args] or ["CMD-SHELL", command]. */
  test: string[];
  /** Nanoseconds; 0 when not given. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

/** CMD, ENTRYPOINT and RUN: the exec form (JSON array) or the shell form (one string). */
export interface CommandLine {
  args: string[];
  /** true for the shell form: the builder runs it through SHELL (default /bin/sh -c). */
  prependShell: boolean;
}

interface Base {
  /** The instruction as written (continuation lines joined as the parser joins them). */
  source: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export type Instruction =
  | (Base & { kind: "env"; pairs: KeyValue[] })
  | (Base & { kind: "label"; pairs: KeyValue[] })
  | (Base & { kind: "maintainer"; maintainer: string })
  | (Base & { kind: "add"; sources: string[]; dest: string; chown: string; chmod: string; flagsUsed: string[] })
  | (Base & { kind: "copy"; sources: string[]; dest: string; from: string; chown: string; chmod: string; flagsUsed: string[] })
  | (Base & { kind: "onbuild"; expression: string })
  | (Base & { kind: "workdir"; path: string })
  /** flagsUsed: --mount, --network, --security... (the legacy builder refuses them). */
  | (Base & { kind: "run"; command: CommandLine; flagsUsed: string[] })
  | (Base & { kind: "cmd"; command: CommandLine })
  | (Base & { kind: "entrypoint"; command: CommandLine })
  | (Base & { kind: "healthcheck"; health: HealthcheckSpec })
  | (Base & { kind: "expose"; ports: string[] })
  | (Base & { kind: "user"; user: string })
  | (Base & { kind: "volume"; volumes: string[] })
  | (Base & { kind: "stopsignal"; signal: string })
  | (Base & { kind: "arg"; args: OptionalKeyValue[] })
  | (Base & { kind: "shell"; shell: string[] });

export interface Stage {
  /** The `AS name` (lower-cased), or "". */
  name: string;
  /** The image or stage the stage starts from, unexpanded (`FROM $BASE`). */
  baseName: string;
  /** --platform, unexpanded, or "". */
  platform: string;
  /** The FROM instruction as written. */
  source: string;
  line: number;
  commands: Instruction[];
}

export interface Dockerfile {
  /** ARG instructions before the first FROM. */
  metaArgs: (Instruction & { kind: "arg" })[];
  stages: Stage[];
  /** The escape character (`# escape=` directive): "\\" or "`". */
  escape: string;
  /** What the parser warns about on the build's stderr (empty continuation lines...). */
  warnings: string[];
}
