import { describe, expect, it } from "vitest";
import { LineEditor, type LineEditorOptions } from "./line-editor.js";

function editor(prompt = "$ ", options: Partial<LineEditorOptions> = {}): LineEditor {
  const e = new LineEditor({ cols: 20, ...options });
  e.begin(prompt);
  return e;
}

/** Feeds each chunk and returns the output of each, as the terminal would receive it. */
function keys(e: LineEditor, ...chunks: string[]): string[] {
  return chunks.map((chunk) => e.feed(chunk).output);
}

describe("LineEditor: echo and cursor movement on one row", () => {
  it("echoes typed text as is and submits on Enter", () => {
    const e = editor();
    expect(e.feed("ls -l").output).toBe("ls -l");
    const result = e.feed("\r");
    expect(result.output).toBe("\r\n");
    expect(result.event).toEqual({ type: "line", line: "ls -l", historyChanged: true });
    expect(e.line).toBe("");
  });

  it("moves to the end of the line before the newline when Enter is pressed mid-line", () => {
    const e = editor();
    keys(e, "abcd", "\x1b[D", "\x1b[D");
    expect(e.feed("\r").output).toBe("\x1b[2C\r\n");
  });

  it("erases with Backspace at the end", () => {
    const e = editor();
    expect(keys(e, "abc", "\x7f", "\x08")).toEqual(["abc", "\b\x1b[K", "\b\x1b[K"]);
    expect(e.line).toBe("a");
  });

  it("inserts in the middle and redraws the tail", () => {
    const e = editor();
    expect(keys(e, "ac", "\x1b[D", "b")).toEqual(["ac", "\b", "bc\b"]);
    expect(e.line).toBe("abc");
    expect(e.cursor).toBe(2);
  });

  it("deletes under the cursor with Delete and Ctrl-D", () => {
    const e = editor();
    expect(keys(e, "abc", "\x1b[H", "\x1b[3~", "\x04")).toEqual(["abc", "\x1b[3D", "bc\x1b[K\x1b[2D", "c\x1b[K\b"]);
    expect(e.line).toBe("c");
  });

  it("knows every Home and End encoding xterm.js sends", () => {
    const e = editor();
    e.feed("abc");
    for (const home of ["\x1b[H", "\x1bOH", "\x1b[1~", "\x01"]) {
      expect(e.feed(home).output).toBe("\x1b[3D");
      expect(e.feed(home === "\x01" ? "\x05" : home.replace("H", "F").replace("1~", "4~")).output).toBe("\x1b[3C");
    }
    expect(keys(e, "\x1b[H", "\x1b[4~")).toEqual(["\x1b[3D", "\x1b[3C"]);
  });

  it("moves by words with Alt-B/F and Ctrl-Left/Right", () => {
    const e = editor();
    e.feed("docker ps");
    expect(keys(e, "\x1bb", "\x1b[1;5D", "\x1bf", "\x1b[1;5C")).toEqual(["\x1b[2D", "\x1b[7D", "\x1b[6C", "\x1b[3C"]);
  });

  it("kills with Ctrl-U, Ctrl-K and Ctrl-W and yanks back with Ctrl-Y", () => {
    const e = editor("$ ", { cols: 40 });
    expect(keys(e, "echo hi", "\x15")).toEqual(["echo hi", "\x1b[7D\x1b[K"]);
    expect(keys(e, "\x19")).toEqual(["echo hi"]);
    expect(keys(e, "\x1b[D\x1b[D", "\x0b")).toEqual(["\b\b", "\x1b[K"]);
    expect(e.line).toBe("echo ");
    e.feed("\x05 docker ps -a");
    expect(e.feed("\x17").output).toBe("\x1b[2D\x1b[K");
    expect(e.line).toBe("echo  docker ps ");
  });

  it("prints ^C and a fresh prompt on Ctrl-C, keeping nothing of the line", () => {
    const e = editor();
    keys(e, "abc", "\x1b[D");
    expect(e.feed("\x03").output).toBe("\x1b[C^C\r\n$ ");
    expect(e.line).toBe("");
  });

  it("redraws prompt and line on a cleared screen for Ctrl-L", () => {
    const e = editor();
    keys(e, "abc", "\x1b[D");
    expect(e.feed("\x0c").output).toBe("\x1b[H\x1b[2J$ abc\b");
  });

  it("reports Ctrl-D on an empty line as end of input", () => {
    const e = editor();
    expect(e.feed("\x04")).toEqual({ output: "", event: { type: "eof" }, rest: "" });
  });

  it("ignores keys it does not edit with, and waits for a sequence cut between two reads", () => {
    const e = editor();
    e.feed("ab");
    expect(keys(e, "\x1b[15~", "\x1b[200~", "\x07", "\x1b[", "D")).toEqual(["", "", "", "", "\b"]);
  });
});

