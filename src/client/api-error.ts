// A non-2xx answer from the daemon, carrying the status and the daemon's own message.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** A 404 from an inspect call: the Go client words it "Error: No such container: web". */
export class ObjectNotFoundError extends ApiError {
  constructor(
    readonly object: string,
    readonly id: string,
  ) {
    super(404, `Error: No such ${object}: ${id}`);
    this.name = "ObjectNotFoundError";
  }
}
