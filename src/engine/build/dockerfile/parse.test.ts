import { describe, expect, test } from "vitest";
import { DockerfileParseError } from "./errors";
import type { Instruction } from "./instructions";
import { parseDockerfile } from "./parse";

const commands = (text: string): Instruction[] => parseDockerfile(text).stages.flatMap((s) => s.commands);
const only = (text: string): Instruction => {
  const [first] = commands(`FROM scratch\n${text}`);
  if (!first) throw new Error("no instruction");
  return first;
};

function errorOf(text: string): DockerfileParseError {
  try {
    parseDockerfile(text);
  } catch (err) {
    if (err instanceof DockerfileParseError) return err;
    throw err;
  }
  throw new Error("parsed without error");
}

describe("stages", () => {
  test("meta ARGs, named stages, --platform and the source the builder prints", () => {
    const df = parseDockerfile(
      "ARG BASE=alpine\nARG TAG\nFROM --platform=$BUILDPLATFORM ${BASE}:$TAG AS Build\nRUN make\n\nfrom build\ncopy --from=build /out /out\n",
    );
    expect(df.metaArgs.map((a) => a.args)).toEqual([[{ key: "BASE", value: "alpine" }], [{ key: "TAG", value: undefined }]]);
    expect(df.stages).toHaveLength(2);
    expect(df.stages[0]).toMatchObject({
      name: "build",
      baseName: "${BASE}:$TAG",
      platform: "$BUILDPLATFORM",
      source: "FROM --platform=$BUILDPLATFORM ${BASE}:$TAG AS Build",
      line: 3,
    });
    expect(df.stages[1]).toMatchObject({ name: "", baseName: "build", source: "from build", line: 6 });
    expect(df.stages[1]?.commands[0]).toMatchObject({ kind: "copy", from: "build", source: "copy --from=build /out /out", line: 7 });
    expect(df.escape).toBe("\\");
    expect(df.warnings).toEqual([]);
  });

  test("an ARG after the first FROM belongs to the stage", () => {
    const df = parseDockerfile("FROM a\nARG X=1\n");
    expect(df.metaArgs).toEqual([]);
    expect(df.stages[0]?.commands[0]).toMatchObject({ kind: "arg", args: [{ key: "X", value: "1" }] });
  });
});

describe("lines", () => {
  test("continuation lines join without their escape; comments inside are dropped", () => {
    const run = only("RUN apt-get update && \\\n    # a comment\n    apt-get install -y curl \\  \n && echo done");
    expect(run).toMatchObject({
      source: "RUN apt-get update &&     apt-get install -y curl  && echo done",
      line: 2,
      command: { args: ["apt-get update &&     apt-get install -y curl  && echo done"], prependShell: true },
    });
  });

  test("line numbers count comments, blank lines and continuations", () => {
    const cmds = commands("# c\nFROM a\n\nRUN a \\\n b\n# c\nRUN c\n");
    expect(cmds.map((c) => c.line)).toEqual([4, 7]);
  });

  test("an escaped escape token at the end does not continue the line", () => {
    expect(commands("FROM a\nRUN echo \\\\\nRUN b").map((c) => c.source)).toEqual(["RUN echo \\\\", "RUN b"]);
  });

  test("leading whitespace and CRLF endings are dropped; a BOM is ignored", () => {
    const df = parseDockerfile("\ufeffFROM a\r\n   RUN echo hi  \r\n");
    expect(df.stages[0]?.source).toBe("FROM a");
    expect(df.stages[0]?.commands[0]?.source).toBe("RUN echo hi");
  });

  test("an empty continuation line is skipped with the builder's warnings", () => {
    const df = parseDockerfile("FROM a\nRUN echo a \\\n\n    && echo b\n");
    expect(df.stages[0]?.commands[0]?.source).toBe("RUN echo a     && echo b");
    expect(df.warnings).toEqual([
      "[WARNING]: Empty continuation line found in: RUN echo a     && echo b",
      "[WARNING]: Empty continuation lines will become errors in a future release.",
    ]);
  });

  test("a continuation at the end of the file ends the instruction", () => {
    expect(only("RUN echo \\")).toMatchObject({ source: "RUN echo" });
  });
});

