// nc: busybox's (Alpine, busybox) or netcat-openbsd's (Debian, Ubuntu) messages over the
// container's network. `nc -z HOST PORT` probes a port (the exit status says whether it is
// open); `nc HOST PORT` sends its input to whoever listens there and prints the answer (an HTTP
// server gets the input as a request); `nc -l -p PORT` listens and prints what arrives.
import { httpExchange, type Connection } from "../../net/net-stack.js";
import type { ProcessContext } from "../program.js";
import type { CommandIo, Out } from "./command-io.js";
import { flavourOf, usesMusl } from "./container-facts.js";


const SERVICES: Record<number, string> = { 21: "ftp", 22: "ssh", 25: "smtp", 53: "domain", 80: "http", 443: "https", 3306: "mysql", 5432: "postgresql", 6379: "redis", 27017: "mongodb" };

interface NcOptions {
  zero: boolean;
  verbose: boolean;
  listen: boolean;
  port: number | undefined;
  operands: string[];
}

function parse(args: string[]): NcOptions {
  const o: NcOptions = { zero: false, verbose: false, listen: false, port: undefined, operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-p") o.port = Number(args[++i]);
    else if (a === "-w" || a === "-W" || a === "-s" || a === "-q") i++;
    else if (a.startsWith("-") && a.length > 1) {
      for (const f of a.slice(1)) {
        if (f === "z") o.zero = true;
        else if (f === "v") o.verbose = true;
        else if (f === "l") o.listen = true;
      }
    } else o.operands.push(a);
  }
  return o;
}

function rawResponse(status: number, reason: string, headers: [string, string][], body: string | Uint8Array): string {
  const text = typeof body === "string" ? body : new TextDecoder().decode(body);
  return `HTTP/1.1 ${status} ${reason}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n${text}`;
}

/** Sends `data` over an open connection as its listener understands it. */
async function exchange(connection: Extract<Connection, { ok: true }>, data: string): Promise<string> {
  const listener = connection.listener;
  if (listener.kind === "stream") {
    const session = listener.open(connection.remoteAddress);
    try {
      return await session.send(data);
    } finally {
      session.close();
    }
  }
  const [head = "", body = ""] = data.split(/\r?\n\r?\n/, 2);
  const [requestLine = "", ...headerLines] = head.split(/\r?\n/);
  const [method = "GET", path = "/"] = requestLine.split(" ");
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const response = await httpExchange(connection, { method, path, headers, body });
  return response.status === 0 ? "" : rawResponse(response.status, response.reason, response.headers, response.body);
}

async function listen(ctx: ProcessContext, port: number, io: CommandIo): Promise<Out> {
  const net = ctx.net;
  if (!net || net.peer.kind !== "container") return { stdout: "", stderr: "nc: bind: Address not available\n", exitCode: 1 };
  const stop = net.stack.listen(net.peer.id, port, {
    kind: "stream",
    open: () => ({
      send: (data) => {
        io.write(data);
        return Promise.resolve("");
      },
      close: () => undefined,
    }),
  });
  try {
    // Waits on the engine clock: the listener does the work, Ctrl-C ends it.
    while (!io.stopped()) if (!(await ctx.sleep(1000))) break;
  } finally {
    stop();
  }
  return { stdout: "", stderr: "", exitCode: 0 };
}

export async function nc(ctx: ProcessContext, args: string[], io: CommandIo): Promise<Out> {
  const o = parse(args);
  const openbsd = flavourOf(ctx, "nc") === "gnu";
  if (o.listen) {
    const port = o.port ?? Number(o.operands[o.operands.length - 1]);
    if (!Number.isInteger(port)) return { stdout: "", stderr: "nc: missing port number\n", exitCode: 1 };
    return listen(ctx, port, io);
  }
  const [host, portText] = o.operands;
  if (host === undefined || portText === undefined) {
    return openbsd
      ? { stdout: "", stderr: "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n", exitCode: 1 }
      : { stdout: "", stderr: "BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n", exitCode: 1 };
  }
  const port = Number(portText);
  const net = ctx.net;
  const found = net?.stack.resolve(net.peer, host);
  if (!net || !found?.ok) {
    const reason = usesMusl(ctx) ? "Name does not resolve" : "Name or service not known";
    return { stdout: "", stderr: openbsd ? `nc: getaddrinfo for host "${host}" port ${port}: ${reason}\n` : `nc: bad address '${host}'\n`, exitCode: 1 };
  }
  const address = found.address;
  const connection = net.stack.connect(net.peer, address, port);
  if (!connection.ok) {
    const reason = connection.error === "refused" ? "Connection refused" : "Operation timed out";
    if (connection.error === "unreachable") await ctx.sleep(o.zero ? 10_000 : 130_000);
    if (o.zero && !o.verbose && !openbsd) return { stdout: "", stderr: "", exitCode: 1 };
    return {
      stdout: "",
      stderr: openbsd ? `nc: connect to ${host} (${address}) port ${port} (tcp) failed: ${reason}\n` : `nc: can't connect to remote host (${address}): ${reason}\n`,
      exitCode: 1,
    };
  }
  if (o.zero) {
    const note = !o.verbose ? "" : openbsd ? `Connection to ${host} (${address}) ${port} port [tcp/${SERVICES[port] ?? "*"}] succeeded!\n` : `${host} (${address}:${port}) open\n`;
    return { stdout: "", stderr: note, exitCode: 0 };
  }
  const input = await io.readAll();
  if (input || !ctx.tty) return { stdout: input ? await exchange(connection, input) : "", stderr: "", exitCode: 0 };
  // Typed input: each line goes out as it is entered, answers come back at once. A stream
  // service keeps one session; an HTTP server gets a request per blank-line-ended block.
  const session = connection.listener.kind === "stream" ? connection.listener.open(connection.remoteAddress) : undefined;
  let request = "";
  for (let line = await io.readLine(); line !== null && !io.stopped(); line = await io.readLine()) {
    const text = line.endsWith("\n") ? line : `${line}\n`;
    if (session) {
      io.write(await session.send(text));
      continue;
    }
    request += text;
    if (text.trim() === "") {
      io.write(await exchange(connection, request));
      request = "";
    }
  }
  session?.close();
  return { stdout: "", stderr: "", exitCode: 0 };
}
