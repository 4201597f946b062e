// Service programs of the well-known images: they log their start-up as the real servers do,
// stay up, and stop cleanly on the signal their image's StopSignal names.
import { freshImageMemo } from "../../fs/image-memo.js";
import type { LayerEntry } from "../../fs/layer.js";
import { exitsOn, noHandlers, type ProcessContext, type Program, type RunningProgram } from "../program.js";
import { serveHttpd, serveNginx } from "./web-servers.js";

function envValue(ctx: ProcessContext, name: string, fallback = ""): string {
  const prefix = `${name}=`;
  for (const entry of ctx.env) if (entry.startsWith(prefix)) return entry.slice(prefix.length);
  return fallback;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The last second formatted: containers started within one second share the text. */
let lastNginxTime = { second: NaN, text: "" };

/** nginx's error-log time: 2026/01/15 09:00:00 */
function nginxTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === lastNginxTime.second) return lastNginxTime.text;
  lastNginxTime = { second, text: formatNginxTime(ms) };
  return lastNginxTime.text;
}

function formatNginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `nginx -t`, `-v`, `-s SIGNAL` as run by exec: checks and messages, then exit. */
function nginxTool(ctx: ProcessContext, version: string): boolean {
  // Through the image's entrypoint the arguments follow "nginx": `docker run nginx nginx -t`.
  const viaEntrypoint = ctx.argv[0]?.endsWith("docker-entrypoint.sh") === true;
  const args = ctx.argv.slice(viaEntrypoint ? 2 : 1);
  if (args.includes("-v") || args.includes("-V")) {
    ctx.stderr(`nginx version: nginx/${version}\n`);
  } else if (args.includes("-t") || args.includes("-T")) {
    ctx.stderr("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
  } else if (args.includes("-s")) {
    // The running master re-reads its files at each request: a reload has nothing more to do.
  } else {
    return false;
  }
  ctx.exit(0);
  return true;
}

/** The last default.conf edited and its result: every container of an image starts from the same file. */
let lastListen = { text: "", edited: "" };

/** 10-listen-on-ipv6-by-default.sh's edit: an IPv6 listen line after the IPv4 one. */
function withIpv6Listen(text: string): string {
  if (text !== lastListen.text) lastListen = { text, edited: text.replace(/^(\s*listen\s+80;)$/m, "$1\n    listen  [::]:80;") };
  return lastListen.edited;
}

/**
 * What nginx and its entrypoint leave in the container's layer, so `docker diff` shows what it
 * shows for a real nginx: the IPv6 listen line added to default.conf (once), the temp
 * directories under /var/cache/nginx, and /run/nginx.pid. `memo` is the image's, for a first
 * start: the writes are the same for every container of the image, so they are replayed.
 */
function nginxFootprint(ctx: ProcessContext, viaEntrypoint: boolean, memo: Map<string, unknown> | undefined): void {
  const root = ctx.root;
  if (!root || root.empty) return;
  const key = viaEntrypoint ? "nginx-footprint-entrypoint" : "nginx-footprint";
  const recorded = memo?.get(key) as { entries: ReadonlyMap<string, LayerEntry>; at: number } | undefined;
  const now = ctx.clock.now();
  try {
    if (recorded) {
      root.replay(recorded.entries, recorded.at);
      return;
    }
    const conf = "/etc/nginx/conf.d/default.conf";
    const text = viaEntrypoint ? root.readText(conf) : undefined;
    if (text !== undefined && !text.includes("[::]:")) root.put(conf, { type: "file", content: withIpv6Listen(text), mode: 0o644, mtime: now });
    for (const dir of ["client_temp", "proxy_temp", "fastcgi_temp", "uwsgi_temp", "scgi_temp"]) {
      const path = `/var/cache/nginx/${dir}`;
      if (!root.entry(path)) root.makeDir(path, true, 0o700);
    }
    root.put(root.entry("/run")?.type === "dir" ? "/run/nginx.pid" : "/var/run/nginx.pid", { type: "file", content: "1\n", mode: 0o644, mtime: now });
    memo?.set(key, { entries: new Map(root.upperLayer), at: now });
  } catch {
    // A read-only root: nginx would fail to write its pid; the playground lets it run.
  }
}

/** What the official image's entrypoint prints before nginx starts. */
const NGINX_ENTRYPOINT_LOG =
  [
    "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
    "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
    "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
    "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
    "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
    "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
    "/docker-entrypoint.sh: Configuration complete; ready for start up",
  ].join("\n") + "\n";

/**
 * The last start-up notices written, by time and version. Containers started within the same
 * second share the text, and so do the log lines cut from it (each one a slice of it).
 */
let lastStartLog = { time: "", version: "", text: "" };

function nginxStartLog(time: string, version: string): string {
  if (time === lastStartLog.time && version === lastStartLog.version) return lastStartLog.text;
  const notice = (text: string) => `${time} [notice] 1#1: ${text}\n`;
  const text =
    notice('using the "epoll" event method') +
    notice(`nginx/${version}`) +
    notice("built by gcc 14.2.0 (Debian 14.2.0-19)") +
    notice("OS: Linux 6.10.14-linuxkit") +
    notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576") +
    notice("start worker processes") +
    notice("start worker process 29") +
    notice("start worker process 30");
  lastStartLog = { time, version, text };
  return text;
}

export const nginx: Program = (ctx) => {
  const version = envValue(ctx, "NGINX_VERSION", "1.29.3");
  if (ctx.argv[0] !== undefined && nginxTool(ctx, version)) return noHandlers;
  // Taken before the footprint is written: whether this is a first start over the image's files.
  const memo = ctx.root ? freshImageMemo(ctx.root) : undefined;
  nginxFootprint(ctx, ctx.argv[0]?.endsWith("docker-entrypoint.sh") === true, memo);
  if (ctx.argv[0]?.endsWith("docker-entrypoint.sh") || ctx.argv[0] === "nginx") ctx.stdout(NGINX_ENTRYPOINT_LOG);
  ctx.stderr(nginxStartLog(nginxTime(ctx.clock.now()), version));
  serveNginx(ctx, version, memo);
  return new NginxMaster(ctx);
};

/** nginx's master process as it answers signals: one object per container, no closures. */
class NginxMaster implements RunningProgram {
  /** The PID of the newest worker; a reload starts two more. */
  private worker = 30;

  constructor(private readonly ctx: ProcessContext) {}

  signal(name: string): boolean {
    const ctx = this.ctx;
    if (name === "SIGHUP") {
      // A reload: nginx re-reads its configuration (ours does at every request) and replaces
      // its workers.
      const note = (text: string) => `${nginxTime(ctx.clock.now())} [notice] 1#1: ${text}\n`;
      const old = [this.worker - 1, this.worker];
      this.worker += 2;
      ctx.stderr(
        note("signal 1 (SIGHUP) received, reconfiguring") +
          note("reconfiguring") +
          note('using the "epoll" event method') +
          note("start worker processes") +
          note(`start worker process ${this.worker - 1}`) +
          note(`start worker process ${this.worker}`) +
          old.map((pid) => `${nginxTime(ctx.clock.now())} [notice] ${pid}#${pid}: gracefully shutting down\n`).join(""),
      );
      return true;
    }
    const number = name === "SIGQUIT" ? 3 : name === "SIGTERM" ? 15 : name === "SIGINT" ? 2 : 0;
    if (number === 0) return false;
    const when = nginxTime(ctx.clock.now());
    ctx.stderr(`${when} [notice] 1#1: signal ${number} (${name}) received, ${name === "SIGQUIT" ? "graceful shutdown" : "exiting"}\n`);
    ctx.stderr(`${when} [notice] 1#1: exit\n`);
    ctx.exit(0);
    return true;
  }
}

export const httpd: Program = (ctx) => {
  const d = new Date(ctx.clock.now());
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const stamp = `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}`;
  const ip = "172.17.0.2";
  ctx.stderr(
    `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n` +
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n` +
      `[${stamp}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${envValue(ctx, "HTTPD_VERSION", "2.4.65")} (Unix) configured -- resuming normal operations\n` +
      `[${stamp}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`,
  );
  serveHttpd(ctx, envValue(ctx, "HTTPD_VERSION", "2.4.65"));
  return exitsOn(ctx, ["SIGWINCH", "SIGTERM", "SIGINT"]);
};

// redis-server (redis.ts) and postgres (postgres.ts) are loaded on first use (index.ts).


export const registry: Program = (ctx) => {
  const t = new Date(ctx.clock.now()).toISOString();
  ctx.stderr(`time="${t}" level=info msg="listening on [::]:5000" go.version=go1.23.7\n`);
  return exitsOn(ctx, ["SIGTERM", "SIGINT"]);
};

export const mysql: Program = (ctx) => {
  if (!["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"].some((n) => envValue(ctx, n))) {
    const t = new Date(ctx.clock.now()).toISOString().replace(/Z$/, "+00:00");
    ctx.stderr(
      `${t} [Note] [Entrypoint]: Entrypoint script for MySQL Server started.\n` +
        `${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n` +
        "    You need to specify one of the following as an environment variable:\n" +
        "    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n",
    );
    ctx.exit(1);
    return noHandlers;
  }
  ctx.stderr(`${new Date(ctx.clock.now()).toISOString()} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. port: 3306\n`);
  return exitsOn(ctx, ["SIGTERM", "SIGINT"]);
};

export const hello: Program = (ctx) => {
  ctx.stdout(
    [
      "",
      "Hello from the Docker playground!",
      "If you can read this, your setup works: the image was pulled and a container ran it.",
      "",
      "What happened just now:",
      " 1. The docker client asked the Docker daemon to run \"hello-world\".",
      " 2. The daemon did not have the image, so it pulled it from Docker Hub (amd64).",
      " 3. The daemon created a container from the image; its program wrote this text.",
      " 4. The daemon streamed the text back to the client, which printed it here.",
      "",
      "Next, run a command of your own in a container:",
      " $ docker run --rm alpine sh -c 'echo hello from $(hostname)'",
      "",
      "Or serve a web page and open it in the preview:",
      " $ docker run -d -p 8080:80 --name web nginx",
      "",
    ].join("\n") + "\n",
  );
  ctx.exit(0);
  return noHandlers;
};