describe("parser directives", () => {
  test("# escape=` makes the backtick the escape and continuation token", () => {
    const df = parseDockerfile("# escape=`\nFROM windows\nRUN dir C:\\ `\n  /s\n");
    expect(df.escape).toBe("`");
    expect(df.stages[0]?.commands[0]?.source).toBe("RUN dir C:\\   /s");
  });

  test("# syntax is accepted and ignored; a directive after another line is a comment", () => {
    expect(parseDockerfile("# syntax=docker/dockerfile:1\n#escape=`\nFROM a").escape).toBe("`");
    expect(parseDockerfile("# hello\n# escape=`\nFROM a").escape).toBe("\\");
    expect(parseDockerfile("FROM a\n# escape=`\n").escape).toBe("\\");
  });

  test("bad directives", () => {
    expect(errorOf("# escape=x\nFROM a").message).toBe("failed to parse Dockerfile: invalid escape token 'x' does not match ` or \\");
    expect(errorOf("# escape=`\n# escape=\\\nFROM a").message).toBe(
      "failed to parse Dockerfile: only one escape parser directive can be used",
    );
  });
});

describe("ENV, LABEL, ARG", () => {
  test("key=value pairs keep quotes and escapes for expansion", () => {
    expect(only('ENV A=1 B="two words" C=a\\ b D=')).toMatchObject({
      kind: "env",
      pairs: [
        { key: "A", value: "1", noDelim: false },
        { key: "B", value: '"two words"', noDelim: false },
        { key: "C", value: "a\\ b", noDelim: false },
        { key: "D", value: "", noDelim: false },
      ],
    });
  });

  test("the legacy form takes the rest of the line as the value", () => {
    expect(only("ENV PATH /usr/bin:$PATH  more")).toMatchObject({
      pairs: [{ key: "PATH", value: "/usr/bin:$PATH  more", noDelim: true }],
    });
  });

  test("LABEL", () => {
    expect(only('LABEL "com.example.vendor"="ACME" version=1.0')).toMatchObject({
      kind: "label",
      pairs: [
        { key: '"com.example.vendor"', value: '"ACME"' },
        { key: "version", value: "1.0" },
      ],
    });
  });

  test("ARG with and without defaults", () => {
    expect(only("ARG A B=2 C=")).toMatchObject({
      kind: "arg",
      args: [
        { key: "A", value: undefined },
        { key: "B", value: "2" },
        { key: "C", value: "" },
      ],
    });
  });
});

