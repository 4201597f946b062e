// The body of POST /containers/create as dockerd reads it (runconfig.ContainerDecoder): JSON
// Content-Type, a body that must not be empty, Go's syntax and type errors, and a Config that must
// be present ("config cannot be empty").
import type { CreateBody } from "../containers/create-config.js";
import { invalidParameter } from "../errors.js";
import { configFieldNames, createRequestType } from "./container-request-types.js";
import { checkJsonContentType, decodeJsonBody } from "./route.js";
import type { ApiRequest } from "./types.js";

export function createBody(request: ApiRequest): CreateBody {
  checkJsonContentType(request);
  const raw = request.body;
  // Unlike ReadJSON, the container decoder reads an empty body and meets EOF.
  if (raw === undefined || raw === "" || (raw instanceof Uint8Array && raw.length === 0)) {
    throw invalidParameter("invalid JSON: got EOF while reading request body");
  }
  const body = decodeJsonBody(raw, createRequestType);
  // The embedded *Config is only allocated once one of its fields appears in the body.
  if (body === null || typeof body !== "object" || !configFieldNames.some((name) => Object.hasOwn(body, name))) {
    throw invalidParameter("config cannot be empty in order to create a container");
  }
  return body as CreateBody;
}
