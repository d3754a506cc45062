import { describe, expect, it } from 'vitest';
import { createHttpClient, redactUrl, type FetchFn } from '../../src/http/http-client.ts';
import { PipelineError } from '../../src/domain/errors.ts';

function fakeFetch(statuses: number[]): FetchFn & { calls: number } {
  const f = (async () => {
    const status = statuses[Math.min(f.calls++, statuses.length - 1)];
    return new Response('body', { status, headers: { 'content-type': 'text/plain' } });
  }) as unknown as FetchFn & { calls: number };
  f.calls = 0;
  return f;
}

describe('the HTTP client', () => {
  it.each([400, 401, 403, 404, 410])('does not retry a %i: the request itself is wrong', async (status) => {
    const fetch = fakeFetch([status]);
    const http = createHttpClient({ fetch, userAgent: 't', timeoutMs: 1000, retries: 3, sleep: async () => {} });
    const err = await http.get('http://p/x?api_key=secret', { source: 'p' }).catch((e: PipelineError) => e);
    expect(err).toMatchObject({ code: 'HTTP_CLIENT_ERROR', context: { source: 'p', status, url: 'http://p/x?api_key=REDACTED' } });
    expect(fetch.calls).toBe(1);
  });
  it('retries 429 and 5xx up to the limit, then names the last status', async () => {
    const fetch = fakeFetch([503, 429, 502, 500]);
    const waits: number[] = [];
    const http = createHttpClient({ fetch, userAgent: 't', timeoutMs: 1000, retries: 3, sleep: async (ms) => void waits.push(ms) });
    await expect(http.get('http://p/x', { source: 'p' })).rejects.toMatchObject({ code: 'HTTP_SERVER_ERROR', message: 'p answered HTTP 500 after 4 attempt(s)' });
    expect(fetch.calls).toBe(4);
    expect(waits).toHaveLength(3);
  });
  it('returns the bytes and the attempt count after a retried 5xx', async () => {
    const http = createHttpClient({ fetch: fakeFetch([500, 200]), userAgent: 't', timeoutMs: 1000, retries: 2, sleep: async () => {} });
    const res = await http.get('http://p/x', { source: 'p' });
    expect(res).toMatchObject({ status: 200, attempts: 2, contentType: 'text/plain' });
    expect(res.body.toString()).toBe('body');
  });
});

describe('redactUrl', () => {
  it.each([
    ['http://u:p@host/x', 'http://host/x'],
    ['http://host/x?token=abc&fdate=01.02.2026', 'http://host/x?token=REDACTED&fdate=01.02.2026'],
    ['http://host/x?API_KEY=1&Secret=2&password=3&auth=4', 'http://host/x?API_KEY=REDACTED&Secret=REDACTED&password=REDACTED&auth=REDACTED'],
    ['http://host/x?page=2', 'http://host/x?page=2'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, out) => {
    expect(redactUrl(input)).toBe(out);
  });
});
