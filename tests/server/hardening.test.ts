// Holes a fault and security probe found in the server (issue "Hardening"), each a test that
// failed before its fix: client errors answered 500 with a stack, a valid token locked out by
// someone else's wrong guesses, HTTPS-only headers over plain HTTP, the Host header reflected in
// citations, refused refreshes without a trace.
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDataDir, notRaw } from '../support/data-dir.ts';
import { sharedApp, testApp } from '../support/app.ts';
import { acquireLock } from '../../src/runner/lock.ts';

const TOKEN = 'a-long-enough-test-token';
let dir: string;
beforeAll(async () => {
  dir = await tempDataDir();
  await fs.cp(path.resolve('data'), dir, { recursive: true, filter: notRaw });
});
/** Read-only tests share one app; those that count failures or start runs make their own. */
const readOnlyApp = (env: Record<string, string> = {}) => sharedApp(dir, { REFRESH_TOKEN: TOKEN, IMF_DATAMAPPER_URL: 'http://127.0.0.1:9/x', HTTP_RETRIES: '0', ...env });
const appWith = (env: Record<string, string> = {}) => testApp(dir, { REFRESH_TOKEN: TOKEN, IMF_DATAMAPPER_URL: 'http://127.0.0.1:9/x', HTTP_RETRIES: '0', ...env });

describe('client errors are 4xx with a short message, never 500 with a stack', () => {
  it.each([
    ['malformed JSON', '{"source":', 'application/json', 400, /not valid JSON/],
    ['a JSON null body', 'null', 'application/json', 400, /JSON object/],
    ['a JSON array body', '["nbk"]', 'application/json', 400, /JSON object/],
    ['an oversized body', JSON.stringify({ source: 'x'.repeat(5000) }), 'application/json', 413, /too large/],
    ['a text/plain body', 'source=nbk', 'text/plain', 415, /application\/json/],
  ])('POST /api/refresh with %s → %i', async (_n, body, type, status, msg) => {
    const { app } = await readOnlyApp();
    for (const auth of [undefined, `Bearer ${TOKEN}`]) {
      const req = request(app).post('/api/refresh').set('Content-Type', type);
      if (auth) req.set('Authorization', auth);
      const res = await req.send(body);
      expect(res.status, `${auth ? 'with' : 'without'} a token`).toBe(status);
      expect(res.body.error).toMatch(msg);
      expect(res.text).not.toMatch(/at \w+ \(|node_modules/);
    }
  });
  it.each(['/series/%E0%A4%A/full.csv', '/api/series/%', '/series/%zz', '/paper/%'])('malformed percent-encoding %s → 400', async (url) => {
    const { app } = await readOnlyApp();
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/URIError|at \w+ \(/);
  });
  it('the Bearer scheme is matched without regard to case (RFC 7235)', async () => {
    const { app, controller } = await appWith();
    const res = await request(app).post('/api/refresh').set('Authorization', `bearer ${TOKEN}`).send({ source: 'imf' });
    expect(res.status).toBe(202);
    await controller.settle();
  });
});

describe('failed-token throttling never blocks the valid token', () => {
  it('after many wrong tokens the right one still starts a refresh; wrong ones get 429', async () => {
    const { app, controller } = await appWith();
    for (let i = 0; i < 6; i++) await request(app).post('/api/refresh').set('Authorization', 'Bearer wrong-wrong-wrong-wrong');
    expect((await request(app).post('/api/refresh').set('Authorization', 'Bearer wrong-wrong-wrong-wrong')).status).toBe(429);
    const ok = await request(app).post('/api/refresh').set('Authorization', `Bearer ${TOKEN}`).send({ source: 'imf' });
    expect(ok.status).toBe(202);
    await controller.settle();
  });
});

describe('a refresh that cannot start is answered 409 and recorded', () => {
  it('while another process holds the lock: 409 naming the holder, and a refused run in the history and on /status', async () => {
    const d = await tempDataDir();
    await fs.cp(path.resolve('data'), d, { recursive: true, filter: notRaw });
    const lock = await acquireLock(d, 'cli refresh of nbk');
    try {
      const { app } = await testApp(d, { REFRESH_TOKEN: TOKEN });
      const res = await request(app).post('/api/refresh').set('Authorization', `Bearer ${TOKEN}`).send({ source: 'nbk' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatch(/cli refresh of nbk/);
      const history = (await fs.readFile(path.join(d, 'runs.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      expect(history.at(-1)).toMatchObject({ id: res.body.runId, job: 'nbk', trigger: 'manual', outcome: 'refused', error: { code: 'LOCKED' } });
      const status = await request(app).get('/status');
      expect(status.text).toContain(res.body.runId);
      expect(status.text).toMatch(/refused/);
    } finally {
      await lock.release();
    }
  });
});

describe('plain HTTP on an office network, and links that do not trust the Host header', () => {
  it('no HSTS and no upgrade-insecure-requests unless the public URL is https', async () => {
    const { app } = await readOnlyApp();
    const res = await request(app).get('/data');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    const { app: https } = await readOnlyApp({ PUBLIC_URL: 'https://kz.example.org' });
    const s = await request(https).get('/data');
    expect(s.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(s.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });
  it('citations and the bundle README never carry the Host header', async () => {
    const { app } = await readOnlyApp({ PUBLIC_URL: 'https://kz.example.org' });
    const page = await request(app).get('/series/imf.LUR.KAZ').set('Host', 'evil.example');
    expect(page.text).not.toContain('evil.example');
    expect(page.text).toContain('https://kz.example.org/series/imf.LUR.KAZ');
    const zip = await request(app).get('/series/imf.LUR.KAZ/bundle.zip').set('Host', 'evil.example').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const { unzipSync, strFromU8 } = await import('fflate');
    const readme = strFromU8(unzipSync(new Uint8Array(zip.body as Buffer))['README.md']);
    expect(readme).not.toContain('evil.example');
    const { app: noUrl } = await readOnlyApp();
    expect((await request(noUrl).get('/series/imf.LUR.KAZ').set('Host', 'evil.example')).text).not.toContain('evil.example');
  });
});

describe('every GET is served from the response cache', () => {
  it.each(['/api/series/nbk.USD?format=csv&freq=m', '/api/series/nbk.USD?freq=m', '/series/imf.LUR.KAZ/metadata.json', '/series/imf.LUR.KAZ/bundle.zip', '/paper', '/paper/ledger.csv', '/data', '/compare?concept=fx', '/api/series'])('%s answers a repeat with 304', async (url) => {
    const { app } = await readOnlyApp();
    const first = await request(app).get(url).set('Host', 'kz.test');
    expect(first.status).toBe(200);
    // The response cache's strong ETag (Express's own is weak, W/"…", and rebuilds every time).
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    const again = await request(app).get(url).set('Host', 'kz.test').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });
});
