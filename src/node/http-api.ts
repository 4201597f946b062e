// The Engine API over HTTP: one http.Server per engine, its request handler turning HTTP into
// ApiRequests for engine.handle, and an upgrade handler for hijacked attach.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ApiRequest, ApiResponse } from "../engine/index.js";
import { BodyTooLargeError, bodyLimit, hasBody, readBody, toApiRequest } from "./api-request.js";
import { createUpgradeHandler } from "./hijack.js";
import { writeApiResponse } from "./response-writer.js";

/** What the HTTP layer needs of an engine: its API entry point. */
export interface ApiEngine {
  handle(request: ApiRequest): Promise<ApiResponse>;
}

const noBody = Buffer.alloc(0);

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The 'request' listener: parse, dispatch, write; a failure becomes a 500 {"message"}. */
export function createRequestHandler(engine: ApiEngine): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      let body: Buffer;
      try {
        if (hasBody(req.headers)) {
          body = await readBody(req, bodyLimit(req.headers["content-type"]));
        } else {
          // Nothing to read: let the (empty) stream end by itself, without an iterator per request.
          req.resume();
          body = noBody;
        }
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          await writeApiResponse(res, { status: 413, body: { message: error.message } }, req.method ?? "GET");
          return;
        }
        // The client went away mid-body: nothing to answer.
        res.destroy();
        return;
      }
      const request = toApiRequest({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers }, body);
      let response: ApiResponse;
      try {
        response = await engine.handle(request);
      } catch (error) {
        response = { status: 500, body: { message: errorText(error) } };
      }
      await writeApiResponse(res, response, request.method);
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(`${JSON.stringify({ message: errorText(error) })}\n`);
      } else {
        res.destroy();
      }
    });
  };
}

export interface ApiServerOptions {
  /** Called once per request with dockerd -D's wording: "Calling POST /v1.50/containers/create". */
  debug?: (line: string) => void;
}

let guarded = false;

/**
 * A failure no request is waiting for (a rejected promise nobody handles) is reported, not fatal:
 * Node would otherwise end the process, and a daemon stays up whatever one request did.
 */
function guardProcess(): void {
  if (guarded) return;
  guarded = true;
  process.on("unhandledRejection", (reason) => {
    process.stderr.write(`docker-playground: unhandled error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
  });
}

export function createApiServer(engine: ApiEngine, options: ApiServerOptions = {}): Server {
  guardProcess();
  const { debug } = options;
  const traced: ApiEngine = debug
    ? { handle: (request) => (debug(`Calling ${request.method} ${request.path}`), engine.handle(request)) }
    : engine;
  const server = createServer(createRequestHandler(traced));
  server.on("upgrade", createUpgradeHandler((request) => traced.handle(request)));
  // Streams such as `docker logs -f` or `events` stay open for as long as the client wants.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 30_000;
  return server;
}
