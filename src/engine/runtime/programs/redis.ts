// redis-server: logs its start-up as Redis 8 does, loads its dump file from its working directory
// (/data in the image, usually a volume), listens on its port with the RESP protocol, saves on
// SAVE/BGSAVE, by the default save policy (checked as commands arrive, not on a timer) and at
// shutdown, so the data outlives the container when /data does.
import type { StreamSession } from "../../net/net-stack.js";
import type { ProcessContext, Program, RunningProgram } from "../program.js";
import { envValue } from "./container-facts.js";
import { RedisStore, type StoredEntry } from "./redis-store.js";
import { KERNEL } from "./system-commands.js";
import { bulk, encodeReply, error, integer, ok, parseCommands, type Reply } from "./resp.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The magic line of our dump file; the rest is the keyspace as JSON. */
const DUMP_MAGIC = "REDIS0012";

interface Options {
  port: number;
  password: string | undefined;
  dir: string;
  dbfilename: string;
  /** Seconds/changes pairs; empty with --save "". */
  save: [number, number][];
  appendonly: boolean;
  configFile: string | undefined;
}

function parseOptions(ctx: ProcessContext): Options {
  const o: Options = { port: 6379, password: undefined, dir: ctx.cwd || "/data", dbfilename: "dump.rdb", save: [[3600, 1], [300, 100], [60, 10000]], appendonly: false, configFile: undefined };
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const value = () => args[++i] ?? "";
    if (a === "--port") o.port = Number(value());
    else if (a === "--requirepass") o.password = value();
    else if (a === "--dir") o.dir = value();
    else if (a === "--dbfilename") o.dbfilename = value();
    else if (a === "--appendonly") o.appendonly = value() === "yes";
    else if (a === "--save") {
      const words = value().trim().split(/\s+/).filter(Boolean).map(Number);
      o.save = [];
      for (let n = 0; n + 1 < words.length; n += 2) o.save.push([words[n] ?? 0, words[n + 1] ?? 0]);
    } else if (!a.startsWith("-") && i === 0) o.configFile = a;
  }
  if (!o.dir.startsWith("/")) o.dir = `${ctx.cwd.replace(/\/$/, "")}/${o.dir}`;
  return o;
}

