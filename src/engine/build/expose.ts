// EXPOSE's ports read as nat.ParsePortSpecs reads them: "80", "80/udp", ranges "8000-8002"
// expanding to one port each; a host part ("8080:80") is accepted and only the container port
// kept, since an image can expose but never publish.
import { parseContainerPort, splitProtoPort } from "../ports/nat.js";
import { BuildStepError } from "./build-error.js";

export function parseExposedPorts(specs: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of specs) {
    let proto: string;
    let range: [number, number];
    try {
      const split = splitProtoPort(raw);
      proto = split.proto;
      range = parseContainerPort(split.port.slice(split.port.lastIndexOf(":") + 1), raw);
    } catch (error) {
      throw new BuildStepError((error as Error).message);
    }
    for (let port = range[0]; port <= range[1]; port++) out.push(`${port}/${proto}`);
  }
  return out;
}
