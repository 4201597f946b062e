// curl, wget, ping and nslookup as just-bash commands over a network given to them: the
// container's (the engine's network stack, seen from that container) or the host's (the
// terminal, reaching published ports). Output and error texts are those of curl 8, busybox
// wget, busybox ping and busybox nslookup.
import type { Command, CommandContext } from "just-bash";
import type { JustBash } from "./just-bash.js";

export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface WireResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string | Uint8Array;
}

export type Dial =
  | { ok: true; exchange(request: WireRequest): Promise<WireResponse> }
  | { ok: false; error: "refused" | "unreachable" };

export interface Network {
  /** The address a name resolves to, or undefined (no such host). */
  resolve(name: string): string | undefined;
  dial(address: string, port: number): Dial;
  /** Milliseconds on the engine clock, and a wait on it. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** The resolver's address for nslookup (127.0.0.11 on user networks). */
  nameserver(): string;
  /** Round-trip time to show for a reachable address, in ms. */
  rtt(address: string): number;
}

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const decoder = new TextDecoder();
const text = (body: string | Uint8Array) => (typeof body === "string" ? body : decoder.decode(body));
const byteLength = (body: string | Uint8Array) => (typeof body === "string" ? new TextEncoder().encode(body).length : body.length);

interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

function parseUrl(raw: string): Url | undefined {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(raw);
  if (!match) return undefined;
  const scheme = (match[1] ?? "http").toLowerCase();
  const port = match[3] ? Number(match[3]) : scheme === "https" ? 443 : 80;
  return { scheme, host: match[2] ?? "", port, path: match[4] || "/" };
}

function headerBlock(response: WireResponse): string {
  return `HTTP/1.1 ${response.status} ${response.reason}\r\n${response.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
}

// ---- curl ------------------------------------------------------------------------------------

interface CurlOptions {
  url?: string | undefined;
  method?: string | undefined;
  headers: Record<string, string>;
  data?: string | undefined;
  include: boolean;
  head: boolean;
  silent: boolean;
  showError: boolean;
  fail: boolean;
  follow: boolean;
  output?: string | undefined;
  remoteName: boolean;
  writeOut?: string | undefined;
  verbose: boolean;
}

function parseCurl(args: string[]): CurlOptions | string {
  const o: CurlOptions = { headers: {}, include: false, head: false, silent: false, showError: false, fail: false, follow: false, remoteName: false, verbose: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const next = () => args[++i];
    if (a.startsWith("-") && !a.startsWith("--") && a.length > 2 && /^-[isSfLIvO]+$/.test(a)) {
      for (const flag of a.slice(1)) args.splice(i + 1, 0, `-${flag}`);
      continue;
    }
    switch (a) {
      case "-i":
      case "--include":
        o.include = true;
        break;
      case "-I":
      case "--head":
        o.head = true;
        break;
      case "-s":
      case "--silent":
        o.silent = true;
        break;
      case "-S":
      case "--show-error":
        o.showError = true;
        break;
      case "-f":
      case "--fail":
        o.fail = true;
        break;
      case "-L":
      case "--location":
        o.follow = true;
        break;
      case "-v":
      case "--verbose":
        o.verbose = true;
        break;
      case "-O":
      case "--remote-name":
        o.remoteName = true;
        break;
      case "-o":
      case "--output":
        o.output = next();
        break;
      case "-X":
      case "--request":
        o.method = next();
        break;
      case "-H":
      case "--header": {
        const h = next() ?? "";
        const colon = h.indexOf(":");
        if (colon > 0) o.headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
        break;
      }
      case "-d":
      case "--data":
      case "--data-raw":
        o.data = next();
        break;
      case "-w":
      case "--write-out":
        o.writeOut = next();
        break;
      case "-m":
      case "--max-time":
      case "--connect-timeout":
        next();
        break;
      default:
        if (a.startsWith("-")) return `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
        o.url = a;
    }
  }
  return o;
}

