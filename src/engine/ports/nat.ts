// The container-port half of go-connections/nat's port specs ("80", "80/udp", "8000-8002/tcp"),
// read alike by the CLI's -p and the builder's EXPOSE. Errors are plain Errors with nat's texts;
// each caller wraps them as its layer reports failures.

const protocols = new Set(["tcp", "udp", "sctp"]);

/**
 * nat.SplitProtoPort with validateProto: the port part before the first "/", and the protocol
 * after it, lowercased (tcp when there is none; anything after a second "/" is ignored).
 */
export function splitProtoPort(raw: string): { port: string; proto: string } {
  const [port = "", given] = raw.split("/");
  const proto = (given || "tcp").toLowerCase();
  if (!protocols.has(proto)) throw new Error(`invalid proto: ${proto}`);
  return { port, proto };
}

/** One side of a spec, "80" or "80-90", as [first, last]; `what` names the side in the error. */
export function parseSpecRange(text: string, what: "containerPort" | "hostPort"): [number, number] {
  const digits = /^(\d+)(?:-(\d+))?$/.exec(text);
  const first = Number(digits?.[1] ?? NaN);
  const last = digits?.[2] === undefined ? first : Number(digits[2]);
  if (!digits || first > 65535 || last > 65535 || last < first) throw new Error(`invalid ${what}: ${text}`);
  return [first, last];
}

/** The container port (or range) of the spec `raw`, which must name one. */
export function parseContainerPort(containerPart: string, raw: string): [number, number] {
  if (containerPart === "") throw new Error(`no port specified: ${raw}<empty>`);
  return parseSpecRange(containerPart, "containerPort");
}
