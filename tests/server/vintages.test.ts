// The forecast history page, its downloads and API, on the bundled fourteen WEO editions.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { REPO } from '../support/data-dir.ts';
import { sharedApp } from '../support/app.ts';
import { parseCsv } from '../../src/lib/csv.ts';

let app: Awaited<ReturnType<typeof sharedApp>>['app'];
beforeAll(async () => {
  ({ app } = await sharedApp(path.join(REPO, 'data')));
});

describe('/series/<id>/vintages', () => {
  it('shows the forecast of 2022 by edition with the April 2022 cut, and the forecast-error table', async () => {
    const res = await request(app).get('/series/imf.NGDP_RPCH.KAZ/vintages?target=2022');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<th scope="row">WEO October 2021<\/th><td>3\.859<\/td><td>projection<\/td>/);
    expect(res.text).toMatch(/<th scope="row">WEO April 2022<\/th><td>2\.32<\/td><td>projection<\/td><td>-1\.54<\/td>/);
    expect(res.text).toMatch(/<th scope="row">WEO October 2023<\/th><td>3\.299<\/td><td>actual<\/td>/);
    expect(res.text).toContain('first published actual: 3.299 (WEO October 2023)');
    expect(res.text).toContain('Mean error vs first actual');
    const chart = JSON.parse(/id="path-data">([\s\S]*?)<\/script>/.exec(res.text)![1]);
    expect(chart.traces.find((t: { id: string }) => t.id === 'forecast').y).toContain(2.32);
  });
  it('is linked from the series page, cached like it (ETag → 304), and only for series with editions', async () => {
    expect((await request(app).get('/series/imf.NGDP_RPCH.KAZ')).text).toContain('/series/imf.NGDP_RPCH.KAZ/vintages');
    const first = await request(app).get('/series/imf.NGDP_RPCH.KAZ/vintages?target=2022').set('Host', 'kz.test');
    const again = await request(app).get('/series/imf.NGDP_RPCH.KAZ/vintages?target=2022').set('Host', 'kz.test').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect((await request(app).get('/series/nbk.USD/vintages')).status).toBe(404);
  });
  it('picks editions from the URL, and an unknown edition is a 400 listing them', async () => {
    const res = await request(app).get('/series/imf.NGDP_RPCH.KAZ/vintages?target=2022&editions=2021-10,2022-04');
    const chart = JSON.parse(/id="editions-data">([\s\S]*?)<\/script>/.exec(res.text)![1]);
    expect([...new Set(chart.traces.map((t: { id: string }) => t.id))]).toEqual(['2021-10', '2022-04']);
    const bad = await request(app).get('/series/imf.NGDP_RPCH.KAZ/vintages?editions=2022-05').set('Accept', 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/2022-05 is not an edition of imf.NGDP_RPCH.KAZ; its editions are 2019-04, 2019-10/);
    const badView = await request(app).get('/api/series/imf.NGDP_RPCH.KAZ?vintage=2022-05');
    expect(badView.status).toBe(400);
    expect(badView.body.error).toMatch(/it has: 2019-04, .*2025-04/);
  });
});

describe('all-editions downloads', () => {
  it('long CSV: one row per edition and year, with the status in that edition', async () => {
    const rows = parseCsv((await request(app).get('/series/imf.NGDP_RPCH.KAZ/vintages.csv')).text);
    expect(rows[0]).toEqual(['series_id', 'edition', 'edition_label', 'published', 'date', 'value', 'status']);
    expect(rows.find((r) => r[1] === '2022-04' && r[4] === '2022')).toEqual(['imf.NGDP_RPCH.KAZ', '2022-04', 'WEO April 2022', '2022-04', '2022', '2.32', 'projection']);
    expect(rows.find((r) => r[1] === '2022-04' && r[4] === '2020')?.[6]).toBe('actual');
    expect(new Set(rows.slice(1).map((r) => r[1])).size).toBe(14);
  });
  it('JSON API and the forecast errors CSV', async () => {
    const api = (await request(app).get('/api/series/imf.NGDP_RPCH.KAZ/vintages')).body;
    expect(api.editions).toHaveLength(14);
    expect(api.editions[6]).toMatchObject({ key: '2022-04', label: 'WEO April 2022', lastActualYear: 2020 });
    const errs = parseCsv((await request(app).get('/series/imf.NGDP_RPCH.KAZ/forecast-errors.csv')).text);
    const r = errs.find((x) => x[1] === '2022' && x[2] === 'current-spring')!;
    expect(r.slice(3, 6)).toEqual(['2022-04', '2.32', '3.299']);
    expect(Number(r[7])).toBeCloseTo(2.32 - 3.299, 12);
  });
});

describe('editions on /compare and the overview', () => {
  it('/compare sets any edition of the first series beside the current one', async () => {
    const res = await request(app).get('/compare?concept=growth&vintage=2021-10');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<code>imf.NGDP_RPCH.KAZ</code> in WEO October 2021');
    const chart = JSON.parse(/id="chart-data">([\s\S]*?)<\/script>/.exec(res.text)![1]);
    expect(chart.traces.some((t: { name: string }) => /WEO October 2021/.test(t.name))).toBe(true);
    expect((await request(app).get('/compare?concept=growth&vintage=1999-04').set('Accept', 'application/json')).status).toBe(400);
  });
  it('the overview shows the same year as an earlier edition had it', async () => {
    const res = await request(app).get('/?edition=2021-10');
    expect(res.status).toBe(200);
    // Real growth 2023 (the last actual year in WEO October 2025) was forecast at 5.817 in WEO October 2021.
    expect(res.text).toMatch(/In WEO October 2021: <strong>5\.817<\/strong> for 2023 \(projection\)/);
    expect((await request(app).get('/?edition=nope').set('Accept', 'application/json')).status).toBe(400);
  });
});