describe("commands", () => {
  test("exec and shell forms", () => {
    expect(only('CMD ["nginx", "-g", "daemon off;"]')).toMatchObject({
      kind: "cmd",
      command: { args: ["nginx", "-g", "daemon off;"], prependShell: false },
    });
    expect(only("ENTRYPOINT exec top -b")).toMatchObject({ command: { args: ["exec top -b"], prependShell: true } });
    expect(only("RUN [\"echo\", 'x']")).toMatchObject({ command: { args: ["[\"echo\", 'x']"], prependShell: true } });
    expect(only("CMD []")).toMatchObject({ command: { args: [], prependShell: false } });
    expect(only("CMD")).toMatchObject({ command: { args: [], prependShell: true } });
  });

  test("RUN flags are recorded by name, in the order given", () => {
    expect(only("RUN --network=none --mount=type=cache,target=/root/.cache pip install x")).toMatchObject({
      kind: "run",
      flagsUsed: ["network", "mount"],
      command: { args: ["pip install x"] },
    });
  });

  test("SHELL takes JSON", () => {
    expect(only('SHELL ["/bin/bash", "-o", "pipefail", "-c"]')).toMatchObject({ shell: ["/bin/bash", "-o", "pipefail", "-c"] });
  });

  test("single-argument instructions take the rest of the line", () => {
    expect(only("WORKDIR /app dir")).toMatchObject({ kind: "workdir", path: "/app dir" });
    expect(only("USER app:app")).toMatchObject({ kind: "user", user: "app:app" });
    expect(only("STOPSIGNAL SIGQUIT")).toMatchObject({ kind: "stopsignal", signal: "SIGQUIT" });
    expect(only("MAINTAINER Jane <jane@example.com>")).toMatchObject({ maintainer: "Jane <jane@example.com>" });
  });

  test("EXPOSE sorts its ports as written; VOLUME takes JSON or words", () => {
    expect(only("EXPOSE 8080 443/tcp 80")).toMatchObject({ ports: ["443/tcp", "80", "8080"] });
    expect(only('VOLUME ["/data", "/logs"]')).toMatchObject({ volumes: ["/data", "/logs"] });
    expect(only("VOLUME /a /b")).toMatchObject({ volumes: ["/a", "/b"] });
  });

  test("COPY and ADD", () => {
    expect(only('COPY ["a b", "/dst/"]')).toMatchObject({ sources: ["a b"], dest: "/dst/", from: "", flagsUsed: [] });
    expect(only("COPY --chown=1000:1000 --chmod=755 --link a b /c/")).toMatchObject({
      sources: ["a", "b"],
      dest: "/c/",
      chown: "1000:1000",
      chmod: "755",
      flagsUsed: ["chown", "chmod", "link"],
    });
    expect(only("ADD --checksum=sha256:abc --keep-git-dir=true https://x/y.tar /y")).toMatchObject({
      kind: "add",
      sources: ["https://x/y.tar"],
      flagsUsed: ["checksum", "keep-git-dir"],
    });
    expect(only('COPY --chown="a b" x y')).toMatchObject({ chown: "a b" });
    expect(only("COPY -- --weird /dst")).toMatchObject({ sources: ["--weird"], flagsUsed: [] });
  });

  test("HEALTHCHECK", () => {
    expect(only("HEALTHCHECK --interval=30s --timeout=1m30s --start-period=1.5s --start-interval=500ms --retries=5 CMD curl -f http://localhost/ || exit 1")).toMatchObject({
      health: {
        test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
        interval: 30e9,
        timeout: 90e9,
        startPeriod: 1.5e9,
        startInterval: 500e6,
        retries: 5,
      },
    });
    expect(only('healthcheck cmd ["pg_isready"]')).toMatchObject({ health: { test: ["CMD", "pg_isready"], interval: 0, retries: 0 } });
    expect(only("HEALTHCHECK NONE")).toMatchObject({ health: { test: ["NONE"] } });
    expect(only("HEALTHCHECK --bogus NONE")).toMatchObject({ health: { test: ["NONE"] } });
  });

  test("ONBUILD keeps the trigger's text", () => {
    expect(only("ONBUILD   ADD . /app/src")).toMatchObject({ kind: "onbuild", expression: "ADD . /app/src" });
    expect(only("onbuild run echo hi")).toMatchObject({ expression: "run echo hi" });
  });
});

describe("heredocs", () => {
  test("RUN consumes the body; the legacy builder keeps only the first line", () => {
    const cmds = commands("FROM a\nRUN <<EOF\necho one\necho two\nEOF\nRUN after\n");
    expect(cmds.map((c) => [c.source, c.line])).toEqual([
      ["RUN <<EOF", 2],
      ["RUN after", 6],
    ]);
    expect(cmds[0]).toMatchObject({ command: { args: ["<<EOF"], prependShell: true } });
  });

  test("<<- allows a tab-indented terminator; quoted names work", () => {
    expect(commands("FROM a\nRUN <<-'END'\n\techo\n\tEND\nUSER x").map((c) => c.source)).toEqual(["RUN <<-'END'", "USER x"]);
  });

  test("several heredocs on one line are read in order", () => {
    expect(commands("FROM a\nRUN <<A cat - <<B\na\nA\nb\nB\nUSER x").map((c) => c.line)).toEqual([2, 7]);
  });

  test("COPY heredoc sources are not paths", () => {
    expect(only("COPY <<EOF /etc/motd\nhello\nEOF")).toMatchObject({ sources: [], dest: "/etc/motd" });
  });

  test("exec form and other instructions have no heredocs", () => {
    expect(commands('FROM a\nRUN ["cat", "<<EOF"]\nUSER x').map((c) => c.source)).toEqual(['RUN ["cat", "<<EOF"]', "USER x"]);
    expect(commands("FROM a\nCMD cat <<EOF\nUSER x").map((c) => c.source)).toEqual(["CMD cat <<EOF", "USER x"]);
  });

  test("ONBUILD RUN <<EOF keeps the body in the trigger", () => {
    expect(only("ONBUILD RUN <<EOF\necho hi\nEOF")).toMatchObject({ expression: "RUN <<EOF\necho hi\nEOF" });
  });
});

