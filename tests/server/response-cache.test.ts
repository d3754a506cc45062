import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { ResponseCache } from '../../src/server/response-cache.ts';

function fakeReq(url: string, headers: Record<string, string> = {}) {
  return { originalUrl: url, headers, get: (h: string) => (h === 'host' ? 'kz.test' : undefined) } as never;
}
function fakeRes() {
  const out = { status: 200, headers: {} as Record<string, string>, body: undefined as Buffer | undefined };
  const res = {
    setHeader: (k: string, v: string) => void (out.headers[k.toLowerCase()] = v),
    getHeader: (k: string) => out.headers[k.toLowerCase()],
    status: (s: number) => ((out.status = s), res),
    type: (t: string) => void (out.headers['content-type'] = t),
    end: (b?: Buffer) => void (out.body = b),
  };
  return { res: res as never, out };
}

describe('response cache', () => {
  it('builds a stale page once however many requests wait for it', async () => {
    const cache = new ResponseCache();
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 20));
      return { body: 'x'.repeat(5000) };
    };
    await Promise.all(Array.from({ length: 50 }, () => cache.send(fakeReq('/series/a'), fakeRes().res, 'v1', 'text/html', build)));
    expect(builds).toBe(1);
    await cache.send(fakeReq('/series/a'), fakeRes().res, 'v1', 'text/html', build);
    expect(builds).toBe(1);
    await cache.send(fakeReq('/series/a'), fakeRes().res, 'v2', 'text/html', build);
    expect(builds).toBe(2); // a new data version rebuilds
  });

  it('answers gzip to clients that accept it, plain to others, and 304 to a matching ETag', async () => {
    const cache = new ResponseCache();
    const build = async () => ({ body: 'hello '.repeat(1000) });
    const a = fakeRes();
    await cache.send(fakeReq('/p', { 'accept-encoding': 'gzip, br' }), a.res, 'v', 'text/html', build);
    expect(a.out.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(a.out.body!).toString()).toBe('hello '.repeat(1000));
    const b = fakeRes();
    await cache.send(fakeReq('/p'), b.res, 'v', 'text/html', build);
    expect(b.out.body!.toString()).toBe('hello '.repeat(1000));
    const c = fakeRes();
    await cache.send(fakeReq('/p', { 'if-none-match': a.out.headers.etag }), c.res, 'v', 'text/html', build);
    expect(c.out.status).toBe(304);
  });

  it('stays within its byte budget, dropping the least recently used', async () => {
    const cache = new ResponseCache(40_000);
    for (let i = 0; i < 10; i++) await cache.send(fakeReq(`/p${i}`), fakeRes().res, 'v', 'text/html', async () => ({ body: Buffer.alloc(9000, i) }));
    let rebuilt = 0;
    await cache.send(fakeReq('/p0'), fakeRes().res, 'v', 'text/html', async () => ((rebuilt++), { body: Buffer.alloc(9000, 0) }));
    await cache.send(fakeReq('/p9'), fakeRes().res, 'v', 'text/html', async () => ((rebuilt++), { body: Buffer.alloc(9000, 9) }));
    expect(rebuilt).toBe(1); // p0 was dropped, p9 kept
  });
});
