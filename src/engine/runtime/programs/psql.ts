// psql and pg_isready. psql connects through the Unix socket of its own container (no -h) or
// over the network (-h db), speaking PostgreSQL's protocol (pg-client.ts), authenticates as the
// server's pg_hba.conf asks (trust locally, SCRAM from another host), then runs -c commands, a
// piped script, or its interactive prompt (`postgres=# `) with the backslash commands learners
// use (\dt, \d, \l, \c, \q), which become catalog queries as in real psql (psql-describe.ts).
import { sha256Hex } from "../../digest/index.js";
import type { ProcessContext } from "../program.js";
import type { CommandIo, Out } from "./command-io.js";
import { envValue, usesMusl } from "./container-facts.js";
import { identityOf } from "./identity.js";
import { PgClient } from "./pg-client.js";
import { POSTGRES_PORT, SOCKET } from "./postgres.js";
import { describeList, describeTable, type Described } from "./psql-describe.js";
import { formatError, formatTable } from "./psql-format.js";

interface PsqlOptions {
  host: string | undefined;
  port: number;
  user: string | undefined;
  database: string | undefined;
  password: string | undefined;
  commands: string[];
  file: string | undefined;
  tuplesOnly: boolean;
  unaligned: boolean;
  quiet: boolean;
  list: boolean;
  version: boolean;
}

function parse(ctx: ProcessContext, args: string[]): PsqlOptions {
  const o: PsqlOptions = {
    host: envValue(ctx, "PGHOST"), port: Number(envValue(ctx, "PGPORT") ?? POSTGRES_PORT), user: envValue(ctx, "PGUSER"),
    database: envValue(ctx, "PGDATABASE"), password: envValue(ctx, "PGPASSWORD"), commands: [], file: undefined,
    tuplesOnly: false, unaligned: false, quiet: false, list: false, version: false,
  };
  const positional: string[] = [];
  const valued: Record<string, (value: string) => void> = {
    h: (v) => (o.host = v), p: (v) => (o.port = Number(v)), U: (v) => (o.user = v), d: (v) => (o.database = v),
    c: (v) => o.commands.push(v), f: (v) => (o.file = v), v: () => undefined,
  };
  const switches: Record<string, () => void> = {
    t: () => (o.tuplesOnly = true), A: () => (o.unaligned = true), q: () => (o.quiet = true), l: () => (o.list = true),
    V: () => (o.version = true), X: () => undefined, w: () => undefined, W: () => undefined,
  };
  const longNames: Record<string, string> = {
    host: "h", port: "p", username: "U", dbname: "d", command: "c", file: "f", set: "v",
    "tuples-only": "t", "no-align": "A", quiet: "q", list: "l", version: "V",
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const long = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (long) {
      const short = longNames[long[1] ?? ""];
      if (short && valued[short]) valued[short](long[2] ?? args[++i] ?? "");
      else if (short) switches[short]?.();
      continue;
    }
    if (!a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    // Clustered flags (-tAc "select 1"): switches, then at most one flag that takes a value.
    for (let j = 1; j < a.length; j++) {
      const flag = a[j] ?? "";
      const takes = valued[flag];
      if (takes) {
        takes(j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? ""));
        break;
      }
      switches[flag]?.();
    }
  }
  const uri = positional[0] !== undefined ? /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]*)(?::(\d+))?(?:\/([^?]*))?/.exec(positional[0]) : null;
  if (uri) {
    o.user = uri[1] || o.user;
    o.password = uri[2] ?? o.password;
    o.host = uri[3] || o.host;
    o.port = Number(uri[4] ?? o.port);
    o.database = uri[5] || o.database;
  } else {
    o.database ??= positional[0];
    o.user ??= positional[1];
  }
  return o;
}

/** The client's version as the banner and --version show it. */
function clientVersion(ctx: ProcessContext): string {
  const version = envValue(ctx, "PG_VERSION");
  if (version) return usesMusl(ctx) ? version : `${version.replace(/-.*/, "")} (Debian ${version.includes("-") ? version : `${version}-1.pgdg13+1`})`;
  return usesMusl(ctx) ? "17.6" : "17.5 (Debian 17.5-1)";
}

interface Connection {
  client: PgClient;
  where: string;
  superuser: boolean;
  server: string;
  user: string;
  database: string;
  local: boolean;
  address: string | undefined;
}

type Connected = { ok: true; connection: Connection } | { ok: false; message: string; needsPassword?: boolean };

