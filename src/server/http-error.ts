// A client error with its HTTP status, and how any error becomes an answer: client errors
// (our own, the body parser's, a path that is not valid percent-encoding) are 4xx with a short
// message; anything else is a 500 that says nothing about the inside.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class BadRequest extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

export function clientError(err: unknown): { status: number; message: string } | undefined {
  if (err instanceof HttpError) return { status: err.status, message: err.message };
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown; limit?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status > 499) return undefined;
  // The body parser's errors carry a type; their messages name internals, so say it plainly.
  switch (e.type) {
    case 'entity.parse.failed':
      return { status: 400, message: 'the body is not valid JSON' };
    case 'entity.too.large':
      return { status: 413, message: `the body is too large (at most ${typeof e.limit === 'number' ? `${e.limit} bytes` : 'a few kB'})` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: 'the body must be UTF-8 JSON' };
    default:
      return { status, message: err instanceof URIError ? 'the path is not valid percent-encoding' : 'the request cannot be read' };
  }
}
