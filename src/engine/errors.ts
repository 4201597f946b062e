// Errors carry the HTTP status moby's errdefs map them to (api/server/httpstatus), so the router
// answers exactly as the daemon does and the CLI can print "Error response from daemon: ...".

export type ErrorKind =
  | "not-found"
  | "invalid-parameter"
  | "conflict"
  | "forbidden"
  | "unauthorized"
  | "unavailable"
  | "not-implemented"
  | "not-modified"
  | "system";

const statusByKind: Record<ErrorKind, number> = {
  "not-found": 404,
  "invalid-parameter": 400,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  unavailable: 503,
  "not-implemented": 501,
  "not-modified": 304,
  system: 500,
};

export class EngineError extends Error {
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = "EngineError";
  }

  get status(): number {
    return statusByKind[this.kind];
  }
}

export const notFound = (message: string) => new EngineError("not-found", message);
export const invalidParameter = (message: string) => new EngineError("invalid-parameter", message);
export const conflict = (message: string) => new EngineError("conflict", message);
export const forbidden = (message: string) => new EngineError("forbidden", message);
export const systemError = (message: string) => new EngineError("system", message);
export const notModified = () => new EngineError("not-modified", "");
