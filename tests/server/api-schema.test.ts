// One schema per endpoint: every invalid parameter is a 400 naming the parameter, the value and
// what is allowed; on API routes an unknown parameter is a 400 naming it; pages ignore it.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { REPO } from '../support/data-dir.ts';
import { sharedApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof sharedApp>>['app'];
beforeAll(async () => {
  ({ app } = await sharedApp(path.join(REPO, 'data')));
});

describe('API parameters', () => {
  it.each([
    ['/api/series/nbk.USD?unit=pc1', /unknown parameter unit; this endpoint takes: units, freq, agg, basis, from, to, index_date, compare, events, vintage, scale, highlight_from, highlight_to, format, layout/],
    ['/api/series/nbk.USD?units=pc2', /units="pc2" is not one of lin, chg, ch1, pch, pc1, pca, log, index/],
    ['/api/series/nbk.USD?freq=w', /freq="w" is not one of d, m, q, a/],
    ['/api/series/nbk.USD?format=xml', /format="xml" is not one of json, csv/],
    ['/api/series/nbk.USD?layout=tall&format=csv', /layout="tall" is not one of long, wide/],
    ['/api/series/nbk.USD?from=2024-02-30', /from="2024-02-30" is not a date/],
    ['/api/series/nbk.USD?units=pc1&units=pch', /parameter units must be given once/],
    ['/api/series?q=KAZ', /unknown parameter q; this endpoint takes: no parameters/],
    ['/api/status?verbose=1', /unknown parameter verbose/],
    ['/api/series/imf.NGDPD.KAZ/vintages?target=2022', /unknown parameter target/],
  ])('%s → 400 %s', async (url, msg) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(msg);
  });
  it('a form submission with its empty fields is the view without them (pages and API)', async () => {
    const form = 'units=pc1&index_date=&freq=&agg=avg&basis=calendar&from=2013-01-01&to=&compare=&events=on';
    expect((await request(app).get(`/series/nbk.USD?${form}`)).status).toBe(200);
    expect((await request(app).get(`/api/series/nbk.USD?${form}`)).status).toBe(200);
  });
  it('pages ignore parameters they do not know', async () => {
    expect((await request(app).get('/series/nbk.USD?unit=pc1&utm_source=x')).status).toBe(200);
  });
  it('valid parameters are typed through: format=csv&layout=wide', async () => {
    const res = await request(app).get('/api/series/nbk.USD?format=csv&layout=wide&from=2026-09-10');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.split('\n')[0]).toBe('date,nbk.USD,nbk.USD status');
  });
});
