// docker version and docker info, laid out as the CLI's templates lay them out.
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getString } from "../flags/flag-spec.js";
import { bytesSize, parseTemplate } from "../format/index.js";
import { clientVersion as cv } from "../version.js";
import { daemonMessage, templateFormatFlag } from "./common.js";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Go's time.ANSIC in UTC ("Mon Jan _2 15:04:05 2006"), as the CLI reformats BuildTime. */
function ansic(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function clientBlock(): string {
  return [
    "Client:",
    ` Version:           ${cv.Version}`,
    ` API version:       ${cv.ApiVersion}`,
    ` Go version:        ${cv.GoVersion}`,
    ` Git commit:        ${cv.GitCommit}`,
    ` Built:             ${cv.Built}`,
    ` OS/Arch:           ${cv.OsArch}`,
    ` Context:           ${cv.Context}`,
  ].join("\n");
}

export const version: CommandDef = {
  name: "version",
  usage: "[OPTIONS]",
  description: "Show the client's and the daemon's versions",
  flags: [templateFormatFlag],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const format = getString(flags, "format");
    let server;
    try {
      server = await client.version();
    } catch (error) {
      io.stdout(`${clientBlock()}\n`);
      throw new StatusError(1, daemonMessage(error));
    }
    if (format) {
      // The Go structs name the field APIVersion (json:"ApiVersion"), so templates use that spelling.
      const data = {
        Client: { ...cv, APIVersion: cv.ApiVersion, Os: "linux", Arch: "amd64", BuildTime: cv.Built },
        Server: { ...server, APIVersion: server.ApiVersion, MinAPIVersion: server.MinAPIVersion },
      };
      io.stdout(`${parseTemplate(format).execute(data)}\n`);
      return;
    }
    const lines = [clientBlock(), "", `Server:${server.Platform.Name ? ` ${server.Platform.Name}` : ""}`];
    for (const c of server.Components) {
      lines.push(` ${c.Name}:`);
      if (c.Name === "Engine") {
        const d = c.Details;
        lines.push(
          `  Version:          ${c.Version}`,
          `  API version:      ${d["ApiVersion"]} (minimum version ${d["MinAPIVersion"]})`,
          `  Go version:       ${d["GoVersion"]}`,
          `  Git commit:       ${d["GitCommit"]}`,
          `  Built:            ${ansic(d["BuildTime"] ?? "")}`,
          `  OS/Arch:          ${d["Os"]}/${d["Arch"]}`,
          `  Experimental:     ${d["Experimental"]}`,
        );
      } else {
        lines.push(`  Version:          ${c.Version}`);
        for (const [key, value] of Object.entries(c.Details)) lines.push(`  ${key}:${" ".repeat(Math.max(1, 17 - key.length))}${value}`);
      }
    }
    io.stdout(`${lines.join("\n")}\n`);
  },
};

function cdiDirectories(dirs: unknown): string[] {
  if (!Array.isArray(dirs) || dirs.length === 0) return [];
  return [" CDI spec directories:", ...dirs.map((d) => `  ${String(d)}`)];
}

export const info: CommandDef = {
  name: "info",
  usage: "[OPTIONS]",
  description: "Show information about the whole system",
  flags: [templateFormatFlag],
  args: { kind: "none" },
  async run({ io, client }, flags) {
    const format = getString(flags, "format");
    const head = ["Client:", ` Version:    ${cv.Version}`, ` Context:    ${cv.Context}`, " Debug Mode: false", "", "Server:"];
    let i;
    try {
      i = await client.info();
    } catch (error) {
      io.stdout(`${head.join("\n")}\n`);
      throw new StatusError(1, daemonMessage(error));
    }
    if (format) {
      io.stdout(`${parseTemplate(format).execute(i)}\n`);
      return;
    }
    const s = (k: string) => String(i[k] ?? "");
    const plugins = (i["Plugins"] ?? {}) as Record<string, string[] | null>;
    const commit = (k: string) => ((i[k] as { ID?: string } | undefined)?.ID ?? "");
    const registries = ((i["RegistryConfig"] as { InsecureRegistryCIDRs?: string[] } | undefined)?.InsecureRegistryCIDRs ?? []).map((r) => `  ${r}`);
    const lines = [
      ...head,
      ` Containers: ${s("Containers")}`,
      `  Running: ${s("ContainersRunning")}`,
      `  Paused: ${s("ContainersPaused")}`,
      `  Stopped: ${s("ContainersStopped")}`,
      ` Images: ${s("Images")}`,
      ` Server Version: ${s("ServerVersion")}`,
      ` Storage Driver: ${s("Driver")}`,
      ...((i["DriverStatus"] as string[][] | undefined) ?? []).map(([k, v]) => `  ${k}: ${v}`),
      ` Logging Driver: ${s("LoggingDriver")}`,
      ` Cgroup Driver: ${s("CgroupDriver")}`,
      ` Cgroup Version: ${s("CgroupVersion")}`,
      " Plugins:",
      `  Volume: ${(plugins["Volume"] ?? []).join(" ")}`,
      `  Network: ${(plugins["Network"] ?? []).join(" ")}`,
      `  Log: ${(plugins["Log"] ?? []).join(" ")}`,
      ...cdiDirectories(i["CDISpecDirs"]),
      " Swarm: inactive",
      ` Runtimes: ${Object.keys((i["Runtimes"] as object | undefined) ?? {}).join(" ")}`,
      ` Default Runtime: ${s("DefaultRuntime")}`,
      ` Init Binary: ${s("InitBinary")}`,
      ` containerd version: ${commit("ContainerdCommit")}`,
      ` runc version: ${commit("RuncCommit")}`,
      ` init version: ${commit("InitCommit")}`,
      " Security Options:",
      "  seccomp",
      "   Profile: builtin",
      "  cgroupns",
      ` Kernel Version: ${s("KernelVersion")}`,
      ` Operating System: ${s("OperatingSystem")}`,
      ` OSType: ${s("OSType")}`,
      ` Architecture: ${s("Architecture")}`,
      ` CPUs: ${s("NCPU")}`,
      ` Total Memory: ${bytesSize(Number(i["MemTotal"] ?? 0))}`,
      ` Name: ${s("Name")}`,
      ` ID: ${s("ID")}`,
      ` Docker Root Dir: ${s("DockerRootDir")}`,
      " Debug Mode: false",
      " Experimental: false",
      " Insecure Registries:",
      ...registries,
      " Live Restore Enabled: false",
    ];
    io.stdout(`${lines.join("\n")}\n\n`);
  },
};
