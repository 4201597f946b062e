// The client's Transport over real HTTP, so the CLI can drive any Docker Engine API: ours, or
// dockerd on a unix socket. Requests go out as docker's Go client sends them; answers come back
// in the engine's in-process shapes (JSON body, bytes, text, json-lines or stdio streams), so
// the client and CLI above cannot tell the difference.
import { Agent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from "node:http";
import type { Socket } from "node:net";
import type { Transport } from "../client/index.js";
import { apiVersion } from "../client/index.js";
import type { ApiRequest, ApiResponse, ApiStream, StdioChunk } from "../engine/index.js";
import { headerRecord } from "./api-request.js";
import { connectionError, requestUrl } from "./connection-error.js";
import { dockerEndpoint, type DockerEndpoint } from "./docker-host.js";
import { encodeBody, encodeQuery, isHijacked, isJsonLines } from "./outgoing-request.js";
import { Feed, frameDecoder, jsonLinesDecoder, pipeInto, rawDecoder, type Decoder } from "./http-streams.js";
import { multiplexedStream, rawStream } from "./response-writer.js";

export interface HttpTransportOptions {
  /** A host as parseDockerHost normalised it: tcp://HOST:PORT[/PATH] or unix:///PATH. */
  host: string;
  /**
   * Ask HEAD /_ping before the first request and speak the daemon's API version when it is
   * older than ours, as the CLI's version negotiation does. On by default.
   */
  negotiate?: boolean;
  /** Sent as User-Agent; the CLI sends "Docker-Client/28.2.2 (linux)". */
  userAgent?: string;
}

function mediaType(headers: Record<string, string>): string {
  return (headers["Content-Type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    res.on("data", (part: Buffer) => parts.push(part));
    res.on("end", () => resolve(Buffer.concat(parts)));
    res.on("error", reject);
  });
}

/** A whole (non-stream) body as the engine would have returned it. */
function decodeBody(status: number, type: string, bytes: Buffer): unknown {
  const text = () => bytes.toString("utf8");
  if (type === "application/json" || type.endsWith("+json")) {
    if (bytes.length === 0) return undefined;
    try {
      return JSON.parse(text()) as unknown;
    } catch {
      return status >= 400 ? { message: text() } : text();
    }
  }
  if (type.startsWith("text/")) return status >= 400 ? (bytes.length > 0 ? { message: text() } : undefined) : text();
  if (bytes.length === 0) return undefined;
  // A plain-text error from a proxy in between still reads as the daemon's message, as in moby.
  if (status >= 400) return { message: text() };
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function stdioStream(tty: boolean, readable: Socket | IncomingMessage, close: () => void, head?: Buffer): ApiStream {
  const chunks = new Feed<StdioChunk>({ pause: () => readable.pause(), resume: () => readable.resume(), close });
  const decoder: Decoder<StdioChunk> = tty ? rawDecoder() : frameDecoder();
  pipeInto(readable, decoder, chunks, head);
  return { kind: "stdio", tty, chunks };
}

/** Copies the caller's stdin into the hijacked socket, then half-closes it (CloseWrite) at EOF. */
function forwardStdin(socket: Socket, stdin: AsyncIterable<string> | undefined): () => void {
  if (!stdin) {
    // No input stream: the CLI sends EOF at once and keeps reading.
    socket.end();
    return () => undefined;
  }
  const iterator = stdin[Symbol.asyncIterator]();
  let stopped = false;
  void (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done || stopped || !socket.writable) break;
        socket.write(next.value);
      }
    } catch {
      // A failing input ends like EOF.
    }
    if (!stopped && socket.writable) socket.end();
  })();
  return () => {
    stopped = true;
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  };
}

export class HttpTransport implements Transport {
  private readonly endpoint: DockerEndpoint;
  private readonly agent = new Agent({ keepAlive: true });
  private readonly negotiate: boolean;
  private readonly userAgent: string | undefined;
  private version: Promise<string> | undefined;

  constructor(options: HttpTransportOptions) {
    this.endpoint = dockerEndpoint(options.host);
    this.negotiate = options.negotiate ?? true;
    this.userAgent = options.userAgent;
  }

  /** Closes idle keep-alive connections; open streams end with their readers. */
  close(): void {
    this.agent.destroy();
  }

  async request(request: ApiRequest): Promise<ApiResponse> {
    const path = await this.versioned(request.path);
    return this.send({ ...request, path });
  }

