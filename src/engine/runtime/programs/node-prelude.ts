// The part of the node stand-in that runs inside the JavaScript sandbox (QuickJS): console with
// util.inspect's formatting, process, timers, require() for files and a few core modules (fs,
// path, os, util, events, http). It reaches the container only through the __host functions
// node-runtime.ts installs; the host calls back through __fire (timers) and __serve (requests).
export const NODE_PRELUDE = String.raw`
(function () {
  "use strict";
  const host = globalThis.__host;
  delete globalThis.__host;
  const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

  function quoteString(s) {
    const q = s.includes("'") && !s.includes('"') ? '"' : "'";
    return q + s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(new RegExp(q, "g"), "\\" + q) + q;
  }

  function inspect(value, options, depth, seen) {
    depth = depth || 0;
    seen = seen || [];
    const maxDepth = options && options.depth !== undefined ? options.depth : 2;
    switch (typeof value) {
      case "string": return depth === 0 && options && options.top ? value : quoteString(value);
      case "number": return Object.is(value, -0) ? "-0" : String(value);
      case "bigint": return value + "n";
      case "boolean": case "undefined": return String(value);
      case "symbol": return value.toString();
      case "function": {
        if (/^class\s/.test(Function.prototype.toString.call(value))) return "[class " + (value.name || "(anonymous)") + "]";
        return "[Function: " + (value.name || "(anonymous)") + "]";
      }
    }
    if (value === null) return "null";
    if (seen.includes(value)) return "[Circular *1]";
    if (value instanceof Error) return value.stack ? value.name + ": " + value.message + "\n" + value.stack.replace(/\n$/, "") : String(value);
    if (value instanceof Date) return isNaN(value) ? "Invalid Date" : value.toISOString();
    if (value instanceof RegExp) return String(value);
    if (value instanceof Promise) return "Promise { <pending> }";
    const inner = seen.concat([value]);
    const show = (v) => inspect(v, options, depth + 1, inner);
    let open, close, items, prefix = "";
    if (Array.isArray(value)) {
      if (depth > maxDepth) return "[Array]";
      items = value.map(show);
      const extra = Object.keys(value).filter((k) => !/^\d+$/.test(k));
      items = items.concat(extra.map((k) => (identifier.test(k) ? k : quoteString(k)) + ": " + show(value[k])));
      open = "["; close = "]";
    } else if (value instanceof Map) {
      if (depth > maxDepth) return "[Map]";
      items = Array.from(value, ([k, v]) => show(k) + " => " + show(v));
      prefix = "Map(" + value.size + ") "; open = "{"; close = "}";
    } else if (value instanceof Set) {
      if (depth > maxDepth) return "[Set]";
      items = Array.from(value, show);
      prefix = "Set(" + value.size + ") "; open = "{"; close = "}";
    } else {
      const name = value.constructor && value.constructor !== Object ? value.constructor.name : "";
      if (depth > maxDepth) return name ? "[" + name + "]" : "[Object]";
      items = Object.keys(value).map((k) => (identifier.test(k) ? k : quoteString(k)) + ": " + show(value[k]));
      if (Object.getPrototypeOf(value) === null) prefix = "[Object: null prototype] ";
      else if (name) prefix = name + " ";
      open = "{"; close = "}";
    }
    if (items.length === 0) return prefix + open + close;
    const flat = prefix + open + " " + items.join(", ") + " " + close;
    if (flat.length + depth * 2 <= 72 && !flat.includes("\n")) return flat;
    const pad = "  ".repeat(depth + 1);
    return prefix + open + "\n" + pad + items.join(",\n" + pad) + "\n" + "  ".repeat(depth) + close;
  }

  function format(...args) {
    let out = "";
    let rest = args;
    if (typeof args[0] === "string" && args[0].includes("%")) {
      let i = 1;
      out = args[0].replace(/%([sdifjoOc%])/g, (m, f) => {
        if (f === "%") return "%";
        if (i >= args.length) return m;
        const a = args[i++];
        switch (f) {
          case "s": return typeof a === "string" ? a : inspect(a, { depth: 1 });
          case "d": case "i": return String(f === "i" ? parseInt(a, 10) : Number(a));
          case "f": return String(parseFloat(a));
          case "j": return JSON.stringify(a);
          case "c": return "";
          default: return inspect(a, { depth: f === "O" ? 2 : 4 });
        }
      });
      rest = args.slice(i);
      return [out].concat(rest.map((a) => inspect(a, { top: true }))).join(" ");
    }
    return rest.map((a) => inspect(a, { top: true })).join(" ");
  }

  const write = (fd, text) => host.write(fd, String(text));
  const counts = {};
  globalThis.console = {
    log: (...a) => write(1, format(...a) + "\n"),
    info: (...a) => write(1, format(...a) + "\n"),
    debug: (...a) => write(1, format(...a) + "\n"),
    error: (...a) => write(2, format(...a) + "\n"),
    warn: (...a) => write(2, format(...a) + "\n"),
    dir: (v, o) => write(1, inspect(v, o) + "\n"),
    count: (label = "default") => write(1, label + ": " + (counts[label] = (counts[label] || 0) + 1) + "\n"),
    table: (v) => write(1, inspect(v) + "\n"),
    time: () => undefined,
    timeEnd: (label = "default") => write(1, label + ": 0.042ms\n"),
  };

  const timers = new Map();
  let nextTimer = 1;
  const schedule = (repeat) => (fn, ms, ...args) => {
    const id = nextTimer++;
    const delay = Math.max(1, Number(ms) || 1);
    timers.set(id, { fn, args, repeat: repeat ? delay : 0 });
    host.timer(id, delay);
    return id;
  };
  const cancel = (id) => { if (timers.delete(id)) host.cancel(id); };
  globalThis.setTimeout = schedule(false);
  globalThis.setInterval = schedule(true);
  globalThis.setImmediate = (fn, ...args) => globalThis.setTimeout(fn, 0, ...args);
  globalThis.clearTimeout = globalThis.clearInterval = globalThis.clearImmediate = cancel;
  globalThis.__fire = (id) => {
    const t = timers.get(id);
    if (!t) return;
    if (t.repeat) host.timer(id, t.repeat);
    else timers.delete(id);
    t.fn(...t.args);
  };

  const info = JSON.parse(host.info());
  const process = {
    argv: info.argv, env: info.env, execPath: "/usr/local/bin/node", pid: 1, ppid: 0, platform: "linux", arch: "x64",
    version: info.version, versions: { node: info.version.slice(1), v8: "13.6.233.10-node.28" }, exitCode: undefined,
    cwd: () => info.cwd, exit: (code) => host.exit(code === undefined ? process.exitCode || 0 : Number(code)),
    uptime: () => host.uptime(), hrtime: Object.assign(() => [Math.floor(host.uptime()), 0], { bigint: () => BigInt(Math.floor(host.uptime() * 1e9)) }),
    memoryUsage: () => ({ rss: 45350912, heapTotal: 6066176, heapUsed: 4620464, external: 1614256, arrayBuffers: 10515 }),
    nextTick: (fn, ...args) => { Promise.resolve().then(() => fn(...args)); },
    on: () => process, once: () => process, emitWarning: (w) => write(2, "(node:1) Warning: " + w + "\n"),
    stdout: { write: (s) => (write(1, s), true), isTTY: info.tty, columns: 80 },
    stderr: { write: (s) => (write(2, s), true), isTTY: info.tty },
  };
  globalThis.process = process;
  globalThis.global = globalThis;

  const path = {
    sep: "/", delimiter: ":",
    normalize(p) {
      const abs = p.startsWith("/");
      const parts = [];
      for (const part of p.split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") { if (parts.length && parts[parts.length - 1] !== "..") parts.pop(); else if (!abs) parts.push(".."); }
        else parts.push(part);
      }
      return (abs ? "/" : "") + parts.join("/") || (abs ? "/" : ".");
    },
    join: (...p) => path.normalize(p.filter(Boolean).join("/")),
    resolve: (...p) => { let r = info.cwd; for (const s of p) r = s.startsWith("/") ? s : r + "/" + s; return path.normalize(r); },
    dirname: (p) => { const i = p.replace(/\/+$/, "").lastIndexOf("/"); return i < 0 ? "." : i === 0 ? "/" : p.slice(0, i); },
    basename: (p, ext) => { const b = p.replace(/\/+$/, "").split("/").pop() || ""; return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b; },
    extname: (p) => { const b = path.basename(p); const i = b.lastIndexOf("."); return i <= 0 ? "" : b.slice(i); },
    isAbsolute: (p) => p.startsWith("/"),
    relative: (a, b) => { const x = path.resolve(a).split("/").filter(Boolean), y = path.resolve(b).split("/").filter(Boolean); while (x.length && y.length && x[0] === y[0]) { x.shift(); y.shift(); } return x.map(() => "..").concat(y).join("/"); },
  };
  path.posix = path;

  const nodeError = (code, message) => Object.assign(new Error(message), { code });
  const fs = {
    readFileSync(file, options) {
      const text = host.readFile(path.resolve(String(file)));
      if (text === undefined) throw Object.assign(nodeError("ENOENT", "ENOENT: no such file or directory, open '" + file + "'"), { errno: -2, syscall: "open", path: String(file) });
      return text;
    },
    writeFileSync(file, data) { host.writeFile(path.resolve(String(file)), String(data), false); },
    appendFileSync(file, data) { host.writeFile(path.resolve(String(file)), String(data), true); },
    existsSync: (file) => host.exists(path.resolve(String(file))),
    readdirSync(dir) {
      const list = host.readdir(path.resolve(String(dir)));
      if (list === undefined) throw nodeError("ENOENT", "ENOENT: no such file or directory, scandir '" + dir + "'");
      return JSON.parse(list);
    },
    mkdirSync: () => undefined,
  };
  const callbackify = (fn) => (...args) => { const cb = args.pop(); Promise.resolve().then(() => { try { cb(null, fn(...args)); } catch (e) { cb(e); } }); };
  fs.readFile = callbackify(fs.readFileSync);
  fs.writeFile = callbackify(fs.writeFileSync);
  fs.promises = { readFile: async (...a) => fs.readFileSync(...a), writeFile: async (...a) => fs.writeFileSync(...a), readdir: async (d) => fs.readdirSync(d) };

  class EventEmitter {
    constructor() { this._events = {}; }
    on(name, fn) { (this._events[name] = this._events[name] || []).push(fn); return this; }
    once(name, fn) { const w = (...a) => { this.off(name, w); fn(...a); }; return this.on(name, w); }
    off(name, fn) { this._events[name] = (this._events[name] || []).filter((f) => f !== fn); return this; }
    emit(name, ...args) { const l = this._events[name] || []; l.slice().forEach((f) => f.apply(this, args)); return l.length > 0; }
  }
  EventEmitter.prototype.addListener = EventEmitter.prototype.on;
  EventEmitter.prototype.removeListener = EventEmitter.prototype.off;

  const os = {
    hostname: () => info.hostname, platform: () => "linux", type: () => "Linux", arch: () => "x64", release: () => info.kernel,
    EOL: "\n", homedir: () => info.env.HOME || "/root", tmpdir: () => "/tmp", cpus: () => Array.from({ length: 8 }, () => ({ model: "Virtual CPU", speed: 2400 })),
    totalmem: () => 8222060544, freemem: () => 6618791936, uptime: () => 183240, userInfo: () => ({ username: info.user, uid: 0, gid: 0, homedir: info.env.HOME || "/root", shell: "/bin/sh" }),
    networkInterfaces: () => ({}),
  };

  const servers = new Map();
  let nextServer = 1;
  const STATUS = { 200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" };
  const http = {
    STATUS_CODES: STATUS,
    createServer(options, handler) {
      if (typeof options === "function") handler = options;
      const id = nextServer++;
      const server = new EventEmitter();
      if (handler) server.on("request", handler);
      server.listen = (...args) => {
        const port = Number(typeof args[0] === "object" ? args[0].port : args[0]) || 0;
        const cb = args.find((a) => typeof a === "function");
        const problem = host.listen(id, port);
        if (problem) throw nodeError("EADDRINUSE", problem);
        server._port = port;
        if (cb) server.once("listening", cb);
        Promise.resolve().then(() => server.emit("listening"));
        return server;
      };
      server.close = (cb) => { host.unlisten(id); servers.delete(id); if (cb) Promise.resolve().then(cb); return server; };
      server.address = () => ({ address: "::", family: "IPv6", port: server._port });
      servers.set(id, server);
      return server;
    },
  };
  globalThis.__serve = (serverId, requestId, json) => {
    const server = servers.get(serverId);
    const r = JSON.parse(json);
    const req = new EventEmitter();
    Object.assign(req, { method: r.method, url: r.url, headers: r.headers, httpVersion: "1.1", socket: { remoteAddress: r.remoteAddress } });
    const headers = {};
    let done = false;
    const res = new EventEmitter();
    Object.assign(res, {
      statusCode: 200, statusMessage: undefined, headersSent: false, body: "",
      setHeader(k, v) { headers[k.toLowerCase()] = [k, Array.isArray(v) ? v.join(", ") : String(v)]; return res; },
      getHeader: (k) => (headers[k.toLowerCase()] || [])[1],
      removeHeader: (k) => { delete headers[k.toLowerCase()]; },
      writeHead(code, reason, extra) {
        res.statusCode = code;
        if (typeof reason === "string") res.statusMessage = reason; else extra = reason;
        for (const k of Object.keys(extra || {})) res.setHeader(k, extra[k]);
        res.headersSent = true;
        return res;
      },
      write(chunk) { res.body += String(chunk); return true; },
      end(chunk) {
        if (done) return res;
        if (chunk !== undefined && typeof chunk !== "function") res.body += String(chunk);
        done = true;
        host.respond(requestId, res.statusCode, res.statusMessage || STATUS[res.statusCode] || "unknown", JSON.stringify(Object.values(headers)), res.body);
        res.emit("finish");
        return res;
      },
    });
    server.emit("request", req, res);
    Promise.resolve().then(() => { if (r.body) req.emit("data", r.body); req.emit("end"); });
  };

  const util = { inspect, format, promisify: (fn) => (...a) => new Promise((ok, no) => fn(...a, (e, v) => (e ? no(e) : ok(v)))), isDeepStrictEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b) };
  const builtins = { fs, path, os, util, events: Object.assign(EventEmitter, { EventEmitter }), http, "fs/promises": fs.promises };

  const cache = {};
  function loadFile(file) {
    if (cache[file]) return cache[file].exports;
    const text = host.readFile(file);
    const module = { exports: {}, filename: file, id: file, loaded: false };
    cache[file] = module;
    if (file.endsWith(".json")) module.exports = JSON.parse(text);
    else {
      const body = (0, eval)("(function (exports, require, module, __filename, __dirname) {" + text.replace(/^#!.*/, "") + "\n})");
      body.call(module.exports, module.exports, makeRequire(path.dirname(file)), module, file, path.dirname(file));
    }
    module.loaded = true;
    return module.exports;
  }
  function makeRequire(dir) {
    const require = (name) => {
      const bare = String(name).replace(/^node:/, "");
      if (Object.prototype.hasOwnProperty.call(builtins, bare)) return builtins[bare];
      if (/^(\.{1,2}\/|\/)/.test(name)) {
        const base = path.resolve(dir, name);
        for (const candidate of [base, base + ".js", base + ".json", base + "/index.js"]) {
          if (host.isFile(candidate)) return loadFile(candidate);
        }
      }
      const error = nodeError("MODULE_NOT_FOUND", "Cannot find module '" + name + "'\nRequire stack:\n- " + (info.main || "[eval]"));
      error.requireStack = [info.main || "[eval]"];
      throw error;
    };
    require.resolve = (n) => path.resolve(dir, n);
    require.cache = cache;
    return require;
  }
  globalThis.__inspect = inspect;
  globalThis.__module = (file) => {
    const module = { exports: {}, filename: file, id: ".", loaded: false };
    return [module.exports, makeRequire(path.dirname(file)), module, file, path.dirname(file)];
  };
  globalThis.require = makeRequire(info.cwd);
  globalThis.module = { exports: {}, id: "[eval]" };
  globalThis.exports = globalThis.module.exports;
  globalThis.__filename = "[eval]";
  globalThis.__dirname = ".";
})();
`;