describe("LineEditor: lines wider than the terminal", () => {
  it("completes the wrap with a space and CR when text ends exactly at the margin", () => {
    const e = editor("$ ", { cols: 10 });
    expect(keys(e, "abcdefgh", "i")).toEqual(["abcdefgh \r", "i"]);
    expect(keys(e, "\x7f", "\x7f")).toEqual(["\r\x1b[K", "\x1b[A\x1b[9C\x1b[J"]);
  });

  it("moves across rows for Home, End and arrows", () => {
    const e = editor("$ ", { cols: 10 });
    e.feed("abcdefghij");
    expect(keys(e, "\x01", "\x05", "\x1b[D\x1b[D\x1b[D")).toEqual(["\x1b[A", "\x1b[B", "\b\r\x1b[A\x1b[9C"]);
  });

  it("rewrites the tail across the wrap when inserting before it", () => {
    const e = editor("$ ", { cols: 10 });
    e.feed("abcdefgh");
    expect(keys(e, "\x1b[D\x1b[D", "X")).toEqual(["\x1b[A\x1b[9C\b", "Xgh\x1b[A\x1b[8C"]);
    expect(e.line).toBe("abcdefXgh");
  });

  it("measures a coloured prompt by its visible characters", () => {
    const e = editor("\x1b[01;32mme\x1b[00m:\x1b[01;34m~\x1b[00m$ ", { cols: 10 });
    expect(e.feed("abcd").output).toBe("abcd \r");
  });

  it("counts wide characters as two columns and wraps them early like xterm", () => {
    const e = editor("$ ", { cols: 6 });
    expect(keys(e, "abc日", "\x1b[D")).toEqual(["abc日", "\x1b[A\x1b[3C"]);
    const f = editor("$ ", { cols: 6 });
    expect(keys(f, "日本", "\x7f")).toEqual(["日本 \r", "\x1b[A\x1b[4C\x1b[J"]);
  });

  it("clears rows below when a shorter history entry replaces a wrapped line", () => {
    const e = editor("$ ", { cols: 10, history: ["ls"] });
    e.feed("abcdefghijkl");
    expect(e.feed("\x1b[A").output).toBe("\x1b[A\x1b[2Dls\x1b[J");
  });
});

describe("LineEditor: history", () => {
  it("walks history with Up and Down and keeps the draft", () => {
    const e = editor();
    for (const line of ["one", "two", "two", "", "   "]) e.feed(`${line}\r`);
    expect(e.history).toEqual(["one", "two"]);
    e.feed("dr");
    expect(keys(e, "\x1b[A", "\x1b[A", "\x1b[A")).toEqual(["\x1b[2Dtwo", "\x1b[3Done", ""]);
    expect(keys(e, "\x1b[B", "\x1b[B", "\x1b[B")).toEqual(["\x1b[3Dtwo", "\x1b[3Ddr\x1b[K", ""]);
    expect(e.line).toBe("dr");
  });

  it("accepts application-mode arrows and Ctrl-P/N", () => {
    const e = editor("$ ", { history: ["pwd"] });
    expect(keys(e, "\x1bOA", "\x1bOB", "\x10")).toEqual(["pwd", "\x1b[3D\x1b[K", "pwd"]);
  });

  it("reports whether a submitted line was remembered", () => {
    const e = editor("$ ", { history: ["ls"] });
    expect(e.feed("ls\r").event).toEqual({ type: "line", line: "ls", historyChanged: false });
  });

  it("keeps at most the configured number of entries, dropping the oldest", () => {
    const e = editor("$ ", { historyLimit: 1000 });
    for (let i = 0; i < 1005; i++) e.feed(`cmd ${i}\r`);
    expect(e.history).toHaveLength(1000);
    expect(e.history[0]).toBe("cmd 5");
  });
});

describe("LineEditor: pasted text", () => {
  it("submits one line per CR or LF and hands back the rest", () => {
    const e = editor();
    const first = e.feed("echo a\recho b\necho c\r\necho d");
    expect(first.output).toBe("echo a\r\n");
    expect(first.event).toMatchObject({ line: "echo a" });
    e.begin("$ ");
    const second = e.feed(first.rest);
    expect(second.event).toMatchObject({ line: "echo b" });
    e.begin("$ ");
    const third = e.feed(second.rest);
    expect(third.event).toMatchObject({ line: "echo c" });
    expect(third.rest).toBe("echo d");
  });
});

describe("LineEditor: Tab completion", () => {
  const complete = (line: string, cursor: number) => {
    const start = line.lastIndexOf(" ", cursor - 1) + 1;
    const word = line.slice(start, cursor);
    return { start, candidates: ["docker", "dockerd-info", "site/", "stop", "start"].filter((c) => c.startsWith(word)) };
  };

  it("completes a unique word and adds a space (none after a directory)", () => {
    const e = editor("$ ", { complete });
    expect(keys(e, "do", "\t")).toEqual(["do", "cker"]);
    e.feed("\x15si");
    expect(e.feed("\t").output).toBe("te/");
  });

  it("lists the choices on a second Tab when nothing can be added", () => {
    const e = editor("$ ", { complete });
    expect(keys(e, "st", "\t", "\t")).toEqual(["st", "", "\r\nstop   start\r\n$ st"]);
  });

  it("stops at a Tab whose answer is not there yet and applies it when it comes", async () => {
    const e = editor("$ ", { complete: (line, cursor) => Promise.resolve(complete(line, cursor)) });
    e.feed("si");
    const tab = e.feed("\tx");
    expect(tab.output).toBe("");
    expect(tab.rest).toBe("x");
    expect(e.finishCompletion(await tab.completion)).toBe("te/");
    expect(e.line).toBe("site/");
  });

  it("lists the choices when a second Tab is answered later", async () => {
    const e = editor("$ ", { complete: (line, cursor) => Promise.resolve(complete(line, cursor)) });
    e.feed("st");
    const first = e.feed("\t");
    expect(e.finishCompletion(await first.completion)).toBe("");
    const second = e.feed("\t");
    expect(e.finishCompletion(await second.completion)).toBe("\r\nstop   start\r\n$ st");
  });

  it("adds no space after a completion that is only the start of a word", () => {
    const e = editor("$ ", { complete: () => ({ start: 0, candidates: ["name="], noSpace: true }) });
    expect(keys(e, "na", "\t")).toEqual(["na", "me="]);
  });
});