async function connect(ctx: ProcessContext, o: PsqlOptions, user: string, database: string, password: string | undefined): Promise<Connected> {
  const net = ctx.net;
  const socket = o.host === undefined || o.host.startsWith("/");
  const host = socket ? "127.0.0.1" : (o.host as string);
  const found = net?.stack.resolve(net.peer, host);
  if (!net || !found?.ok) return { ok: false, message: `could not translate host name "${host}" to address: ${usesMusl(ctx) ? "Name does not resolve" : "Name or service not known"}` };
  const where = socket ? `connection to server on socket "${SOCKET}" failed` : `connection to server at "${host}" (${found.address}), port ${o.port} failed`;
  const link = net.stack.connect(net.peer, found.address, o.port);
  if (!link.ok || link.listener.kind !== "stream") {
    if (link.ok || link.error === "refused") {
      return {
        ok: false,
        message: socket
          ? `${where}: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`
          : `${where}: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
      };
    }
    await ctx.sleep(130_000);
    return { ok: false, message: `${where}: Connection timed out\n\tIs the server running on that host and accepting TCP/IP connections?` };
  }
  // The Unix socket is "[local]" to the server, which pg_hba.conf trusts.
  const session = link.listener.open(socket ? "[local]" : link.remoteAddress);
  const nonce = sha256Hex(`psql:${ctx.hostname}:${ctx.clock.now()}:${user}`).slice(0, 24);
  const opened = await PgClient.connect(session, { user, database, application_name: "psql", client_encoding: "UTF8" }, password, nonce);
  if (!opened.ok) {
    session.close();
    return { ok: false, message: `${where}: ${opened.message}`, ...(opened.needsPassword ? { needsPassword: true } : {}) };
  }
  return { ok: true, connection: { client: opened.client, where, superuser: opened.superuser, server: opened.server, user, database, local: socket, address: socket ? undefined : found.address } };
}

class Psql {
  out = "";
  err = "";
  failed = false;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly o: PsqlOptions,
    public connection: Connection,
    private readonly interactive: CommandIo | undefined,
  ) {}

  private print(text: string): void {
    if (this.interactive) this.interactive.write(text);
    else this.out += text;
  }

  private printError(text: string): void {
    if (this.interactive) this.interactive.writeError(text);
    else this.err += text;
  }

  async query(sql: string, prefix = ""): Promise<boolean> {
    const reply = await this.connection.client.query(sql);
    // Like psql: rows when the statement returned rows, its command tag otherwise.
    for (const result of reply.results) {
      if (result.result) this.print(formatTable(result.result, this.o));
      else if (!this.o.quiet) this.print(`${result.tag}\n`);
    }
    if (reply.error) {
      this.failed = true;
      this.printError(formatError(reply.error.message, sql, reply.error.at, reply.error.detail, prefix));
      return false;
    }
    return true;
  }

  /** A backslash command; false to quit. */
  async meta(line: string): Promise<boolean> {
    const [command = "", ...args] = line.trim().slice(1).split(/\s+/);
    const show = (described: Described | undefined, empty: string) => {
      if (!described || (described.set.rows.length === 0 && empty)) this.printError(`${empty}\n`);
      else this.print(formatTable(described.set, { ...this.o, title: described.title, footer: described.footer }));
    };
    const client = this.connection.client;
    switch (command) {
      case "q":
        return false;
      case "dt":
      case "dt+":
        show(await describeList(client, "tables"), "Did not find any relations.");
        break;
      case "d":
        if (args[0] === undefined) show(await describeList(client, "tables"), "Did not find any relations.");
        else show(await describeTable(client, args[0]), `Did not find any relation named "${args[0]}".`);
        break;
      case "l":
      case "list":
        show(await describeList(client, "databases"), "");
        break;
      case "du":
        show(await describeList(client, "roles"), "");
        break;
      case "c":
      case "connect": {
        const database = args[0] ?? this.connection.database;
        const next = await connect(this.ctx, this.o, args[1] ?? this.connection.user, database, this.o.password);
        if (!next.ok) {
          this.printError(`${next.message.replace(/^connection to server .* failed: /, "connection to server failed: ")}\nPrevious connection kept\n`);
          break;
        }
        this.connection.client.close();
        this.connection = next.connection;
        this.print(`You are now connected to database "${database}" as user "${this.connection.user}".\n`);
        break;
      }
      case "conninfo":
        this.print(
          this.connection.local
            ? `You are connected to database "${this.connection.database}" as user "${this.connection.user}" via socket in "/var/run/postgresql" at port "${this.o.port}".\n`
            : `You are connected to database "${this.connection.database}" as user "${this.connection.user}" on host "${this.o.host ?? ""}" (address "${this.connection.address ?? ""}") at port "${this.o.port}".\n`,
        );
        break;
      case "?":
      case "h":
        this.print("The playground's psql knows \\dt, \\d TABLE, \\l, \\du, \\c DATABASE, \\conninfo and \\q,\nand SQL statements ended with a semicolon.\n");
        break;
      default:
        this.printError(`invalid command \\${command}\nTry \\? for help.\n`);
    }
    return true;
  }

  /**
   * A script (piped or -f): statements in order, each sent at its semicolon, errors prefixed with
   * the file and line; psql carries on after an error.
   */
  async script(text: string, source: string): Promise<void> {
    let buffer = "";
    const lines = text.split("\n");
    for (const [i, line] of lines.entries()) {
      if (buffer.trim() === "" && line.trim().startsWith("\\")) {
        if (!(await this.meta(line))) return;
        continue;
      }
      buffer += `${line}\n`;
      if (!line.trim().endsWith(";")) continue;
      await this.query(buffer.trim(), `psql:${source}:${i + 1}: `);
      buffer = "";
    }
    if (buffer.trim()) await this.query(buffer.trim(), `psql:${source}:${lines.length}: `);
  }

  prompt(continuation: boolean): string {
    return `${this.connection.database}${continuation ? "-" : "="}${this.connection.superuser ? "#" : ">"} `;
  }
}

export async function psql(ctx: ProcessContext, args: string[], io: CommandIo): Promise<Out> {
  const o = parse(ctx, args);
  if (o.version) return { stdout: `psql (PostgreSQL) ${clientVersion(ctx)}\n`, stderr: "", exitCode: 0 };
  const user = o.user ?? (await identityOf(ctx)).user ?? "root";
  const database = o.database ?? user;
  let connected = await connect(ctx, o, user, database, o.password);
  if (!connected.ok && connected.needsPassword && ctx.tty) {
    io.write(`Password for user ${user}: `);
    const typed = await io.readLine();
    connected = await connect(ctx, o, user, database, typed?.replace(/\r?\n$/, "") ?? "");
  }
  if (!connected.ok) return { stdout: "", stderr: `psql: error: ${connected.message}\n`, exitCode: 2 };
  const piped = o.commands.length === 0 && o.file === undefined && !o.list ? await io.readAll() : "";
  const interactive = o.commands.length === 0 && o.file === undefined && !o.list && piped === "" && ctx.tty;
  const tool = new Psql(ctx, o, connected.connection, interactive ? io : undefined);
  if (o.list) await tool.meta("\\l");
  for (const command of o.commands) {
    if (command.trim().startsWith("\\")) await tool.meta(command);
    else if (!(await tool.query(command))) break;
  }
  if (o.file !== undefined) {
    const path = o.file.startsWith("/") ? o.file : `${ctx.cwd.replace(/\/$/, "")}/${o.file}`;
    let text: string | undefined;
    try {
      text = await ctx.fs?.readFile(path);
    } catch {
      text = undefined;
    }
    if (text === undefined) return { stdout: tool.out, stderr: `${tool.err}psql: error: ${o.file}: No such file or directory\n`, exitCode: 1 };
    await tool.script(text, o.file);
  }
  if (piped) await tool.script(piped, "<stdin>");
  if (interactive) {
    const server = connected.connection.server;
    const client = clientVersion(ctx);
    const banner = server.split(".")[0] === client.split(".")[0] && server === client ? client : `${client}, server ${server}`;
    io.write(`psql (${banner})\nType "help" for help.\n\n`);
    let buffer = "";
    for (;;) {
      io.write(tool.prompt(buffer.trim() !== ""));
      const line = await io.readLine();
      if (line === null) {
        io.write("\\q\n");
        break;
      }
      const text = line.replace(/\r?\n$/, "");
      if (buffer.trim() === "" && text.trim().startsWith("\\")) {
        if (!(await tool.meta(text))) break;
        continue;
      }
      if (buffer.trim() === "" && text.trim() === "help") {
        io.write('You are using psql, the command-line interface to PostgreSQL.\nType:  \\copyright for distribution terms\n       \\h for help with SQL commands\n       \\? for help with psql commands\n       \\g or terminate with semicolon to execute query\n       \\q to quit\n');
        continue;
      }
      buffer += `${text}\n`;
      if (!text.trim().endsWith(";")) continue;
      await tool.query(buffer.trim());
      buffer = "";
    }
  }
  tool.connection.client.close();
  return { stdout: tool.out, stderr: tool.err, exitCode: tool.failed && !interactive ? 1 : 0 };
}

export async function pgIsReady(ctx: ProcessContext, args: string[]): Promise<Out> {
  const o = parse(ctx, args.filter((a) => a !== "-q"));
  const quiet = args.includes("-q") || args.includes("--quiet");
  const place = o.host === undefined || o.host.startsWith("/") ? `${o.host ?? "/var/run/postgresql"}:${o.port}` : `${o.host}:${o.port}`;
  const net = ctx.net;
  const host = o.host === undefined || o.host.startsWith("/") ? "127.0.0.1" : o.host;
  const found = net?.stack.resolve(net.peer, host);
  const link = net && found?.ok ? net.stack.connect(net.peer, found.address, o.port) : undefined;
  const accepting = link?.ok === true && link.listener.kind === "stream";
  return { stdout: quiet ? "" : `${place} - ${accepting ? "accepting connections" : "no response"}\n`, stderr: "", exitCode: accepting ? 0 : 2 };
}
