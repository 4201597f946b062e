// EXPOSE's ports read as nat.ParsePortSpecs reads them: "80", "80/udp", ranges "8000-8002"
// expanding to one port each; a host part ("8080:80") is accepted and only the container port
// kept, since an image can expose but never publish.
import { BuildStepError } from "./build-error.js";

export function parseExposedPorts(specs: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of specs) {
    const slash = raw.indexOf("/");
    const proto = (slash < 0 ? "tcp" : raw.slice(slash + 1) || "tcp").toLowerCase();
    const spec = slash < 0 ? raw : raw.slice(0, slash);
    if (!["tcp", "udp", "sctp"].includes(proto)) throw new BuildStepError(`invalid proto: ${proto}`);
    const container = spec.slice(spec.lastIndexOf(":") + 1);
    if (container === "") throw new BuildStepError(`no port specified: ${raw}<empty>`);
    const m = /^(\d+)(?:-(\d+))?$/.exec(container);
    const start = Number(m?.[1] ?? NaN);
    const end = m?.[2] === undefined ? start : Number(m[2]);
    if (!m || start > 65535 || end > 65535 || end < start) throw new BuildStepError(`invalid containerPort: ${container}`);
    for (let port = start; port <= end; port++) out.push(`${port}/${proto}`);
  }
  return out;
}