export const redisServer: Program = (ctx) => {
  const options = parseOptions(ctx);
  const version = envValue(ctx, "REDIS_VERSION") ?? "8.2.3";
  const store = new RedisStore(() => ctx.clock.now());
  const started = ctx.clock.now();
  let lastSave = started;
  const stamp = () => {
    const d = new Date(ctx.clock.now());
    return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  };
  const log = (role: string, level: string, text: string) => ctx.stdout(`1:${role} ${stamp()} ${level} ${text}\n`);
  const dumpPath = `${options.dir.replace(/\/$/, "")}/${options.dbfilename}`;

  log("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
  log("C", "*", `Redis version=${version}, bits=64, commit=00000000, modified=1, pid=1, just started`);
  if (options.configFile === undefined) {
    log("C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf");
  } else {
    log("C", "*", "Configuration loaded");
  }
  log("M", "*", "monotonic clock: POSIX clock_gettime");
  log("M", "*", `Running mode=standalone, port=${options.port}.`);
  log("M", "*", "Server initialized");

  const save = async (): Promise<boolean> => {
    if (!ctx.fs) return false;
    const body = JSON.stringify({ version, savedAt: ctx.clock.now(), keys: store.dump() });
    try {
      await ctx.fs.mkdir(options.dir, { recursive: true });
      await ctx.fs.writeFile(dumpPath, `${DUMP_MAGIC}\n${body}\n`);
    } catch {
      log("M", "#", `Failed opening the temp RDB file temp-1.rdb (in server root dir ${options.dir}) for saving: Permission denied`);
      return false;
    }
    store.dirty = 0;
    lastSave = ctx.clock.now();
    return true;
  };

  const load = async () => {
    let text: string | undefined;
    try {
      text = ctx.fs ? await ctx.fs.readFile(dumpPath) : undefined;
    } catch {
      text = undefined;
    }
    if (text === undefined || !text.startsWith(DUMP_MAGIC)) return;
    try {
      const saved = JSON.parse(text.slice(DUMP_MAGIC.length)) as { version: string; savedAt: number; keys: StoredEntry[] };
      const now = ctx.clock.now();
      const expired = saved.keys.filter((k) => k.expiresAt !== undefined && k.expiresAt <= now).length;
      store.load(saved.keys.filter((k) => k.expiresAt === undefined || k.expiresAt > now));
      log("M", "*", `Loading RDB produced by version ${saved.version}`);
      log("M", "*", `RDB age ${Math.max(0, Math.round((now - saved.savedAt) / 1000))} seconds`);
      log("M", "*", "RDB memory usage when created 0.93 Mb");
      log("M", "*", `Done loading RDB, keys loaded: ${saved.keys.length - expired}, keys expired: ${expired}.`);
      log("M", "*", "DB loaded from disk: 0.000 seconds");
    } catch {
      log("M", "#", "Short read or OOM loading DB. Unrecoverable error, aborting now.");
    }
  };

  /** The default policy: save after N seconds if at least M keys changed. */
  const maybeSave = async () => {
    const elapsed = (ctx.clock.now() - lastSave) / 1000;
    const rule = options.save.find(([seconds, changes]) => store.dirty >= changes && elapsed >= seconds);
    if (options.appendonly && store.dirty > 0) {
      await save();
      return;
    }
    if (!rule) return;
    log("M", "*", `${store.dirty} changes in ${rule[0]} seconds. Saving...`);
    log("M", "*", "Background saving started by pid 20");
    if (await save()) {
      log("C", "*", "DB saved on disk");
      log("M", "*", "Background saving terminated with success");
    }
  };

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    if (reason) ctx.stdout(`1:signal-handler (${Math.floor(ctx.clock.now() / 1000)}) Received ${reason} scheduling shutdown...\n`);
    log("M", "*", "User requested shutdown...");
    if (options.save.length > 0 || options.appendonly) {
      log("M", "*", "Saving the final RDB snapshot before exiting.");
      if (await save()) log("M", "*", "DB saved on disk");
    }
    log("M", "#", "Redis is now ready to exit, bye bye...");
    ctx.exit(0);
  };

  const info = (section: string | undefined): string => {
    const now = ctx.clock.now();
    const uptime = Math.floor((now - started) / 1000);
    const keys = store.size();
    const sections: Record<string, string[]> = {
      server: [
        `redis_version:${version}`, "redis_git_sha1:00000000", "redis_git_dirty:1", "redis_build_id:5a1c2d6f0e3b9a47", "redis_mode:standalone",
        `os:Linux ${KERNEL.release} x86_64`, "arch_bits:64", "monotonic_clock:POSIX clock_gettime", "multiplexing_api:epoll",
        "gcc_version:12.2.0", "process_id:1", "process_supervised:no", `run_id:${(started % 1e15).toString(16).padStart(40, "7")}`,
        `tcp_port:${options.port}`, `server_time_usec:${now * 1000}`, `uptime_in_seconds:${uptime}`, `uptime_in_days:${Math.floor(uptime / 86400)}`,
        "hz:10", "configured_hz:10", `executable:${options.dir}/redis-server`, `config_file:${options.configFile ?? ""}`, "io_threads_active:0",
        `listener0:name=tcp,bind=*,bind=-::*,port=${options.port}`,
      ],
      clients: ["connected_clients:1", "cluster_connections:0", "maxclients:10000", "blocked_clients:0"],
      memory: [`used_memory:${1_000_000 + keys * 64}`, `used_memory_human:${((1_000_000 + keys * 64) / 1024 / 1024).toFixed(2)}M`, "maxmemory:0", "maxmemory_human:0B", "maxmemory_policy:noeviction"],
      persistence: ["loading:0", `rdb_changes_since_last_save:${store.dirty}`, "rdb_bgsave_in_progress:0", `rdb_last_save_time:${Math.floor(lastSave / 1000)}`, "rdb_last_bgsave_status:ok", `aof_enabled:${options.appendonly ? 1 : 0}`],
      replication: ["role:master", "connected_slaves:0"],
      keyspace: keys > 0 ? [`db0:keys=${keys},expires=${store.expiring()},avg_ttl=0,subexpiry=0`] : [],
    };
    const wanted = section === undefined || section === "all" || section === "everything" || section === "default" ? Object.keys(sections) : [section];
    return wanted
      .filter((name) => sections[name])
      .map((name) => `# ${name[0]?.toUpperCase()}${name.slice(1)}\r\n${(sections[name] ?? []).map((l) => `${l}\r\n`).join("")}`)
      .join("\r\n");
  };

  const open = (): StreamSession => {
    let buffer = "";
    let authenticated = options.password === undefined;
    let closed = false;
    const execute = async (words: string[]): Promise<Reply | undefined> => {
      const [raw = "", ...args] = words;
      const name = raw.toLowerCase();
      if (name === "auth") {
        if (options.password === undefined) return error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?");
        if (args[args.length - 1] !== options.password) return error("WRONGPASS invalid username-password pair or user is disabled.");
        authenticated = true;
        return ok;
      }
      if (!authenticated && name !== "hello") return error("NOAUTH Authentication required.");
      switch (name) {
        case "ping":
          return args[0] === undefined ? { type: "status", value: "PONG" } : bulk(args[0]);
        case "quit":
          closed = true;
          return ok;
        case "select":
          return args[0] === "0" ? ok : /^\d+$/.test(args[0] ?? "") && Number(args[0]) < 16 ? ok : error("ERR DB index is out of range");
        case "info":
          return bulk(info(args[0]?.toLowerCase()));
        case "save":
          return (await save()) ? ok : error("ERR");
        case "bgsave":
          log("M", "*", "Background saving started by pid 21");
          void save().then((done) => {
            if (!done) return;
            log("C", "*", "DB saved on disk");
            log("M", "*", "Background saving terminated with success");
          });
          return { type: "status", value: "Background saving started" };
        case "lastsave":
          return integer(Math.floor(lastSave / 1000));
        case "time": {
          const now = ctx.clock.now();
          return { type: "array", value: [bulk(String(Math.floor(now / 1000))), bulk(String((now % 1000) * 1000))] };
        }
        case "shutdown":
          void shutdown("");
          return undefined;
        case "client":
        case "config":
          if (name === "config" && args[0]?.toLowerCase() === "get") return { type: "array", value: [] };
          return args[0]?.toLowerCase() === "getname" ? bulk(null) : ok;
        case "command":
          return { type: "array", value: [] };
      }
      const reply = store.run(name, args);
      if (reply) return reply;
      const shown = args.slice(0, 20).map((a) => `'${a}' `).join("");
      return error(`ERR unknown command '${raw}', with args beginning with: ${shown}`);
    };
    return {
      async send(data) {
        if (closed || ctx.exited) return "";
        const parsed = parseCommands(buffer + data);
        buffer = parsed.rest;
        let out = "";
        for (const words of parsed.commands) {
          const reply = await execute(words);
          if (reply) out += encodeReply(reply);
          await maybeSave();
          if (closed) break;
        }
        return out;
      },
      close() {
        closed = true;
      },
    };
  };

  const net = ctx.net;
  let stopListening: (() => void) | undefined;
  void load().then(() => {
    if (ctx.exited) return;
    log("M", "*", "Ready to accept connections tcp");
    if (net && net.peer.kind === "container") stopListening = net.stack.listen(net.peer.id, options.port, { kind: "stream", open });
  });

  const program: RunningProgram = {
    signal(name) {
      if (name !== "SIGTERM" && name !== "SIGINT") return false;
      void shutdown(name);
      return true;
    },
    kill() {
      stopListening?.();
    },
  };
  return program;
};