async function curl(net: Network, args: string[], ctx: CommandContext): Promise<Out> {
  const parsed = parseCurl([...args]);
  if (typeof parsed === "string") return { stdout: "", stderr: parsed, exitCode: 2 };
  if (!parsed.url) return { stdout: "", stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const quietErrors = parsed.silent && !parsed.showError;
  const fail = (code: number, message: string): Out => ({ stdout: "", stderr: quietErrors ? "" : `curl: (${code}) ${message}\n`, exitCode: code });
  let url = parseUrl(parsed.url);
  let stdout = "";
  let verbose = "";
  for (let hops = 0; ; hops++) {
    if (!url) return fail(3, "URL rejected: Malformed input to a URL function");
    if (url.scheme !== "http" && url.scheme !== "https") return fail(1, `Protocol "${url.scheme}" not supported`);
    const address = net.resolve(url.host);
    if (!address) return fail(6, `Could not resolve host: ${url.host}`);
    const started = net.now();
    const dial = net.dial(address, url.port);
    if (!dial.ok) {
      if (dial.error === "unreachable") {
        await net.sleep(130_000);
        return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${net.now() - started} ms: Couldn't connect to server`);
      }
      return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
    }
    if (url.scheme === "https") return fail(35, `OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number`);
    const method = parsed.method ?? (parsed.head ? "HEAD" : parsed.data !== undefined ? "POST" : "GET");
    const headers: Record<string, string> = {
      host: url.port === 80 ? url.host : `${url.host}:${url.port}`,
      "user-agent": "curl/8.14.1",
      accept: "*/*",
      ...(parsed.data !== undefined ? { "content-type": "application/x-www-form-urlencoded", "content-length": String(parsed.data.length) } : {}),
      ...parsed.headers,
    };
    if (parsed.verbose) {
      verbose += `*   Trying ${address}:${url.port}...\n* Connected to ${url.host} (${address}) port ${url.port}\n`;
      verbose += `> ${method} ${url.path} HTTP/1.1\n${Object.entries(headers).map(([k, v]) => `> ${k.replace(/(^|-)\w/g, (c) => c.toUpperCase())}: ${v}\n`).join("")}> \n`;
    }
    const response = await dial.exchange({ method, path: url.path, headers, body: parsed.data ?? "" });
    if (response.status === 0) return fail(52, "Empty reply from server");
    if (parsed.verbose) verbose += `< ${headerBlock(response).trimEnd().split("\r\n").join("\n< ")}\n< \n`;
    const location = response.headers.find(([k]) => k.toLowerCase() === "location")?.[1];
    if (parsed.follow && location && response.status >= 300 && response.status < 400 && hops < 50) {
      if (parsed.include) stdout += headerBlock(response);
      url = location.includes("://") ? parseUrl(location) : { ...url, path: location };
      continue;
    }
    if (parsed.fail && response.status >= 400) {
      return { stdout, stderr: verbose + (quietErrors ? "" : `curl: (22) The requested URL returned error: ${response.status}\n`), exitCode: 22 };
    }
    let body = parsed.head ? "" : text(response.body);
    if (parsed.include || parsed.head) body = headerBlock(response) + body;
    if (parsed.writeOut) {
      body += parsed.writeOut
        .replace(/%\{http_code\}/g, String(response.status))
        .replace(/%\{size_download\}/g, String(byteLength(response.body)))
        .replace(/\\n/g, "\n");
    }
    const target = parsed.output ?? (parsed.remoteName ? url.path.split("/").pop() || "index.html" : undefined);
    if (target !== undefined && target !== "-") {
      await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, target), parsed.head ? body : response.body);
      const progress = quietErrors
        ? ""
        : "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n" +
          `100 ${String(byteLength(response.body)).padStart(5)}  100 ${String(byteLength(response.body)).padStart(5)}    0     0   ${"0".padStart(6)}      0 --:--:-- --:--:-- --:--:--     0\n`;
      return { stdout, stderr: verbose + progress, exitCode: 0 };
    }
    return { stdout: stdout + body, stderr: verbose, exitCode: 0 };
  }
}

// ---- wget (busybox) --------------------------------------------------------------------------

