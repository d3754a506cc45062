// The API description is generated from the code: a validator accepts it, every route a program
// may call is described and every described route answers; reading is open to any origin;
// every view has snippets that follow it; the CSV shape the API page documents is what downloads hold.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { REPO } from '../support/data-dir.ts';
import { sharedApp } from '../support/app.ts';
import { CSV_SHAPES } from '../../src/server/openapi.ts';

let app: Awaited<ReturnType<typeof sharedApp>>['app'];
beforeAll(async () => {
  ({ app } = await sharedApp(path.join(REPO, 'data')));
});

/** Every route the app serves: [method, path] from Express's own router. */
function servedRoutes(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (stack: Array<{ route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }>) => {
    for (const l of stack) {
      if (l.route) for (const m of Object.keys(l.route.methods)) out.push([m, l.route.path]);
      else if (l.handle?.stack) walk(l.handle.stack as never);
    }
  };
  walk((app as unknown as { router: { stack: never[] } }).router.stack);
  return out;
}
/** Pages for people (HTML) and static files: not part of the API description. */
const PAGES = new Set(['/partners/rerouting', '/', '/data', '/status', '/compare', '/paper', '/api', '/series/:id', '/series/:id/vintages', '/partners', '/favicon.ico']);

describe('the OpenAPI description', () => {
  it('is valid OpenAPI 3.1 by a validator', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });
  it('describes every route a program may call, and every route it describes answers', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body;
    const described = Object.entries(doc.paths as Record<string, object>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    const served = servedRoutes()
      .filter(([, p]) => !PAGES.has(p) && !p.startsWith('/assets/'))
      .map(([m, p]) => `${m} ${p}`);
    expect(served.sort()).toEqual(described.sort());
    for (const d of described.filter((x) => x.startsWith('get '))) {
      const url = d.slice(4).replace(':id', d.includes('vintages') || d.includes('forecast') ? 'imf.NGDP_RPCH.KAZ' : 'imf.NGDPD.KAZ').replace(':table', 'mirror') + (d.endsWith('/api/search') ? '?q=rouble' : '');
      expect((await request(app).get(url)).status, url).toBe(200);
    }
  });
  it('takes its parameters from the request schemas (the allowed values are the ones the server checks)', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body;
    const params = doc.paths['/api/series/{id}'].get.parameters as Array<{ name: string; schema: { enum?: string[] } }>;
    expect(params.find((p) => p.name === 'units')!.schema.enum).toEqual(['lin', 'chg', 'ch1', 'pch', 'pc1', 'pca', 'log', 'index']);
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'freq', 'from', 'to', 'format', 'layout', 'vintage']));
    const page = await request(app).get('/api');
    expect(page.status).toBe(200);
    expect(page.text).toContain('GET /api/series/{id}');
    expect(page.text).toMatch(/&#34;date&#34;: &#34;2023&#34;,\s+&#34;value&#34;: 261\.84,\s+&#34;status&#34;: &#34;actual&#34;/); // WEO October 2025, KAZ GDP 2023
  });
});

describe('CORS for reading', () => {
  it.each(['/api/series/imf.NGDPD.KAZ?format=csv', '/api/series', '/series/nbk.USD/full.csv', '/series/imf.LUR.KAZ/metadata.json', '/paper/ledger.csv', '/series/imf.NGDP_RPCH.KAZ/vintages.csv', '/partners/fdi.csv', '/api/partners'])('%s answers any origin', async (url) => {
    const res = await request(app).get(url).set('Origin', 'https://notebook.example');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
  it('pages and the refresh endpoint are not opened to other origins', async () => {
    expect((await request(app).get('/series/nbk.USD').set('Origin', 'https://x.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await request(app).post('/api/refresh').set('Origin', 'https://x.example')).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('"Use this data" under every chart', () => {
  it('gives the view\'s CSV and JSON URLs and snippets that change with the view', async () => {
    const a = (await request(app).get('/series/nbk.USD?freq=m&units=pc1&from=2020')).text;
    expect(a).toContain('/api/series/nbk.USD?units=pc1&amp;freq=m&amp;from=2020-01-01&amp;format=csv');
    for (const s of ['read.csv(', 'jsonlite::fromJSON(', 'pd.read_csv(', 'import delimited', 'From Web', 'curl -o']) expect(a).toContain(s);
    expect(a).toMatch(/Source: National Bank of the Republic of Kazakhstan/);
    const b = (await request(app).get('/series/nbk.USD?freq=a')).text;
    expect(b).toContain('/api/series/nbk.USD?freq=a&amp;format=csv');
  });
});

describe('the documented CSV shape is what downloads hold', () => {
  it.each([
    ['/api/series/imf.NGDPD.KAZ?format=csv&from=2023&to=2024', 'A view, long'],
    ['/series/nbk.USD/full.csv', 'A whole series'],
    ['/series/imf.NGDP_RPCH.KAZ/vintages.csv', 'Every edition of a WEO series'],
  ])('%s', async (url, shape) => {
    const res = await request(app).get(url).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false); // no BOM
    const text = bytes.toString('utf8');
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')[0]).toBe(CSV_SHAPES.find((s) => s.name === shape)!.columns.map((c) => c[0]).join(','));
  });
  it('a missing value is an empty cell, its status too', async () => {
    const text = (await request(app).get('/api/series/nbk.BYN?format=csv&units=pca&from=2016-07-02&to=2016-07-02')).text;
    expect(text.trim().split('\n')[1].endsWith(',2016-07-02,,')).toBe(true);
  });
});
