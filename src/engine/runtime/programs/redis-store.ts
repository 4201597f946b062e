// Redis's keyspace and the commands learners use on it: strings and counters, expiry on the engine
// clock (checked lazily, as Redis does on access), lists, hashes, sets, and the keyspace
// commands. Replies and error texts are Redis 8's.
import { array, bulk, error, integer, nil, ok, type Reply } from "./resp.js";

export type Value =
  | { type: "string"; value: string }
  | { type: "list"; value: string[] }
  | { type: "hash"; value: Map<string, string> }
  | { type: "set"; value: Set<string> };

interface Entry {
  data: Value;
  /** Engine-clock ms, or undefined for no expiry. */
  expiresAt?: number | undefined;
}

export interface StoredEntry {
  key: string;
  type: Value["type"];
  value: string | string[] | [string, string][];
  expiresAt?: number;
}

const WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");
const NOT_INTEGER = error("ERR value is not an integer or out of range");
const SYNTAX = error("ERR syntax error");

const arity: Record<string, number> = {
  get: 2, set: -3, del: -2, exists: -2, incr: 2, decr: 2, incrby: 3, decrby: 3, expire: 3, pexpire: 3, ttl: 2, pttl: 2,
  persist: 2, keys: 2, lpush: -3, rpush: -3, lpop: -2, rpop: -2, lrange: 4, llen: 2, hset: -4, hget: 3, hgetall: 2,
  hdel: -3, hkeys: 2, hvals: 2, hexists: 3, hlen: 2, sadd: -3, srem: -3, smembers: 2, sismember: 3, scard: 2, type: 2,
  mset: -3, mget: -2, append: 3, strlen: 2, setnx: 3, setex: 4, getdel: 2, echo: 2, dbsize: 1, flushall: -1, flushdb: -1,
  rename: 3, randomkey: 1,
};