  /** The daemon's API version when it is older than ours: what the CLI negotiates on its first call. */
  private async versioned(path: string): Promise<string> {
    if (!this.negotiate || !path.startsWith(`/v${apiVersion}/`)) return path;
    this.version ??= this.send({ method: "HEAD", path: "/_ping" }).then(
      (ping) => older(ping.headers?.["Api-Version"], apiVersion),
      // A daemon that cannot be reached: the request itself reports it, as the CLI does.
      () => apiVersion,
    );
    const version = await this.version;
    return version === apiVersion ? path : `/v${version}${path.slice(`/v${apiVersion}`.length)}`;
  }

  private options(request: ApiRequest, hijack: boolean, body: { bytes: Buffer; contentType: string | undefined }): RequestOptions {
    const { endpoint } = this;
    const query = encodeQuery(request.query, request.queryLists);
    const path = `${endpoint.kind === "tcp" ? endpoint.basePath : ""}${request.path}`.replace(/[^\w\-.~!$&'()*+,;=:@/%]/g, encodeURIComponent);
    const headers: Record<string, string> = {
      ...(this.userAgent ? { "User-Agent": this.userAgent } : {}),
      // Over a socket docker's client talks to "api.moby.localhost".
      ...(endpoint.kind === "unix" ? { Host: "api.moby.localhost" } : {}),
      ...(body.contentType ? { "Content-Type": body.contentType } : {}),
      ...(hijack ? { Connection: "Upgrade", Upgrade: "tcp" } : {}),
      ...request.headers,
    };
    if (body.bytes.length > 0 || request.method === "POST" || request.method === "PUT") headers["Content-Length"] = String(body.bytes.length);
    const target = endpoint.kind === "unix" ? { socketPath: endpoint.socketPath } : { host: endpoint.hostname, port: endpoint.port };
    return { ...target, method: request.method, path: query ? `${path}?${query}` : path, headers, agent: this.agent };
  }

  private send(request: ApiRequest): Promise<ApiResponse> {
    const hijack = isHijacked(request);
    const body = encodeBody(request, hijack);
    return new Promise<ApiResponse>((resolve, reject) => {
      let req: ClientRequest;
      try {
        req = httpRequest(this.options(request, hijack, body));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      req.on("error", (error: NodeJS.ErrnoException) => reject(connectionError(error, this.endpoint, requestUrl(this.endpoint, request.method, request.path, encodeQuery(request.query, request.queryLists)))));
      req.on("upgrade", (res: IncomingMessage, socket: Socket, head: Buffer) => {
        const headers = headerRecord(res.headers);
        socket.on("error", () => undefined);
        const stdin = { stop: (): void => undefined };
        const close = () => {
          stdin.stop();
          socket.destroy();
        };
        const stream = stdioStream(mediaType(headers) === rawStream, socket, close, head);
        stdin.stop = forwardStdin(socket, request.stdin);
        resolve({ status: res.statusCode ?? 101, headers, stream });
      });
      req.on("response", (res: IncomingMessage) => {
        void this.answer(request, hijack, req, res).then(resolve, reject);
      });
      req.end(body.bytes.length > 0 ? body.bytes : undefined);
    });
  }

  private async answer(request: ApiRequest, hijack: boolean, req: ClientRequest, res: IncomingMessage): Promise<ApiResponse> {
    const status = res.statusCode ?? 0;
    const headers = headerRecord(res.headers);
    const type = mediaType(headers);
    if (hijack) {
      res.resume();
      // moby's setupHijackConn accepts nothing but 101 Switching Protocols, errors included.
      throw new Error(`unable to upgrade to tcp, received ${status}`);
    }
    const close = () => {
      req.destroy();
      res.destroy();
    };
    if (status < 400 && (type === multiplexedStream || type === rawStream)) {
      return { status, headers, stream: stdioStream(type === rawStream, res, close) };
    }
    if (status < 400 && isJsonLines(request)) {
      const messages = new Feed<unknown>({ pause: () => res.pause(), resume: () => res.resume(), close });
      pipeInto(res, jsonLinesDecoder(), messages);
      return { status, headers, stream: { kind: "json-lines", messages } };
    }
    const body = decodeBody(status, type, await readAll(res));
    return body === undefined ? { status, headers } : { status, headers, body };
  }
}

/** The lower of two API versions ("1.47" < "1.50"); ours when the daemon named none. */
function older(theirs: string | undefined, ours: string): string {
  if (!theirs || !/^\d+\.\d+$/.test(theirs)) return ours;
  const [a = 0, b = 0] = theirs.split(".").map(Number);
  const [c = 0, d = 0] = ours.split(".").map(Number);
  return a < c || (a === c && b < d) ? theirs : ours;
}
