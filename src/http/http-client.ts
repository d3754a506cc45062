// One place that talks HTTP for every connector: a descriptive User-Agent, a timeout that
// also covers a body that stalls mid-stream, and retries with backoff on network errors,
// 429 and 5xx (honouring Retry-After). Other 4xx are final. `fetch` is injected so tests
// can point it anywhere; the bytes come back unchanged.
import { PipelineError } from '../domain/errors.ts';
import { realSleep } from '../lib/sleep.ts';

export type FetchFn = typeof globalThis.fetch;

export interface HttpResponse {
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
  attempts: number;
}

export interface HttpClientOptions {
  fetch?: FetchFn;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  /** First backoff delay; doubles each retry (with jitter). */
  backoffMs?: number;
  /** Upper bound on any single wait, including a server's Retry-After. */
  maxWaitMs?: number;
  /** The most an answer may hold: reading stops (and the request is dropped) past it. */
  maxBodyBytes?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpClient {
  get(url: string, opts: { source: string; accept?: string }): Promise<HttpResponse>;
}


/** Strip query-string values that look like secrets before a URL goes into a log or sidecar. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/key|token|secret|password|auth/i.test(key)) u.searchParams.set(key, 'REDACTED');
    }
    return u.toString();
  } catch {
    return url;
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The body, streamed, refused as soon as it passes `max` bytes (a declared length past it is refused before reading). */
async function readCapped(res: Response, max: number, ctx: { source: string; url: string }): Promise<Buffer> {
  const tooLarge = (seen: string) => new PipelineError('HTTP_BODY_TOO_LARGE', `${ctx.source} answered ${seen} bytes, more than the ${max} allowed (HTTP_MAX_BODY_MB); stopped reading`, ctx);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(String(declared));
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${max}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? realSleep;
  const backoff = options.backoffMs ?? 500;
  const maxWait = options.maxWaitMs ?? 60_000;
  const maxBody = options.maxBodyBytes ?? 50_000_000;

  return {
    async get(url, { source, accept }) {
      const safeUrl = redactUrl(url);
      let lastError: PipelineError | undefined;
      for (let attempt = 1; attempt <= options.retries + 1; attempt++) {
        let wait = Math.min(maxWait, backoff * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
        try {
          const signal = AbortSignal.timeout(options.timeoutMs);
          const res = await doFetch(url, {
            headers: { 'User-Agent': options.userAgent, Accept: accept ?? '*/*' },
            signal,
            redirect: 'follow',
          });
          // Reading the body under the same signal turns a stalled stream into a timeout.
          const body = await readCapped(res, maxBody, { source, url: safeUrl });
          if (res.status === 429 || res.status >= 500) {
            const ra = retryAfterMs(res.headers.get('retry-after'));
            if (ra !== undefined) wait = Math.min(maxWait, ra);
            lastError = new PipelineError(
              res.status === 429 ? 'HTTP_RATE_LIMITED' : 'HTTP_SERVER_ERROR',
              `${source} answered HTTP ${res.status} after ${attempt} attempt(s)`,
              { source, url: safeUrl, status: res.status },
            );
          } else if (res.status >= 400) {
            throw new PipelineError('HTTP_CLIENT_ERROR', `${source} answered HTTP ${res.status}; not retried (a 4xx means the request itself is wrong)`, {
              source,
              url: safeUrl,
              status: res.status,
            });
          } else {
            return { url: safeUrl, status: res.status, contentType: res.headers.get('content-type') ?? '', body, attempts: attempt };
          }
        } catch (err) {
          if (err instanceof PipelineError) throw err;
          const e = err as Error & { cause?: { code?: string } };
          const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
          lastError = new PipelineError(
            timedOut ? 'HTTP_TIMEOUT' : 'HTTP_NETWORK_ERROR',
            timedOut
              ? `${source} did not answer in full within ${options.timeoutMs} ms (attempt ${attempt})`
              : `${source} could not be reached or the connection broke: ${e.cause?.code ?? e.message} (attempt ${attempt})`,
            { source, url: safeUrl },
            { cause: err },
          );
        }
        if (attempt <= options.retries) await sleep(wait);
      }
      throw lastError!;
    },
  };
}
