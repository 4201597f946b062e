// How the client reaches a daemon. In the worker the transport calls the engine's router
// in-process; in Node (later) it speaks HTTP to any DOCKER_HOST.
import type { ApiRequest, ApiResponse } from "../engine/index.js";

export interface Transport {
  request(request: ApiRequest): Promise<ApiResponse>;
}

/** Calls an Engine API handler directly: no serialisation, no sockets. */
export class InProcessTransport implements Transport {
  constructor(private readonly handler: (request: ApiRequest) => Promise<ApiResponse>) {}

  request(request: ApiRequest): Promise<ApiResponse> {
    return this.handler(request);
  }
}
