// redis-cli: one command from its arguments, commands read from piped input, or its interactive
// prompt (`127.0.0.1:6379> `) on a terminal. Replies are formatted as redis-cli does: quoted and
// typed on a terminal ("value", (integer) 1, (nil), 1) "a"), raw when the output is not one.
import type { Connection, StreamSession } from "../../net/net-stack.js";
import type { ProcessContext } from "../program.js";
import type { CommandIo, Out } from "./command-io.js";
import { envValue, usesMusl } from "./container-facts.js";
import { encodeCommand, parseReplies, splitArgs, type Reply } from "./resp.js";


/** sdscatrepr: a quoted string with C escapes for anything not printable. */
function repr(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c === '"' || c === "\\") out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (c === "\x07") out += "\\a";
    else if (c === "\b") out += "\\b";
    else if (code < 32 || code === 127) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return `${out}"`;
}

export function formatTty(reply: Reply, indent = ""): string {
  switch (reply.type) {
    case "error":
      return `(error) ${reply.value}\n`;
    case "status":
      return `${reply.value}\n`;
    case "integer":
      return `(integer) ${reply.value}\n`;
    case "bulk":
      return reply.value === null ? "(nil)\n" : `${repr(reply.value)}\n`;
    case "array": {
      if (reply.value === null) return "(nil)\n";
      if (reply.value.length === 0) return "(empty array)\n";
      const width = String(reply.value.length).length;
      return reply.value
        .map((item, i) => {
          const number = `${String(i + 1).padStart(width)}) `;
          return `${i === 0 ? "" : indent}${number}${formatTty(item, indent + " ".repeat(number.length))}`;
        })
        .join("");
    }
  }
}

export function formatRaw(reply: Reply): string {
  switch (reply.type) {
    case "error":
    case "status":
      return reply.value;
    case "integer":
      return String(reply.value);
    case "bulk":
      return reply.value ?? "";
    case "array":
      return (reply.value ?? []).map(formatRaw).join("\n");
  }
}

interface CliOptions {
  host: string;
  port: number;
  password: string | undefined;
  raw: boolean | undefined;
  words: string[];
  version: boolean;
}

function parse(args: string[]): CliOptions {
  const o: CliOptions = { host: "127.0.0.1", port: 6379, password: undefined, raw: undefined, words: [], version: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (o.words.length > 0) o.words.push(a);
    else if (a === "-h") o.host = args[++i] ?? o.host;
    else if (a === "-p") o.port = Number(args[++i]);
    else if (a === "-a" || a === "--pass") o.password = args[++i];
    else if (a === "-n" || a === "-r" || a === "-i") i++;
    else if (a === "--raw") o.raw = true;
    else if (a === "--no-raw") o.raw = false;
    else if (a === "-v" || a === "--version") o.version = true;
    else if (a === "-u") {
      const match = /^rediss?:\/\/(?:[^:@]*:([^@]*)@)?([^:/]+)(?::(\d+))?/.exec(args[++i] ?? "");
      if (match) {
        o.password = match[1] ?? o.password;
        o.host = match[2] ?? o.host;
        o.port = Number(match[3] ?? 6379);
      }
    } else if (a.startsWith("-") && a !== "-") continue;
    else o.words.push(a);
  }
  return o;
}

type Opened = { ok: true; session: StreamSession } | { ok: false; message: string };

async function connect(ctx: ProcessContext, host: string, port: number): Promise<Opened> {
  const prefix = `Could not connect to Redis at ${host}:${port}`;
  const net = ctx.net;
  const found = net?.stack.resolve(net.peer, host);
  if (!net || !found?.ok) return { ok: false, message: `${prefix}: ${usesMusl(ctx) ? "Name does not resolve" : "Name or service not known"}` };
  const connection: Connection = net.stack.connect(net.peer, found.address, port);
  if (!connection.ok) {
    if (connection.error === "unreachable") {
      await ctx.sleep(130_000);
      return { ok: false, message: `${prefix}: Connection timed out` };
    }
    return { ok: false, message: `${prefix}: Connection refused` };
  }
  if (connection.listener.kind !== "stream") return { ok: false, message: "Error: Server closed the connection" };
  return { ok: true, session: connection.listener.open(connection.remoteAddress) };
}

async function call(session: StreamSession, words: string[]): Promise<Reply | undefined> {
  return parseReplies(await session.send(encodeCommand(words)))[0];
}

export async function redisCli(ctx: ProcessContext, args: string[], io: CommandIo): Promise<Out> {
  const o = parse(args);
  const version = envValue(ctx, "REDIS_VERSION") ?? "8.2.3";
  if (o.version) return { stdout: `redis-cli ${version}\n`, stderr: "", exitCode: 0 };
  let stderr = "";
  if (o.password !== undefined) stderr += "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n";
  const piped = o.words.length === 0 ? await io.readAll() : "";
  const interactive = o.words.length === 0 && piped === "" && ctx.tty;
  const raw = o.raw ?? !ctx.tty;
  const format = (reply: Reply, words: string[]) => {
    // INFO's text is shown as it is, whatever the mode.
    if (words[0]?.toLowerCase() === "info" && reply.type === "bulk") return `${reply.value ?? ""}\n`;
    return raw ? `${formatRaw(reply)}\n` : formatTty(reply);
  };
  let opened = await connect(ctx, o.host, o.port);
  const authenticate = async (): Promise<void> => {
    if (opened.ok && o.password !== undefined) {
      const reply = await call(opened.session, ["AUTH", o.password]);
      if (reply?.type === "error") stderr += `AUTH failed: ${reply.value}\n`;
    }
  };
  await authenticate();
  if (!interactive) {
    if (!opened.ok) return { stdout: "", stderr: `${stderr}${opened.message}\n`, exitCode: 1 };
    const commands = o.words.length > 0 ? [o.words] : piped.split("\n").map((l) => splitArgs(l) ?? []).filter((w) => w.length > 0);
    let stdout = "";
    let failed = false;
    for (const words of commands) {
      const reply = await call(opened.session, words);
      if (!reply) break;
      if (reply.type === "error") failed = true;
      stdout += format(reply, words);
    }
    opened.session.close();
    return { stdout, stderr, exitCode: failed ? 1 : 0 };
  }
  if (stderr) io.write(stderr);
  if (!opened.ok) io.write(`${opened.message}\n`);
  for (;;) {
    io.write(opened.ok ? `${o.host}:${o.port}> ` : "not connected> ");
    const line = await io.readLine();
    if (line === null) break;
    const words = splitArgs(line.replace(/\n$/, ""));
    if (words === undefined) {
      io.write("Invalid argument(s)\n");
      continue;
    }
    if (words.length === 0) continue;
    const name = words[0]?.toLowerCase();
    if (name === "quit" || name === "exit") break;
    if (!opened.ok) {
      opened = await connect(ctx, o.host, o.port);
      await authenticate();
      if (!opened.ok) {
        io.write(`${opened.message}\n`);
        continue;
      }
    }
    const reply = await call(opened.session, words);
    if (!reply) {
      // The server went away (SHUTDOWN): the next prompt says so.
      opened = { ok: false, message: "" };
      continue;
    }
    io.write(format(reply, words));
  }
  if (opened.ok) opened.session.close();
  return { stdout: "", stderr: "", exitCode: 0 };
}
