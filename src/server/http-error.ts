// A client error with its HTTP status, and how any error becomes an answer: client errors
// (our own, the body parser's, a path that is not valid percent-encoding) are 4xx with a short
// message; anything else is a 500 that says nothing about the inside. Our own give their reason
// as a catalogue key (reasons.*) with its values, so a page says it in its language; the API and
// the log say it in English.
import type { TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, translator } from './i18n.ts';

/** A value in a reason: as it is (a parameter's value, a list of codes), or a catalogue phrase by key. */
export type ReasonValue = string | number | { phrase: string };
export interface Reason {
  key: string;
  values?: Record<string, ReasonValue>;
}

/** A reason in a language. */
export function reasonText(t: TFunction, r: Reason): string {
  const values = Object.fromEntries(Object.entries(r.values ?? {}).map(([k, v]) => [k, typeof v === 'object' ? t(v.phrase) : v]));
  return t(`reasons.${r.key}`, values);
}

export class HttpError extends Error {
  readonly reason?: Reason;
  constructor(
    readonly status: number,
    why: string | Reason,
  ) {
    super(typeof why === 'string' ? why : reasonText(translator(DEFAULT_LANGUAGE), why));
    if (typeof why !== 'string') this.reason = why;
  }
}

export class BadRequest extends HttpError {
  constructor(why: string | Reason) {
    super(400, why);
  }
}

export class NotFound extends HttpError {
  constructor(why: string | Reason) {
    super(404, why);
  }
}

export function clientError(err: unknown): { status: number; message: string; reason?: Reason } | undefined {
  if (err instanceof HttpError) return { status: err.status, message: err.message, reason: err.reason };
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
      return err instanceof URIError ? { status, message: 'the path is not valid percent-encoding', reason: { key: 'percentEncoding' } } : { status, message: 'the request cannot be read' };
  }
}
