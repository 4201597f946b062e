// RESP2, the Redis protocol, both ways: clients send commands as arrays of bulk strings (or as
// inline text, as telnet and `nc` do), servers answer with one typed reply per command. Real
// Redis clients reach the playground's server through the daemon's TCP listeners, so the bytes
// follow the protocol exactly.

export type Reply =
  | { type: "status"; value: string }
  | { type: "error"; value: string }
  | { type: "integer"; value: number }
  | { type: "bulk"; value: string | null }
  | { type: "array"; value: Reply[] | null };

export const ok: Reply = { type: "status", value: "OK" };
export const nil: Reply = { type: "bulk", value: null };
export const bulk = (value: string | null): Reply => ({ type: "bulk", value });
export const integer = (value: number): Reply => ({ type: "integer", value });
export const error = (value: string): Reply => ({ type: "error", value });
export const array = (items: (string | null)[]): Reply => ({ type: "array", value: items.map(bulk) });

const encoder = new TextEncoder();
const byteLength = (s: string) => encoder.encode(s).length;

export function encodeReply(reply: Reply): string {
  switch (reply.type) {
    case "status":
      return `+${reply.value}\r\n`;
    case "error":
      return `-${reply.value}\r\n`;
    case "integer":
      return `:${reply.value}\r\n`;
    case "bulk":
      return reply.value === null ? "$-1\r\n" : `$${byteLength(reply.value)}\r\n${reply.value}\r\n`;
    case "array":
      return reply.value === null ? "*-1\r\n" : `*${reply.value.length}\r\n${reply.value.map(encodeReply).join("")}`;
  }
}

export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${byteLength(a)}\r\n${a}\r\n`).join("")}`;
}

/** Splits a line into words as redis-cli and inline commands do: quotes group, \" and \n escape. */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i] ?? "")) i++;
    if (i >= line.length) break;
    let word = "";
    const quote = line[i] === '"' || line[i] === "'" ? line[i] : undefined;
    if (quote) i++;
    for (;;) {
      const c = line[i];
      if (c === undefined) {
        if (quote) return undefined;
        break;
      }
      if (quote && c === quote) {
        i++;
        break;
      }
      if (!quote && /\s/.test(c)) break;
      if (quote === '"' && c === "\\" && i + 1 < line.length) {
        const next = line[i + 1] ?? "";
        word += { n: "\n", r: "\r", t: "\t", a: "\x07", b: "\b" }[next] ?? next;
        i += 2;
        continue;
      }
      word += c;
      i++;
    }
    out.push(word);
  }
  return out;
}

/**
 * Commands complete in `buffer`, and what is left of it: multibulk arrays, or inline lines.
 * Byte lengths are taken as character lengths, which holds for the ASCII learners type.
 */
export function parseCommands(buffer: string): { commands: string[][]; rest: string } {
  const commands: string[][] = [];
  let at = 0;
  while (at < buffer.length) {
    if (buffer[at] !== "*") {
      const end = buffer.indexOf("\n", at);
      if (end < 0) break;
      const words = splitArgs(buffer.slice(at, end).replace(/\r$/, "")) ?? [];
      if (words.length > 0) commands.push(words);
      at = end + 1;
      continue;
    }
    const head = buffer.indexOf("\r\n", at);
    if (head < 0) break;
    const count = Number(buffer.slice(at + 1, head));
    let cursor = head + 2;
    const args: string[] = [];
    let complete = true;
    for (let n = 0; n < count; n++) {
      const lenEnd = buffer.indexOf("\r\n", cursor);
      if (lenEnd < 0 || buffer[cursor] !== "$") {
        complete = false;
        break;
      }
      const length = Number(buffer.slice(cursor + 1, lenEnd));
      const start = lenEnd + 2;
      if (buffer.length < start + length + 2) {
        complete = false;
        break;
      }
      args.push(buffer.slice(start, start + length));
      cursor = start + length + 2;
    }
    if (!complete) break;
    commands.push(args);
    at = cursor;
  }
  return { commands, rest: buffer.slice(at) };
}

/** Replies complete in `text` (a client reading what a server sent). */
export function parseReplies(text: string): Reply[] {
  const replies: Reply[] = [];
  let at = 0;
  const line = (): string => {
    const end = text.indexOf("\r\n", at);
    const value = text.slice(at, end < 0 ? text.length : end);
    at = end < 0 ? text.length : end + 2;
    return value;
  };
  const one = (): Reply => {
    const kind = text[at];
    at++;
    const head = line();
    switch (kind) {
      case "+":
        return { type: "status", value: head };
      case "-":
        return { type: "error", value: head };
      case ":":
        return { type: "integer", value: Number(head) };
      case "$": {
        const length = Number(head);
        if (length < 0) return nil;
        const value = text.slice(at, at + length);
        at += length + 2;
        return { type: "bulk", value };
      }
      default: {
        const count = Number(head);
        if (count < 0) return { type: "array", value: null };
        const items: Reply[] = [];
        for (let n = 0; n < count; n++) items.push(one());
        return { type: "array", value: items };
      }
    }
  };
  while (at < text.length) replies.push(one());
  return replies;
}