function globToRegExp(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? "";
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const end = pattern.indexOf("]", i);
      if (end < 0) out += "\\[";
      else {
        out += `[${pattern.slice(i + 1, end).replace(/^\^/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) out += `\\${pattern[++i] ?? ""}`;
    else out += c.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "s");
}

const isInteger = (s: string) => /^-?\d+$/.test(s) && Math.abs(Number(s)) <= Number.MAX_SAFE_INTEGER;

export class RedisStore {
  private readonly keys = new Map<string, Entry>();
  /** Writes since the last save, for the save policy and INFO. */
  dirty = 0;

  constructor(private readonly now: () => number) {}

  private live(key: string): Entry | undefined {
    const entry = this.keys.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.keys.delete(key);
      return undefined;
    }
    return entry;
  }

  size(): number {
    for (const key of [...this.keys.keys()]) this.live(key);
    return this.keys.size;
  }

  expiring(): number {
    return [...this.keys.values()].filter((e) => e.expiresAt !== undefined).length;
  }

  private typed<T extends Value["type"]>(key: string, type: T): Extract<Value, { type: T }> | undefined | "wrong" {
    const entry = this.live(key);
    if (!entry) return undefined;
    return entry.data.type === type ? (entry.data as Extract<Value, { type: T }>) : "wrong";
  }

  private write(key: string, data: Value, expiresAt?: number): void {
    this.keys.set(key, { data, expiresAt });
    this.dirty++;
  }

  private incrBy(key: string, by: number): Reply {
    const current = this.typed(key, "string");
    if (current === "wrong") return WRONGTYPE;
    const value = current?.value ?? "0";
    if (!isInteger(value)) return NOT_INTEGER;
    const next = Number(value) + by;
    const expiresAt = this.live(key)?.expiresAt;
    this.write(key, { type: "string", value: String(next) }, expiresAt);
    return integer(next);
  }

  private set(args: string[]): Reply {
    const [key = "", value = ""] = args;
    let expiresAt: number | undefined;
    let keep = false;
    let mode: "nx" | "xx" | undefined;
    let get = false;
    for (let i = 2; i < args.length; i++) {
      const option = (args[i] ?? "").toLowerCase();
      if (option === "ex" || option === "px") {
        const amount = args[++i];
        if (amount === undefined || !isInteger(amount) || Number(amount) <= 0) return amount === undefined ? SYNTAX : error("ERR invalid expire time in 'set' command");
        expiresAt = this.now() + Number(amount) * (option === "ex" ? 1000 : 1);
      } else if (option === "nx" || option === "xx") mode = option;
      else if (option === "keepttl") keep = true;
      else if (option === "get") get = true;
      else return SYNTAX;
    }
    const existing = this.live(key);
    const previous = get ? (existing?.data.type === "string" ? bulk(existing.data.value) : existing ? WRONGTYPE : nil) : undefined;
    if ((mode === "nx" && existing) || (mode === "xx" && !existing)) return previous ?? nil;
    this.write(key, { type: "string", value }, keep ? existing?.expiresAt : expiresAt);
    return previous ?? ok;
  }

  private list(args: string[], name: string): Reply {
    const key = args[0] ?? "";
    const current = this.typed(key, "list");
    if (current === "wrong") return WRONGTYPE;
    const items = current?.value ?? [];
    switch (name) {
      case "lpush":
      case "rpush":
        for (const item of args.slice(1)) {
          if (name === "lpush") items.unshift(item);
          else items.push(item);
        }
        this.write(key, { type: "list", value: items }, this.live(key)?.expiresAt);
        return integer(items.length);
      case "lpop":
      case "rpop": {
        if (!current) return nil;
        const item = name === "lpop" ? items.shift() : items.pop();
        if (items.length === 0) this.keys.delete(key);
        this.dirty++;
        return bulk(item ?? null);
      }
      case "llen":
        return integer(items.length);
      default: {
        const [startText = "0", stopText = "-1"] = args.slice(1);
        if (!isInteger(startText) || !isInteger(stopText)) return NOT_INTEGER;
        let start = Number(startText);
        let stop = Number(stopText);
        if (start < 0) start = Math.max(0, items.length + start);
        if (stop < 0) stop = items.length + stop;
        return array(items.slice(start, stop + 1));
      }
    }
  }

  private hash(args: string[], name: string): Reply {
    const key = args[0] ?? "";
    const current = this.typed(key, "hash");
    if (current === "wrong") return WRONGTYPE;
    const fields = current?.value ?? new Map<string, string>();
    switch (name) {
      case "hset": {
        if (args.length % 2 === 0) return error("ERR wrong number of arguments for 'hset' command");
        let added = 0;
        for (let i = 1; i < args.length; i += 2) {
          if (!fields.has(args[i] ?? "")) added++;
          fields.set(args[i] ?? "", args[i + 1] ?? "");
        }
        this.write(key, { type: "hash", value: fields }, this.live(key)?.expiresAt);
        return integer(added);
      }
      case "hget":
        return bulk(fields.get(args[1] ?? "") ?? null);
      case "hgetall":
        return array([...fields].flat());
      case "hkeys":
        return array([...fields.keys()]);
      case "hvals":
        return array([...fields.values()]);
      case "hlen":
        return integer(fields.size);
      case "hexists":
        return integer(fields.has(args[1] ?? "") ? 1 : 0);
      default: {
        let removed = 0;
        for (const field of args.slice(1)) if (fields.delete(field)) removed++;
        if (fields.size === 0) this.keys.delete(key);
        this.dirty += removed;
        return integer(removed);
      }
    }
  }

  private set_(args: string[], name: string): Reply {
    const key = args[0] ?? "";
    const current = this.typed(key, "set");
    if (current === "wrong") return WRONGTYPE;
    const members = current?.value ?? new Set<string>();
    switch (name) {
      case "sadd": {
        const before = members.size;
        for (const m of args.slice(1)) members.add(m);
        this.write(key, { type: "set", value: members }, this.live(key)?.expiresAt);
        return integer(members.size - before);
      }
      case "srem": {
        let removed = 0;
        for (const m of args.slice(1)) if (members.delete(m)) removed++;
        if (members.size === 0) this.keys.delete(key);
        this.dirty += removed;
        return integer(removed);
      }
      case "smembers":
        return array([...members]);
      case "sismember":
        return integer(members.has(args[1] ?? "") ? 1 : 0);
      default:
        return integer(members.size);
    }
  }

  /** Runs one command; undefined when the name is not a keyspace command. */
  run(name: string, args: string[]): Reply | undefined {
    const expected = arity[name];
    if (expected === undefined) return undefined;
    if ((expected > 0 && args.length + 1 !== expected) || (expected < 0 && args.length + 1 < -expected)) {
      return error(`ERR wrong number of arguments for '${name}' command`);
    }
    const [key = "", second = ""] = args;
    const now = this.now();
    switch (name) {
      case "get": {
        const found = this.typed(key, "string");
        return found === "wrong" ? WRONGTYPE : bulk(found?.value ?? null);
      }
      case "getdel": {
        const found = this.typed(key, "string");
        if (found === "wrong") return WRONGTYPE;
        if (found) this.run("del", [key]);
        return bulk(found?.value ?? null);
      }
      case "set":
        return this.set(args);
      case "setnx":
        return this.set([key, second, "nx"]).type === "status" ? integer(1) : integer(0);
      case "setex":
        return isInteger(second) ? this.set([key, args[2] ?? "", "ex", second]) : NOT_INTEGER;
      case "mset":
        if (args.length % 2 !== 0) return error("ERR wrong number of arguments for 'mset' command");
        for (let i = 0; i < args.length; i += 2) this.write(args[i] ?? "", { type: "string", value: args[i + 1] ?? "" });
        return ok;
      case "mget":
        return array(args.map((k) => {
          const found = this.typed(k, "string");
          return found && found !== "wrong" ? found.value : null;
        }));
      case "append": {
        const found = this.typed(key, "string");
        if (found === "wrong") return WRONGTYPE;
        const value = (found?.value ?? "") + second;
        this.write(key, { type: "string", value }, this.live(key)?.expiresAt);
        return integer(value.length);
      }
      case "strlen": {
        const found = this.typed(key, "string");
        return found === "wrong" ? WRONGTYPE : integer(found?.value.length ?? 0);
      }
      case "del": {
        let removed = 0;
        for (const k of args) if (this.live(k) && this.keys.delete(k)) removed++;
        this.dirty += removed;
        return integer(removed);
      }
      case "exists":
        return integer(args.filter((k) => this.live(k)).length);
      case "incr":
        return this.incrBy(key, 1);
      case "decr":
        return this.incrBy(key, -1);
      case "incrby":
      case "decrby":
        return isInteger(second) ? this.incrBy(key, name === "incrby" ? Number(second) : -Number(second)) : NOT_INTEGER;
      case "expire":
      case "pexpire": {
        if (!isInteger(second)) return NOT_INTEGER;
        const entry = this.live(key);
        if (!entry) return integer(0);
        entry.expiresAt = now + Number(second) * (name === "expire" ? 1000 : 1);
        this.dirty++;
        this.live(key);
        return integer(1);
      }
      case "persist": {
        const entry = this.live(key);
        if (entry?.expiresAt === undefined) return integer(0);
        entry.expiresAt = undefined;
        return integer(1);
      }
      case "ttl":
      case "pttl": {
        const entry = this.live(key);
        if (!entry) return integer(-2);
        if (entry.expiresAt === undefined) return integer(-1);
        const left = entry.expiresAt - now;
        return integer(name === "ttl" ? Math.round(left / 1000) : left);
      }
      case "type":
        return { type: "status", value: this.live(key)?.data.type ?? "none" };
      case "keys": {
        const match = globToRegExp(key);
        return array([...this.keys.keys()].filter((k) => this.live(k) && match.test(k)));
      }
      case "randomkey":
        return bulk([...this.keys.keys()].find((k) => this.live(k)) ?? null);
      case "rename": {
        const entry = this.live(key);
        if (!entry) return error("ERR no such key");
        this.keys.delete(key);
        this.keys.set(second, entry);
        this.dirty++;
        return ok;
      }
      case "dbsize":
        return integer(this.size());
      case "flushall":
      case "flushdb":
        this.dirty += this.keys.size;
        this.keys.clear();
        return ok;
      case "echo":
        return bulk(key);
      case "lpush":
      case "rpush":
      case "lpop":
      case "rpop":
      case "lrange":
      case "llen":
        return this.list(args, name);
      case "hset":
      case "hget":
      case "hgetall":
      case "hdel":
      case "hkeys":
      case "hvals":
      case "hexists":
      case "hlen":
        return this.hash(args, name);
      default:
        return this.set_(args, name);
    }
  }

  /** The keyspace as plain data, for the dump file. */
  dump(): StoredEntry[] {
    this.size();
    return [...this.keys].map(([key, { data, expiresAt }]) => {
      const value = data.type === "string" ? data.value : data.type === "hash" ? [...data.value] : [...data.value];
      return { key, type: data.type, value, ...(expiresAt !== undefined ? { expiresAt } : {}) };
    });
  }

  load(entries: StoredEntry[]): void {
    for (const e of entries) {
      const data: Value =
        e.type === "string" ? { type: "string", value: String(e.value) }
        : e.type === "list" ? { type: "list", value: e.value as string[] }
        : e.type === "hash" ? { type: "hash", value: new Map(e.value as [string, string][]) }
        : { type: "set", value: new Set(e.value as string[]) };
      this.keys.set(e.key, { data, expiresAt: e.expiresAt });
    }
  }
}
