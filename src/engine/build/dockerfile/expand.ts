// Variable expansion as the legacy builder applies it when an instruction runs: each word the
// instruction declares expandable goes through shell.Lex.ProcessWord with the stage's
// environment (ENV values, then allowed build args). EXPOSE alone expands word-to-words.

import type { Instruction, KeyValue } from "./instructions";
import { type EnvLookup, ShellLex } from "./shell-lex";

export type Env = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function lookup(env: Env): EnvLookup {
  if (env instanceof Map) return (name) => env.get(name);
  const record = env as Readonly<Record<string, string>>;
  return (name) => (Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined);
}

/**
 * ProcessWord: `word` with quotes and escapes removed and variables substituted. Throws an
 * Error whose message is buildkit's ("failed to process \"${X:?}\": X: is not allowed to be unset").
 */
export function expandWord(word: string, env: Env, escape = "\\"): string {
  return new ShellLex(escape).processWord(word, lookup(env));
}

/** ProcessWords: like expandWord, then split on whitespace that was not quoted or escaped. */
export function expandWords(word: string, env: Env, escape = "\\"): string[] {
  return new ShellLex(escape).processWords(word, lookup(env));
}

const pairs = (list: KeyValue[], expand: (word: string) => string): KeyValue[] =>
  list.map((p) => ({ key: expand(p.key), value: expand(p.value), noDelim: p.noDelim }));

/**
 * The instruction with the words buildkit's Expand methods touch replaced by `expand(word)`:
 * ENV and LABEL keys and values, ADD/COPY sources, destination, --chown and --chmod (not
 * COPY --from), WORKDIR, USER, VOLUME, STOPSIGNAL, ARG names and defaults. Everything else
 * comes back unchanged: RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK/ONBUILD/MAINTAINER are never
 * expanded, and EXPOSE is expanded by its dispatcher with expandWords.
 */
export function expandInstruction(instr: Instruction, expand: (word: string) => string): Instruction {
  switch (instr.kind) {
    case "env":
    case "label":
      return { ...instr, pairs: pairs(instr.pairs, expand) };
    case "add":
    case "copy": {
      // buildkit's order: chown, chmod, then sources and destination.
      const chown = expand(instr.chown);
      const chmod = expand(instr.chmod);
      const sources = instr.sources.map(expand);
      return { ...instr, chown, chmod, sources, dest: expand(instr.dest) };
    }
    case "workdir":
      return { ...instr, path: expand(instr.path) };
    case "user":
      return { ...instr, user: expand(instr.user) };
    case "volume":
      return { ...instr, volumes: instr.volumes.map(expand) };
    case "stopsignal":
      return { ...instr, signal: expand(instr.signal) };
    case "arg":
      return {
        ...instr,
        args: instr.args.map((a) => {
          const key = expand(a.key);
          return { key, value: a.value === undefined ? undefined : expand(a.value) };
        }),
      };
    default:
      return instr;
  }
}
