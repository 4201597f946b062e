// Programs a package can install that the playground only partly provides: editors (a terminal
// here cannot host a full-screen program, so they say so and suggest another way), git (its
// version), and the DNS tools dig and host over the container's resolver.
import type { ProcessContext } from "../program.js";
import { usesMusl } from "./container-facts.js";

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function editor(name: string, args: string[]): Out {
  if (args.includes("--version") || args.includes("-v") && name === "vim") {
    return { stdout: name === "nano" ? " GNU nano, version 8.4\n" : "VIM - Vi IMproved 9.1\n", stderr: "", exitCode: 0 };
  }
  const file = args.find((a) => !a.startsWith("-") && !a.startsWith("+"));
  const target = file ?? "FILE";
  return {
    stdout: "",
    stderr:
      `${name}: full-screen editors do not run in this playground's terminal.\n` +
      `To write ${file ? `'${file}'` : "a file"}, use a here-document:  cat > ${target} <<'EOF'  (then the lines, then EOF)\n` +
      `or edit it on the host and copy it in:  docker cp ${target} <container>:${file?.startsWith("/") ? file : `/path/${target}`}\n`,
    exitCode: 1,
  };
}

export function git(ctx: ProcessContext, args: string[]): Out {
  const version = usesMusl(ctx) ? "2.49.1" : "2.47.2";
  if (args[0] === "--version" || args[0] === "version") return { stdout: `git version ${version}\n`, stderr: "", exitCode: 0 };
  if (args.length === 0) {
    return { stdout: "usage: git [-v | --version] [-h | --help] [-C <path>] [-c <name>=<value>]\n           <command> [<args>]\n", stderr: "", exitCode: 1 };
  }
  return { stdout: "", stderr: `git ${args[0]}: only \`git --version\` works in this playground; its git is a stand-in.\n`, exitCode: 1 };
}

function lookup(ctx: ProcessContext, name: string): { address: string | undefined; server: string } {
  const net = ctx.net;
  if (!net) return { address: undefined, server: "127.0.0.11" };
  const found = net.stack.resolve(net.peer, name);
  return { address: found.ok ? found.address : undefined, server: net.stack.usesEmbeddedDns(net.peer) ? "127.0.0.11" : "8.8.8.8" };
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function when(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export function dig(ctx: ProcessContext, args: string[]): Out {
  const short = args.includes("+short");
  const name = args.find((a) => !a.startsWith("+") && !a.startsWith("-") && !a.startsWith("@") && a !== "A") ?? ".";
  const { address, server } = lookup(ctx, name);
  if (short) return { stdout: address ? `${address}\n` : "", stderr: "", exitCode: 0 };
  const fqdn = name.endsWith(".") ? name : `${name}.`;
  const version = usesMusl(ctx) ? "9.20.13" : "9.20.11-4-Debian";
  const id = 1000 + (name.length * 7919) % 60000;
  const status = address ? "NOERROR" : "NXDOMAIN";
  let out = `\n; <<>> DiG ${version} <<>> ${args.join(" ")}\n;; global options: +cmd\n;; Got answer:\n`;
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${id}\n;; flags: qr rd ra; QUERY: 1, ANSWER: ${address ? 1 : 0}, AUTHORITY: 0, ADDITIONAL: 0\n\n`;
  out += `;; QUESTION SECTION:\n;${fqdn}\t\t\t\tIN\tA\n\n`;
  if (address) out += `;; ANSWER SECTION:\n${fqdn}\t\t\t600\tIN\tA\t${address}\n\n`;
  out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${when(ctx.clock.now())}\n;; MSG SIZE  rcvd: ${address ? 40 + name.length * 2 : 30 + name.length}\n\n`;
  return { stdout: out, stderr: "", exitCode: 0 };
}

export function host(ctx: ProcessContext, args: string[]): Out {
  const name = args.find((a) => !a.startsWith("-"));
  if (name === undefined) return { stdout: "", stderr: "Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n", exitCode: 1 };
  const { address } = lookup(ctx, name);
  if (!address) return { stdout: `Host ${name} not found: 3(NXDOMAIN)\n`, stderr: "", exitCode: 1 };
  return { stdout: `${name} has address ${address}\n`, stderr: "", exitCode: 0 };
}

/** The version a package's own files record, found by a pattern in the first file that has it. */
function recorded(ctx: ProcessContext, paths: string[], pattern: RegExp): string | undefined {
  for (const path of paths) {
    const text = ctx.root?.readText(path);
    const found = text === undefined ? undefined : pattern.exec(text)?.[1];
    if (found) return found;
  }
  return undefined;
}

const OFFLINE = "the playground has no connection to package registries, so packages cannot be downloaded here.\n";

/** npm and npx: their version, and a plain explanation instead of a download. */
export function npm(ctx: ProcessContext, name: string, args: string[]): Out {
  const version = recorded(ctx, ["/usr/local/lib/node_modules/npm/package.json", "/usr/share/nodejs/npm/package.json"], /"version":\s*"([^"]+)"/) ?? "10.9.4";
  if (args[0] === "--version" || args[0] === "-v") return { stdout: `${version}\n`, stderr: "", exitCode: 0 };
  if (args.length === 0) return { stdout: `npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm run <command>  run the script named <command>\n\nnpm@${version} /usr/local/lib/node_modules/npm\n`, stderr: "", exitCode: 1 };
  return { stdout: "", stderr: `${name} ${args[0] ?? ""}: ${OFFLINE}Run plain JavaScript with node (its built-in modules work: fs, path, http…).\n`, exitCode: 1 };
}

/** pip and pip3: their version, and the same explanation. */
export function pip(ctx: ProcessContext, args: string[]): Out {
  const version = recorded(ctx, ["/usr/local/lib/python3.14/site-packages/pip/__init__.py", "/usr/local/lib/python3.13/site-packages/pip/__init__.py", "/usr/local/lib/python3.12/site-packages/pip/__init__.py"], /__version__ = "([^"]+)"/) ?? "25.2";
  if (args[0] === "--version" || args[0] === "-V") {
    const python = (ctx.env.find((e) => e.startsWith("PYTHON_VERSION="))?.slice(15) ?? "3.13").split(".").slice(0, 2).join(".");
    return { stdout: `pip ${version} from /usr/local/lib/python${python}/site-packages/pip (python ${python})\n`, stderr: "", exitCode: 0 };
  }
  if (args[0] === "list") return { stdout: `Package Version\n------- -------\npip     ${version}\n`, stderr: "", exitCode: 0 };
  return { stdout: "", stderr: `pip ${args[0] ?? ""}: ${OFFLINE}Python's standard library is all there: json, http.server, sqlite3…\n`, exitCode: 1 };
}
