// Where the headless CLI connects: -H/--host, else DOCKER_HOST, else the default socket, each
// normalised as docker/cli's opts.ParseHost does, since that normalised form is what its
// messages quote ("Cannot connect to the Docker daemon at tcp://localhost:2375. ...").

export const defaultUnixSocket = "/var/run/docker.sock";
export const defaultDockerHost = `unix://${defaultUnixSocket}`;
const defaultTcpHost = "localhost";
const defaultTcpPort = "2375";

/** A normalised host and how to dial it. */
export type DockerEndpoint =
  | { host: string; kind: "unix"; socketPath: string }
  | { host: string; kind: "tcp"; hostname: string; port: number; basePath: string };

/** Go's net.JoinHostPort: brackets around IPv6 literals. */
function joinHostPort(host: string, port: string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** opts.ParseTCPAddr over url.Parse: default host and port filled in, the path kept. */
function parseTcp(address: string): string {
  const slash = address.indexOf("/");
  const authority = slash < 0 ? address : address.slice(0, slash);
  const path = slash < 0 ? "" : address.slice(slash);
  let host = authority;
  let port = "";
  const bracketed = /^\[([^\]]*)\](.*)$/.exec(authority);
  const colonPort = bracketed ? (bracketed[2] ?? "") : authority.includes(":") ? authority.slice(authority.lastIndexOf(":")) : "";
  if (bracketed) host = bracketed[1] ?? "";
  else if (authority.includes(":")) host = authority.slice(0, authority.lastIndexOf(":"));
  if (colonPort !== "") {
    if (!/^:\d*$/.test(colonPort)) throw new Error(`parse "tcp://${address}": invalid port "${colonPort}" after host`);
    port = colonPort.slice(1);
  }
  return `tcp://${joinHostPort(host || defaultTcpHost, port || defaultTcpPort)}${path}`;
}

/**
 * opts.ParseHost: "" is the default socket; "HOST:PORT" means tcp; unix:// without a path is
 * the default socket. Throws with docker's wording for what it cannot parse.
 */
export function parseDockerHost(value: string): string {
  const host = value.trim();
  if (host === "") return defaultDockerHost;
  const cut = host.indexOf("://");
  const proto = cut < 0 ? "tcp" : host.slice(0, cut);
  const rest = cut < 0 ? host : host.slice(cut + 3);
  switch (proto) {
    case "tcp":
      return parseTcp(rest);
    case "unix": {
      if (rest.includes("://")) throw new Error(`invalid proto, expected unix: ${rest}`);
      return `unix://${rest || defaultUnixSocket}`;
    }
    case "fd":
      throw new Error("unable to parse docker host `fd://`");
    case "ssh":
    case "npipe":
      throw new Error(`${proto}:// hosts are not supported by docker-playground`);
    default:
      throw new Error(`invalid bind address format: ${host}`);
  }
}

/** How to dial a host parseDockerHost returned. */
export function dockerEndpoint(host: string): DockerEndpoint {
  if (host.startsWith("unix://")) return { host, kind: "unix", socketPath: host.slice("unix://".length) };
  const match = /^tcp:\/\/(\[[^\]]*\]|[^:/]*):(\d+)(\/.*)?$/.exec(host);
  if (!match) throw new Error(`invalid bind address format: ${host}`);
  const hostname = (match[1] ?? "").replace(/^\[|\]$/g, "");
  return { host, kind: "tcp", hostname, port: Number(match[2]), basePath: (match[3] ?? "").replace(/\/+$/, "") };
}

// The global flags that take a value (-c/--context, -l/--log-level, --config, -H/--host).
const valueFlags = new Set(["--config", "--context", "--log-level", "--host"]);
const valueShorthands = new Set(["c", "l", "H"]);

/** The -H/--host values among the global flags before the command name, in pflag's forms. */
export function hostFlags(argv: string[]): string[] {
  const hosts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("-") || arg === "-" || arg === "--") break;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!valueFlags.has(name)) continue;
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (name === "--host" && value !== undefined) hosts.push(value);
      continue;
    }
    // A cluster of shorthands (-DH x): the first one taking a value takes the rest, or the next argument.
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j] ?? "";
      if (!valueShorthands.has(c)) continue;
      const inline = arg.slice(j + 1).replace(/^=/, "");
      const value = inline !== "" ? inline : argv[++i];
      if (c === "H" && value !== undefined) hosts.push(value);
      break;
    }
  }
  return hosts;
}

/**
 * The host the CLI connects to, or the message docker prints before running a command that
 * needs the daemon ("Failed to initialize: ...").
 */
export function resolveDockerHost(argv: string[], env: Record<string, string | undefined>): { host: string } | { error: string } {
  const flags = hostFlags(argv);
  if (flags.length > 1) return { error: "Failed to initialize: unable to resolve docker endpoint: Specify only one -H" };
  try {
    return { host: parseDockerHost(flags[0] ?? env["DOCKER_HOST"] ?? "") };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message.startsWith("unable to parse") ? `Failed to initialize: ${message}` : `Failed to initialize: unable to resolve docker endpoint: ${message}` };
  }
}