async function wget(net: Network, args: string[], ctx: CommandContext): Promise<Out> {
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-q") quiet = true;
    else if (a === "-O") output = args[++i];
    else if (a.startsWith("-O") && a.length > 2) output = a.slice(2);
    else if (a === "-qO-" || a === "-qO") {
      quiet = true;
      output = a === "-qO-" ? "-" : args[++i];
    } else if (a === "--spider") spider = true;
    else if (a === "-T" || a === "-t" || a === "-U" || a === "--header") i++;
    else if (a.startsWith("-")) continue;
    else target = a;
  }
  if (!target) return { stdout: "", stderr: "BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n", exitCode: 1 };
  const url = parseUrl(target);
  if (!url || (url.scheme !== "http" && url.scheme !== "https")) return { stdout: "", stderr: `wget: not an http or ftp url: ${target}\n`, exitCode: 1 };
  const address = net.resolve(url.host);
  if (!address) return { stdout: "", stderr: `wget: bad address '${url.host}'\n`, exitCode: 1 };
  let log = quiet ? "" : `Connecting to ${url.host} (${address}:${url.port})\n`;
  const dial = net.dial(address, url.port);
  if (!dial.ok) {
    if (dial.error === "unreachable") {
      await net.sleep(130_000);
      return { stdout: "", stderr: `${log}wget: can't connect to remote host (${address}): Operation timed out\n`, exitCode: 1 };
    }
    return { stdout: "", stderr: `${log}wget: can't connect to remote host (${address}): Connection refused\n`, exitCode: 1 };
  }
  const response = await dial.exchange({
    method: spider ? "HEAD" : "GET",
    path: url.path,
    headers: { host: url.port === 80 ? url.host : `${url.host}:${url.port}`, "user-agent": "Wget", connection: "close" },
    body: "",
  });
  if (response.status === 0) return { stdout: "", stderr: `${log}wget: error getting response\n`, exitCode: 1 };
  if (response.status >= 400) return { stdout: "", stderr: `${log}wget: server returned error: HTTP/1.1 ${response.status} ${response.reason}\n`, exitCode: 1 };
  if (spider) return { stdout: "", stderr: quiet ? "" : `${log}remote file exists\n`, exitCode: 0 };
  const size = byteLength(response.body);
  const bar = (name: string) => `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  if (output === "-") {
    if (!quiet) log += `writing to stdout\n${bar("-")}written to stdout\n`;
    return { stdout: text(response.body), stderr: log, exitCode: 0 };
  }
  const file = output ?? (url.path.split("?")[0]?.split("/").pop() || "index.html");
  const path = ctx.fs.resolvePath(ctx.cwd, file);
  try {
    await ctx.fs.writeFile(path, response.body);
  } catch {
    return { stdout: "", stderr: `${log}wget: can't open '${file}': No such file or directory\n`, exitCode: 1 };
  }
  if (!quiet) log += `saving to '${file}'\n${bar(file)}'${file}' saved\n`;
  return { stdout: "", stderr: log, exitCode: 0 };
}

// ---- ping (busybox) --------------------------------------------------------------------------

async function ping(net: Network, args: string[], ctx: CommandContext): Promise<Out> {
  let count = Infinity;
  let host: string | undefined;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-c") count = Number(args[++i]);
    else if (a.startsWith("-c") && a.length > 2) count = Number(a.slice(2));
    else if (a === "-q") quiet = true;
    else if (a === "-W" || a === "-w" || a === "-i" || a === "-s") i++;
    else if (!a.startsWith("-")) host = a;
  }
  if (!host) return { stdout: "", stderr: "BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n", exitCode: 1 };
  const address = net.resolve(host);
  if (!address) return { stdout: "", stderr: `ping: bad address '${host}'\n`, exitCode: 1 };
  const probe = net.dial(address, 0);
  const reachable = address.startsWith("127.") || probe.ok || probe.error === "refused";
  let out = `PING ${host} (${address}): 56 data bytes\n`;
  const times: number[] = [];
  let sent = 0;
  const signal = ctx.signal;
  while (sent < count && !signal?.aborted) {
    const rtt = net.rtt(address) + (sent % 3) * 0.011;
    if (reachable) {
      times.push(rtt);
      if (!quiet) out += `64 bytes from ${address}: seq=${sent} ttl=64 time=${rtt.toFixed(3)} ms\n`;
    }
    sent++;
    if (sent < count) await net.sleep(1000);
  }
  const received = times.length;
  const loss = sent === 0 ? 0 : Math.round(((sent - received) / sent) * 100);
  out += `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
  if (received > 0) {
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / received;
    out += `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n`;
  }
  return { stdout: out, stderr: "", exitCode: received > 0 ? 0 : 1 };
}

// ---- nslookup (busybox) ----------------------------------------------------------------------

function nslookup(net: Network, args: string[]): Out {
  const name = args.find((a) => !a.startsWith("-"));
  if (!name) return { stdout: "", stderr: "BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n", exitCode: 1 };
  const server = net.nameserver();
  const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  const address = net.resolve(name);
  if (!address) return { stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`, stderr: "", exitCode: 1 };
  return { stdout: `${head}Non-authoritative answer:\nName:\t${name}\nAddress: ${address}\n\nNon-authoritative answer:\n\n`, stderr: "", exitCode: 0 };
}

/** The network commands, for a shell whose network is `net` (looked up at each use). */
export function networkCommands(jb: JustBash, net: () => Network | undefined): Command[] {
  const unreachable: Out = { stdout: "", stderr: "network unavailable\n", exitCode: 1 };
  const wrap = (name: string, run: (n: Network, args: string[], ctx: CommandContext) => Promise<Out> | Out) =>
    jb.defineCommand(name, async (args, ctx) => {
      const n = net();
      return n ? run(n, args, ctx) : unreachable;
    });
  return [
    wrap("curl", curl),
    wrap("wget", wget),
    wrap("ping", ping),
    wrap("nslookup", (n, args) => nslookup(n, args)),
  ];
}
