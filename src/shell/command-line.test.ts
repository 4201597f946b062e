import fc from "fast-check";
import { parse, type WordNode } from "just-bash";
import { describe, expect, it } from "vitest";
import { literalCommand } from "./command-line.js";

describe("literalCommand", () => {
  it("splits words and removes quoting", () => {
    expect(literalCommand(`docker ps -a --format '{{.Names}} {{.Status}}'`)).toEqual([
      "docker", "ps", "-a", "--format", "{{.Names}} {{.Status}}",
    ]);
    expect(literalCommand(`docker run -e "GREETING=hi there" --name my\\ web nginx`)).toEqual([
      "docker", "run", "-e", "GREETING=hi there", "--name", "my web", "nginx",
    ]);
    expect(literalCommand(`echo "a\\"b\\\\c\\d" '' x`)).toEqual(["echo", 'a"b\\c\\d', "", "x"]);
    expect(literalCommand("  docker   logs\t-f web  ")).toEqual(["docker", "logs", "-f", "web"]);
  });

  it("gives up on anything a shell would expand or connect", () => {
    for (const line of [
      "docker ps -q | wc -l",
      "docker rm $(docker ps -aq)",
      "docker ps > out.txt",
      "docker ps && echo ok",
      "docker ps; ls",
      "docker run -v ~/site:/x nginx",
      "docker inspect `cat id`",
      'docker run -e "HOME=$HOME" alpine',
      "docker cp *.html web:/usr/share/nginx/html",
      "docker ps {a,b}",
      "FOO=1 docker ps",
      "docker ps # list",
      "docker ps &",
      "echo 'unterminated",
      'echo "unterminated',
      "echo trailing\\",
      "",
      "   ",
    ]) {
      expect(literalCommand(line), line).toBeUndefined();
    }
  });

  it("agrees with just-bash's parser whenever it accepts a line", () => {
    // Mostly word characters and quoting, so that many lines are accepted and compared.
    const unit = fc.oneof(
      { arbitrary: fc.constantFrom(..."ab=-_./: ".split("")), weight: 8 },
      { arbitrary: fc.constantFrom("'", '"', "\\", "\t"), weight: 3 },
      { arbitrary: fc.constantFrom(..."$|;&<>()*?[]{}~#!`\n".split("")), weight: 1 },
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (tail) => {
        const line = `docker ${tail}`;
        const argv = literalCommand(line);
        if (!argv) return;
        expect(wordsOf(line)).toEqual(argv);
      }),
      { numRuns: 3000, seed: 20260115 },
    );
  });
});

/** The literal words of a line that parses to one plain simple command, else undefined. */
function wordsOf(line: string): string[] | undefined {
  const script = parse(line);
  const statement = script.statements[0];
  const pipeline = statement?.pipelines[0];
  const command = pipeline?.commands[0];
  if (script.statements.length !== 1 || statement?.pipelines.length !== 1 || pipeline?.commands.length !== 1) {
    return undefined;
  }
  if (command?.type !== "SimpleCommand" || command.redirections.length > 0 || command.assignments.length > 0) {
    return undefined;
  }
  const words = [command.name, ...command.args].filter((w): w is WordNode => w !== null);
  const texts = words.map(literalText);
  return texts.every((t): t is string => t !== undefined) ? texts : undefined;
}

function literalText(word: WordNode): string | undefined {
  let text = "";
  for (const part of word.parts) {
    if (part.type === "Literal" || part.type === "SingleQuoted" || part.type === "Escaped") text += part.value;
    else if (part.type === "DoubleQuoted") {
      for (const inner of part.parts) {
        if (inner.type !== "Literal" && inner.type !== "Escaped") return undefined;
        text += inner.value;
      }
    } else return undefined;
  }
  return text;
}