describe("errors", () => {
  const cases: [string, string][] = [
    ["", "the Dockerfile (Dockerfile) cannot be empty"],
    ["# only a comment\n\n", "failed to parse Dockerfile: file with no instructions"],
    ["FROM a\nRUN ok\nFOOBAR x", "dockerfile parse error on line 3: unknown instruction: FOOBAR"],
    ["FROM a\nRUNN x", "dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)"],
    ["FROM a\ncopyy a b", "dockerfile parse error on line 2: unknown instruction: copyy (did you mean copy?)"],
    ["RUN x\nFROM a", "no build stage in current context"],
    ["FROM a b", "dockerfile parse error on line 1: FROM requires either one or three arguments"],
    ["FROM", "dockerfile parse error on line 1: FROM requires either one or three arguments"],
    ["FROM a AS 1x", 'dockerfile parse error on line 1: invalid name for build stage: "1x", name can\'t start with a number or contain symbols'],
    ["FROM --platfrom=x a", "dockerfile parse error on line 1: unknown flag: --platfrom (did you mean platform?)"],
    ["FROM a\nENV", "dockerfile parse error on line 2: ENV requires at least one argument"],
    ["FROM a\nENV =x", "dockerfile parse error on line 2: ENV names can not be blank"],
    ["FROM a\nENV foo", "failed to parse Dockerfile: ENV must have two arguments"],
    ["FROM a\nLABEL foo", "failed to parse Dockerfile: LABEL must have two arguments"],
    ["FROM a\nENV a=b c", 'failed to parse Dockerfile: Syntax error - can\'t find = in "c". Must be of the form: name=value'],
    ["FROM a\nARG", "dockerfile parse error on line 2: ARG requires at least one argument"],
    ["FROM a\nARG =x", "dockerfile parse error on line 2: ARG names can not be blank"],
    ["FROM a\nCMD [1, 2]", "failed to parse Dockerfile: when using JSON array syntax, arrays must be comprised of strings only"],
    ["FROM a\nHEALTHCHECK", "dockerfile parse error on line 2: HEALTHCHECK requires at least one argument"],
    ["FROM a\nHEALTHCHECK CMD", "dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD"],
    ["FROM a\nHEALTHCHECK NONE x", "dockerfile parse error on line 2: HEALTHCHECK NONE takes no arguments"],
    ["FROM a\nHEALTHCHECK xxx y", 'dockerfile parse error on line 2: Unknown type "XXX" in HEALTHCHECK (try CMD)'],
    ["FROM a\nHEALTHCHECK --interval=10 CMD x", 'dockerfile parse error on line 2: time: missing unit in duration "10"'],
    ["FROM a\nHEALTHCHECK --interval=1x CMD x", 'dockerfile parse error on line 2: time: unknown unit "x" in duration "1x"'],
    ["FROM a\nHEALTHCHECK --timeout=abc CMD x", 'dockerfile parse error on line 2: time: invalid duration "abc"'],
    ["FROM a\nHEALTHCHECK --interval=10us CMD x", 'dockerfile parse error on line 2: Interval "interval" cannot be less than 1ms'],
    ["FROM a\nHEALTHCHECK --retries=-1 CMD x", "dockerfile parse error on line 2: --retries cannot be negative (-1)"],
    ["FROM a\nHEALTHCHECK --retries=x CMD x", 'dockerfile parse error on line 2: strconv.ParseInt: parsing "x": invalid syntax'],
    ["FROM a\nHEALTHCHECK --intervall=1s CMD x", "dockerfile parse error on line 2: unknown flag: --intervall (did you mean interval?)"],
    ["FROM a\nSHELL /bin/bash -c", "dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form"],
    ["FROM a\nSHELL []", "dockerfile parse error on line 2: SHELL requires at least one argument"],
    ["FROM a\nCOPY a", "dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined"],
    ["FROM a\nADD", "dockerfile parse error on line 2: ADD requires at least two arguments, but only one was provided. Destination could not be determined"],
    ["FROM a\nCOPY --foo a b", "dockerfile parse error on line 2: unknown flag: --foo (did you mean from?)"],
    ["FROM a\nCOPY --bar a b", "dockerfile parse error on line 2: unknown flag: --bar"],
    ["FROM a\nCOPY --form=x a b", "dockerfile parse error on line 2: unknown flag: --form (did you mean from?)"],
    ["FROM a\nCOPY --parents a b", "dockerfile parse error on line 2: unknown flag: --parents"],
    ["FROM a\nCOPY --exclude=*.md a b", "dockerfile parse error on line 2: unknown flag: --exclude"],
    ["FROM a\nCOPY --from=a --from=b a b", "dockerfile parse error on line 2: duplicate flag specified: --from"],
    ["FROM a\nCOPY --from a b", "dockerfile parse error on line 2: missing a value on flag: --from"],
    ["FROM a\nCOPY --link=maybe a b", "dockerfile parse error on line 2: expecting boolean value for flag --link, not: maybe"],
    ["FROM a\nCOPY --link= a b", "dockerfile parse error on line 2: missing a value on flag: --link"],
    ["FROM a\nCOPY a <<EOF\nx\nEOF", "dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination"],
    ["FROM a\nRUN --security=insecure x", "dockerfile parse error on line 2: unknown flag: --security"],
    ["FROM a\nRUN --network=bridge x", 'dockerfile parse error on line 2: invalid network mode "bridge"'],
    ["FROM a\nRUN --mount=from=$X,target=/x x", "dockerfile parse error on line 2: 'from' doesn't support variable expansion, define alias stage instead"],
    ["FROM a\nRUN <<EOF\necho", "failed to parse Dockerfile: unterminated heredoc"],
    ["FROM a\nENV --x=1 a=b", "dockerfile parse error on line 2: unknown flag: --x"],
    ["FROM a\nMAINTAINER", "dockerfile parse error on line 2: MAINTAINER requires exactly one argument"],
    ["FROM a\nWORKDIR", "dockerfile parse error on line 2: WORKDIR requires exactly one argument"],
    ["FROM a\nUSER", "dockerfile parse error on line 2: USER requires exactly one argument"],
    ["FROM a\nSTOPSIGNAL", "dockerfile parse error on line 2: STOPSIGNAL requires exactly one argument"],
    ["FROM a\nEXPOSE", "dockerfile parse error on line 2: EXPOSE requires at least one argument"],
    ["FROM a\nVOLUME []", "dockerfile parse error on line 2: VOLUME requires at least one argument"],
    ["FROM a\nVOLUME [\" \"]", "dockerfile parse error on line 2: VOLUME specified can not be an empty string"],
    ["FROM a\nONBUILD", "dockerfile parse error on line 2: ONBUILD requires at least one argument"],
    ["FROM a\nONBUILD ONBUILD RUN x", "dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"],
    ["FROM a\nONBUILD FROM b", "dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger"],
    ["FROM a\nONBUILD maintainer me", "dockerfile parse error on line 2: MAINTAINER isn't allowed as an ONBUILD trigger"],
    ["FROM a\nONBUILD ENV x", "failed to parse Dockerfile: ENV must have two arguments"],
  ];
  test.each(cases)("%j", (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });

  test("the error names the Dockerfile and keeps the line and the bare reason", () => {
    const err = errorOf("FROM a\n\nFOO");
    expect(err).toMatchObject({ kind: "instruction", line: 3, detail: "unknown instruction: FOO (did you mean FROM?)" });
    expect(() => parseDockerfile("FROM a\nCMD [1]", { dockerfileName: "build/Dockerfile.dev" })).toThrow(
      "failed to parse build/Dockerfile.dev: when using JSON array syntax, arrays must be comprised of strings only",
    );
    expect(() => parseDockerfile("", { dockerfileName: "Containerfile" })).toThrow("the Dockerfile (Containerfile) cannot be empty");
  });

  test("line errors come before instruction errors, whatever their order in the file", () => {
    expect(errorOf("FOO\nFROM a\nCMD [1]").message).toMatch(/^failed to parse Dockerfile: /);
  });
});

describe("the line scanner's limit", () => {
  test("a line past 64 KiB stops the parse", () => {
    const long = `RUN echo ${"x".repeat(70000)}\n`;
    expect(errorOf(`FROM a\n${long}`).message).toBe("failed to parse Dockerfile: dockerfile line greater than max allowed size of 65535");
    expect(errorOf(long).message).toBe("failed to parse Dockerfile: file with no instructions");
  });
});
