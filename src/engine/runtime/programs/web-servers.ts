// What nginx and httpd serve once they are up: the document root their configuration names,
// read from the container's files at each request (so an edited page or a reloaded config shows
// at once), with their access log lines on stdout and their own error pages.
import type { IFileSystem } from "just-bash";
import type { HttpRequest, HttpResponse } from "../../net/net-stack.js";
import type { LayeredFs } from "../../fs/layered-fs.js";
import type { ProcessContext } from "../program.js";
import { logTime, staticServer } from "./static-server.js";

function stripComments(text: string): string {
  return text.replace(/#[^\n]*/g, "");
}

export interface NginxSite {
  port: number;
  root: string;
  indexes: string[];
}

async function readText(fs: IFileSystem, path: string): Promise<string> {
  try {
    return await fs.readFile(path);
  } catch {
    return "";
  }
}

/** The conf.d directories nginx.conf includes, by the text of nginx.conf. */
let lastIncludes = { main: "", dirs: [] as string[] };

function includedDirs(main: string): string[] {
  if (main === lastIncludes.main) return lastIncludes.dirs;
  const dirs: string[] = [];
  for (const match of stripComments(main).matchAll(/include\s+([^;]+);/g)) {
    const pattern = (match[1] ?? "").trim();
    if (pattern.includes("conf.d")) dirs.push(pattern.slice(0, pattern.lastIndexOf("/")));
  }
  lastIncludes = { main, dirs };
  return dirs;
}

/** The last configuration read and what it says: every nginx container of an image reads the same files. */
let lastSite: { files: string[]; site: NginxSite } | undefined;

/** What a set of configuration files says, parsed once for as long as the files stay the same. */
function siteOf(files: string[]): NginxSite {
  const known = lastSite;
  if (known && known.files.length === files.length && known.files.every((f, i) => f === files[i])) {
    return { ...known.site, indexes: [...known.site.indexes] };
  }
  const site = parseNginxSite(files);
  lastSite = { files, site };
  return { ...site, indexes: [...site.indexes] };
}

/** The first server block's port, and the root and index of its "location /". */
export async function nginxSite(fs: IFileSystem): Promise<NginxSite> {
  const main = await readText(fs, "/etc/nginx/nginx.conf");
  const files = [main];
  for (const dir of includedDirs(main)) {
    let names: string[] = [];
    try {
      names = (await fs.readdir(dir)).filter((n) => n.endsWith(".conf")).sort();
    } catch {
      names = [];
    }
    for (const name of names) files.push(await readText(fs, `${dir}/${name}`));
  }
  return siteOf(files);
}

/**
 * nginxSite read at once from the root filesystem, when no mount lies over the configuration:
 * what a container started from the image sees. Undefined when a mount (a bind-mounted
 * default.conf, say) makes the container's composed view the one to read.
 */
function nginxSiteNow(ctx: ProcessContext, memo?: Map<string, unknown>): NginxSite | undefined {
  const root = ctx.root;
  if (!root || !ctx.unmounted("/etc/nginx")) return undefined;
  // A first start over the image's files (after the footprint, which memo keys alike): what the
  // first container of the image read.
  const known = memo?.get("nginx-site") as NginxSite | undefined;
  if (known) return { ...known, indexes: [...known.indexes] };
  const site = readNginxSiteNow(root, (path) => ctx.unmounted(path));
  if (site) memo?.set("nginx-site", site);
  return site && { ...site, indexes: [...site.indexes] };
}

function readNginxSiteNow(root: LayeredFs, unmounted: (path: string) => boolean): NginxSite | undefined {
  const read = (path: string): string | undefined => {
    try {
      const found = root.resolve(path, true, "open");
      if (!unmounted(found.path)) return undefined;
      const entry = found.entry;
      if (entry?.type !== "file") return "";
      return typeof entry.content === "string" ? entry.content : new TextDecoder().decode(entry.content);
    } catch {
      return "";
    }
  };
  const main = read("/etc/nginx/nginx.conf");
  if (main === undefined) return undefined;
  const files = [main];
  for (const dir of includedDirs(main)) {
    let names: string[];
    try {
      const found = root.resolve(dir, true, "open");
      if (!unmounted(found.path)) return undefined;
      names = found.entry?.type === "dir" ? root.list(found.path).filter((n) => n.endsWith(".conf")) : [];
    } catch {
      names = [];
    }
    for (const name of names) {
      const text = read(`${dir}/${name}`);
      if (text === undefined) return undefined;
      files.push(text);
    }
  }
  return siteOf(files);
}

function parseNginxSite(files: string[]): NginxSite {
  const text = files.map(stripComments).join("\n");
  const server = /server\s*\{([\s\S]*)/.exec(text)?.[1] ?? "";
  const port = Number(/listen\s+(?:[\d.]+:)?(\d+)/.exec(server)?.[1] ?? 80);
  const location = /location\s+\/\s*\{([^}]*)\}/.exec(server)?.[1] ?? server;
  const root = /root\s+([^;]+);/.exec(location)?.[1]?.trim() ?? /root\s+([^;]+);/.exec(server)?.[1]?.trim() ?? "/usr/share/nginx/html";
  const indexes = (/index\s+([^;]+);/.exec(location)?.[1] ?? "index.html").trim().split(/\s+/);
  return { port, root, indexes };
}

function nginxErrorPage(version: string) {
  return (status: number, reason: string) =>
    `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function requestLine(request: HttpRequest): string {
  return `${request.method} ${request.path} HTTP/1.1`;
}

/** nginx's "main" log format, as the official image's nginx.conf defines it. */
function nginxAccessLine(request: HttpRequest, status: number, bytes: number, now: number): string {
  const referer = request.headers["referer"] ?? "-";
  const agent = request.headers["user-agent"] ?? "-";
  const forwarded = request.headers["x-forwarded-for"] ?? "-";
  return `${request.remoteAddress} - - [${logTime(now)}] "${requestLine(request)}" ${status} ${bytes} "${referer}" "${agent}" "${forwarded}"\n`;
}

/**
 * nginx's listener: a container that is started but never asked anything holds just this; the
 * server that answers is made at the first request.
 */
class NginxListener {
  readonly kind = "http";
  private server: ((request: HttpRequest) => Promise<HttpResponse>) | undefined;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly version: string,
  ) {}

  handle(request: HttpRequest): Promise<HttpResponse> {
    return (this.server ??= nginxServer(this.ctx, this.version))(request);
  }
}

function nginxServer(ctx: ProcessContext, version: string): (request: HttpRequest) => Promise<HttpResponse> {
  return staticServer({
    server: `nginx/${version}`,
    files: () => ctx.fs,
    now: () => ctx.clock.now(),
    root: () => {
      const fs = ctx.fs;
      return fs ? nginxSite(fs) : Promise.resolve(nginxSiteNow(ctx) ?? { port: 80, root: "/usr/share/nginx/html", indexes: ["index.html"] });
    },
    errorPage: nginxErrorPage(version),
    extraHeaders: (found) => (found.kind === "file" ? [["ETag", `"${Math.floor(found.mtime / 1000).toString(16)}-${found.content.length.toString(16)}"`]] : []),
    log: (request, status, bytes) => ctx.stdout(nginxAccessLine(request, status, bytes, ctx.clock.now())),
  });
}

export function serveNginx(ctx: ProcessContext, version: string, memo?: Map<string, unknown>): void {
  const net = ctx.net;
  if (!ctx.root || !net || net.peer.kind !== "container") return;
  const containerId = net.peer.id;
  const listener = new NginxListener(ctx, version);
  // The image's own configuration is read at once, so the port is open when start returns;
  // a mounted one is read through the container's view.
  const now = nginxSiteNow(ctx, memo);
  if (now) {
    net.stack.listen(containerId, now.port, listener);
    return;
  }
  const fs = ctx.fs;
  if (!fs) return;
  void nginxSite(fs).then((site) => {
    if (!ctx.exited) net.stack.listen(containerId, site.port, listener);
  });
}

const APACHE_NOT_FOUND = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;

function apacheErrorPage(status: number, reason: string): string {
  if (status === 404) return APACHE_NOT_FOUND;
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n</body></html>\n`;
}

async function httpdRoot(fs: IFileSystem): Promise<{ root: string; indexes: string[]; port: number }> {
  const conf = stripComments(await readText(fs, "/usr/local/apache2/conf/httpd.conf"));
  const root = /^\s*DocumentRoot\s+"?([^"\n]+)"?/m.exec(conf)?.[1]?.trim() ?? "/usr/local/apache2/htdocs";
  const indexes = (/^\s*DirectoryIndex\s+([^\n]+)/m.exec(conf)?.[1] ?? "index.html").trim().split(/\s+/);
  const port = Number(/^\s*Listen\s+(?:[\d.]+:)?(\d+)/m.exec(conf)?.[1] ?? 80);
  return { root, indexes, port };
}

export function serveHttpd(ctx: ProcessContext, version: string): void {
  const fs = ctx.fs;
  const net = ctx.net;
  if (!fs || !net || net.peer.kind !== "container") return;
  const containerId = net.peer.id;
  const handle = staticServer({
    server: `Apache/${version} (Unix)`,
    files() {
      return fs;
    },
    now() {
      return ctx.clock.now();
    },
    root() {
      return httpdRoot(fs);
    },
    errorPage: apacheErrorPage,
    log(request, status, bytes) {
      ctx.stdout(`${request.remoteAddress} - - [${logTime(ctx.clock.now())}] "${requestLine(request)}" ${status} ${bytes === 0 ? "-" : bytes}\n`);
    },
  });
  void httpdRoot(fs).then(({ port }) => {
    if (!ctx.exited) net.stack.listen(containerId, port, { kind: "http", handle });
  });
}
