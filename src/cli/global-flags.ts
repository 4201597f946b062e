// The flags `docker` itself takes before the command (cli/flags/options.go), with the defaults
// docker derives from the environment: the config directory and the TLS files in it.
import type { FlagSpec } from "./flags/flag-spec.js";

function join(dir: string, name: string): string {
  return dir === "" ? name : `${dir.replace(/\/+$/, "")}/${name}`;
}

/** config.Dir(): $DOCKER_CONFIG, else ~/.docker. */
export function configDir(env: Readonly<Record<string, string>>): string {
  return env.DOCKER_CONFIG || join(env.HOME ?? "", ".docker");
}

export function globalFlags(env: Readonly<Record<string, string>>): FlagSpec[] {
  const config = configDir(env);
  const certs = env.DOCKER_CERT_PATH || config;
  const quoted = (text: string) => JSON.stringify(text);
  return [
    { name: "config", kind: "string", defaultText: quoted(config), usage: "Directory holding the client's configuration files" },
    {
      name: "context",
      short: "c",
      kind: "string",
      usage: 'Context to talk to; wins over the DOCKER_HOST variable and over the context picked with "docker context use"',
    },
    { name: "debug", short: "D", kind: "bool", usage: "Turn on debug output" },
    { name: "host", short: "H", kind: "list", usage: "Daemon socket to talk to" },
    {
      name: "log-level",
      short: "l",
      kind: "string",
      defaultText: quoted("info"),
      usage: 'How much the client logs ("debug", "info", "warn", "error", "fatal")',
    },
    { name: "tls", kind: "bool", ...(env.DOCKER_TLS ? { defaultText: "true" } : {}), usage: "Talk to the daemon over TLS (--tlsverify implies it)" },
    { name: "tlscacert", kind: "string", defaultText: quoted(join(certs, "ca.pem")), usage: "Accept only certificates signed by this CA" },
    { name: "tlscert", kind: "string", defaultText: quoted(join(certs, "cert.pem")), usage: "Client TLS certificate" },
    { name: "tlskey", kind: "string", defaultText: quoted(join(certs, "key.pem")), usage: "Client TLS key" },
    { name: "tlsverify", kind: "bool", ...(env.DOCKER_TLS_VERIFY ? { defaultText: "true" } : {}), usage: "Talk over TLS and check the daemon's certificate" },
    { name: "version", short: "v", kind: "bool", usage: "Print the client's version and exit" },
  ];
}
