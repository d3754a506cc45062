import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDataDir, notRaw, REPO } from '../support/data-dir.ts';
import { sharedApp, testApp } from '../support/app.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { JOBS } from '../../pipelines/index.ts';
import { resealProcessed } from '../support/tamper.ts';

// The pages only read (a POST without a token is refused before anything runs): one app on the bundled data.
let app: Awaited<ReturnType<typeof testApp>>['app'];
beforeAll(async () => {
  ({ app } = await sharedApp(path.join(REPO, 'data')));
});

describe('pages', () => {
  it.each(['/', '/data', '/status', '/series/nbk.USD', '/series/imf.NGDPD.KAZ', '/data?q=KAZ+inflation'])('%s renders', async (url) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script
  });

  it('the overview shows the latest actual values, not IMF projections', async () => {
    const res = await request(app).get('/');
    expect(res.text).toContain('Tenge per US dollar');
    expect(res.text).toContain('2026-09-11'); // last date of the bundled NBK history
    expect(res.text).toMatch(/shown here: the last actual year/);
  });

  it('puts the chart data in an escaped JSON script element', async () => {
    const res = await request(app).get('/series/imf.NGDPD.KAZ?units=pc1&from=2010');
    const m = /<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(res.text);
    const chart = JSON.parse(m![1]);
    expect(chart.traces[0].x[0]).toBe('2010-01-01');
    expect(chart.yTitle).toMatch(/Percent change from a year ago/);
  });

  it('draws IMF projections apart from actual years, and marks them in the table', async () => {
    const res = await request(app).get('/series/imf.NGDPD.KAZ');
    const chart = JSON.parse(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(res.text)![1]);
    expect(chart.traces.map((t: { name: string }) => t.name)).toEqual(['Kazakhstan: GDP, current prices', 'Kazakhstan: GDP, current prices — projection after 2023']);
    expect(chart.traces[0].x.at(-1)).toBe('2023-01-01');
    expect(chart.traces[1].x[0]).toBe('2023-01-01'); // joined at the last actual year
    expect(chart.traces[1].dash).toBe('dash');
    expect(res.text).toMatch(/<th scope="row">2024 <span class="muted small">projection<\/span><\/th>/);
    expect(res.text).not.toMatch(/<th scope="row">2023 <span/);
  });
});

describe('parameter errors', () => {
  it.each([
    ['/series/nope.X', 404, /no series/],
    ['/series/nbk.USD?units=bogus', 400, /units/],
    ['/series/nbk.USD?from=2020-13-45', 400, /not a date/],
    ['/series/nbk.USD?from=2020&to=2010', 400, /after/],
    ['/series/nbk.USD?units=index', 400, /index_date/],
    ['/api/series/nbk.USD?freq=w', 400, /freq/],
    ['/api/series/nope.X', 404, /no series/],
  ])('%s → %i with a message', async (url, status, msg) => {
    const res = await request(app).get(url).set('Accept', url.startsWith('/api') ? 'application/json' : 'text/html');
    expect(res.status).toBe(status);
    expect(res.text).toMatch(msg);
  });

  it.each(['/series/..%2f..%2fetc%2fpasswd', '/series/..%2F..%2Fpackage.json/full.csv', '/series/%2e%2e%2fraw%2fPROVENANCE.md', '/assets/..%2f..%2fpackage.json', '/series/nbk.USD%00/full.csv'])('traversal %s → 404', async (url) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/"name": "kz-indicators"/);
  });
});

describe('downloads and API', () => {
  it('CSV of the view is exactly the table: annual averages of NBK USD', async () => {
    const res = await request(app).get('/series/nbk.USD/view.csv?freq=a&from=2014&to=2015');
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual(['series_id', 'vintage', 'frequency', 'unit', 'date', 'value', 'status']);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['2014', '2015']);
    const page = await request(app).get('/series/nbk.USD?freq=a&from=2014&to=2015');
    // An average of 2-decimal rates is shown with 4 decimals (the source's precision + 2).
    expect(page.text).toContain(`<td>${Number(rows[1][5]).toLocaleString('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 4 })}</td>`);
  });

  it('wide CSV has one column per series', async () => {
    const res = await request(app).get('/series/nbk.USD/view.csv?compare=nbk.USDRUB&from=2022-02-20&to=2022-03-10&layout=wide');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual(['date', 'nbk.USD', 'nbk.USD status', 'nbk.USDRUB', 'nbk.USDRUB status']);
    expect(rows.find((r) => r[0] === '2022-02-24')?.[1]).toBe('437.22');
  });

  it('full CSV, metadata JSON, zip bundle, API catalogue and series', async () => {
    const full = await request(app).get('/series/imf.LUR.KAZ/full.csv');
    expect(full.text.split('\n')[0]).toBe('series_id,date,value,status');
    // Issue "Numbers on the partners page…", item 6: the same rows and statuses as the API, a missing year empty (bns.IMPORTS.YEM: 4 rows were 6).
    for (const id of ['bns.IMPORTS.YEM', 'imf.NGDPD.KAZ']) {
      const api = (await request(app).get(`/api/series/${id}`)).body.series[0].observations as Array<{ date: string; value: number | null; status: string | null }>;
      const csv = (await request(app).get(`/series/${id}/full.csv`)).text.trim().split('\n').slice(1).map((l) => l.split(','));
      expect(csv.map((r) => [r[1], r[2] === '' ? null : Number(r[2]), r[3] === '' ? null : r[3]])).toEqual(api.map((o) => [o.date, o.value, o.status]));
    }
    const meta = await request(app).get('/series/imf.LUR.KAZ/metadata.json');
    expect(meta.body.vintage.label).toBe('WEO October 2025');
    const zip = await request(app).get('/series/imf.LUR.KAZ/bundle.zip').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect((zip.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const cat = await request(app).get('/api/series');
    expect(cat.body.series.length).toBeGreaterThan(90);
    const one = await request(app).get('/api/series/nbk.USD?freq=m&agg=eop&from=2015-07&to=2015-09');
    expect(one.body.series[0].observations.map((o: { date: string }) => o.date)).toEqual(['2015-07', '2015-08', '2015-09']);
  });

  it('answers a repeat request with 304 (ETag)', async () => {
    const first = await request(app).get('/series/nbk.USD/full.csv');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    const again = await request(app).get('/series/nbk.USD/full.csv').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('serves Plotly from the project with immutable caching', async () => {
    const page = await request(app).get('/');
    const src = /<script src="(\/assets\/plotly-basic[^"]+)"/.exec(page.text)![1];
    const res = await request(app).get(src);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });
});

describe('escaping', () => {
  it('escapes a metadata field holding <script> on every page and keeps CSV text from running as a formula', async () => {
    const dir = await tempDataDir();
    await fs.cp(path.resolve('data'), dir, { recursive: true, filter: notRaw });
    const metaFile = path.join(dir, 'processed/imf.meta.json');
    const meta = JSON.parse(await fs.readFile(metaFile, 'utf8'));
    meta.series['imf.LUR.KAZ'].title = '<script>alert(1)</script>=HYPERLINK("x")';
    meta.series['imf.LUR.KAZ'].unit = '</script><img src=x onerror=alert(1)>';
    await fs.writeFile(metaFile, JSON.stringify(meta));
    await resealProcessed(dir, 'imf');
    const { app: evil } = await testApp(dir);
    for (const url of ['/series/imf.LUR.KAZ', '/data', '/']) {
      const res = await request(evil).get(url);
      expect(res.text, url).not.toContain('<script>alert(1)');
      expect(res.text, url).not.toContain('<img src=x');
    }
    const page = await request(evil).get('/series/imf.LUR.KAZ');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const csv = await request(evil).get('/series/imf.LUR.KAZ/view.csv');
    const rows = parseCsv(csv.text);
    expect(rows[1][3].startsWith("'") || rows[1][3].startsWith('<')).toBe(true);
    const wide = await request(evil).get('/series/imf.LUR.KAZ/view.csv?layout=wide');
    expect(parseCsv(wide.text)[1][1]).toMatch(/^-?\d/); // numbers untouched
  });
});

describe('manual refresh endpoint', () => {
  it('is off (403) without a configured token', async () => {
    expect((await request(app).post('/api/refresh')).status).toBe(403);
  });
  it('needs the right bearer token: none → 401, wrong → 401, right → 202 with a run id, repeated → same run', async () => {
    const dir = await tempDataDir();
    await fs.cp(path.resolve('data'), dir, { recursive: true, filter: notRaw });
    // Point every source at a closed port: the run fails fast, which is fine here.
    const { app: a, controller } = await testApp(dir, {
      REFRESH_TOKEN: 'a-long-enough-test-token',
      IMF_DATAMAPPER_URL: 'http://127.0.0.1:9/x', NBK_RATES_URL: 'http://127.0.0.1:9/x', WORLDBANK_API_URL: 'http://127.0.0.1:9/x', HTTP_RETRIES: '0',
    });
    expect((await request(a).post('/api/refresh')).status).toBe(401);
    expect((await request(a).post('/api/refresh').set('Authorization', 'Bearer wrong-token-wrong-token')).status).toBe(401);
    const ok = await request(a).post('/api/refresh').set('Authorization', 'Bearer a-long-enough-test-token').send({ source: 'imf' });
    expect(ok.status).toBe(202);
    expect(ok.body.runId).toBeTruthy();
    const again = await request(a).post('/api/refresh').set('Authorization', 'Bearer a-long-enough-test-token').send({ source: 'imf' });
    expect(again.body).toMatchObject({ runId: ok.body.runId, started: false });
    const [record] = await controller.settle();
    expect(record.outcome).toBe('failed');
    // One run id from the endpoint's answer to the run history and the status page.
    expect(record.id).toBe(ok.body.runId);
    const history = (await fs.readFile(path.join(dir, 'runs.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(history.map((r: { id: string; job: string }) => `${r.id} ${r.job}`)).toEqual([`${ok.body.runId} imf`]);
    const status = await request(a).get('/status');
    expect(status.text).toMatch(/HTTP_NETWORK_ERROR/);
    expect(status.text).toContain(ok.body.runId);
    const page = await request(a).get('/series/imf.NGDPD.KAZ');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Refresh failed/);
  });
  it('rate-limits failed attempts', async () => {
    const dir = await tempDataDir();
    await fs.cp(path.resolve('data'), dir, { recursive: true, filter: notRaw });
    const { app: a } = await testApp(dir, { REFRESH_TOKEN: 'a-long-enough-test-token' });
    for (let i = 0; i < 5; i++) await request(a).post('/api/refresh').set('Authorization', 'Bearer nope');
    expect((await request(a).post('/api/refresh').set('Authorization', 'Bearer nope')).status).toBe(429);
  });
});

describe('rendered-response cache', () => {
  it('serves a page again with the same ETag, and rebuilds it when the processed data changes', async () => {
    const dir = await tempDataDir();
    await fs.cp(path.resolve('data'), dir, { recursive: true, filter: notRaw });
    let clock = 0;
    const { app: a } = await testApp(dir, {}, () => clock);
    // supertest listens on a new port per request; a fixed Host keeps the page (and its citation URL) the same.
    const first = await request(a).get('/series/imf.LUR.KAZ').set('Host', 'kz.test');
    const again = await request(a).get('/series/imf.LUR.KAZ').set('Host', 'kz.test').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    const metaFile = path.join(dir, 'processed/imf.meta.json');
    const meta = JSON.parse(await fs.readFile(metaFile, 'utf8'));
    meta.series['imf.LUR.KAZ'].title = 'Kazakhstan: Unemployment rate (retitled by a refresh)';
    await fs.writeFile(metaFile, JSON.stringify(meta));
    await resealProcessed(dir, 'imf');
    clock += 1000; // the repository checks files at most once a second
    const after = await request(a).get('/series/imf.LUR.KAZ').set('Host', 'kz.test').set('If-None-Match', first.headers.etag);
    expect(after.status).toBe(200);
    expect(after.text).toContain('retitled by a refresh');
  });

  it('never reflects the Host header, so a forged one cannot poison what others see', async () => {
    const res1 = await request(app).get('/series/imf.LUR.KAZ').set('Host', 'evil.example');
    expect(res1.text).not.toContain('evil.example');
    const res2 = await request(app).get('/series/imf.LUR.KAZ').set('Host', 'localhost:3000');
    expect(res2.text).not.toContain('evil.example');
  });
});

describe('the paper page', () => {
  it('shows the ledger with verdicts, filters by verdict, and serves CSV, JSON and the replication bundle', async () => {
    const page = await request(app).get('/paper');
    expect(page.status).toBe(200);
    expect(page.text).toContain('From 2014 to 2023, inflation in Kazakhstan surged by 124%');
    expect(page.text).toContain('Figure 1');
    const filtered = await request(app).get('/paper?verdict=ambiguous');
    expect(filtered.text).toContain('tenge-fortnight');
    expect(filtered.text).not.toContain('id="gdp-2013"');
    const csv = parseCsv((await request(app).get('/paper/ledger.csv')).text);
    expect(csv[0].slice(0, 3)).toEqual(['claim_id', 'section', 'quote']);
    const json = (await request(app).get('/paper/ledger.json')).body;
    expect(json.claims.length).toBeGreaterThan(15);
    const zip = await request(app).get('/paper/replication.zip').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(new Uint8Array(zip.body as Buffer));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.md', 'ledger.csv', 'ledger.json', 'series/imf.PCPI.KAZ.csv', 'series/nbk.USD.metadata.json', 'series/imf.PCPIPCH.KAZ.vintages.csv']));
    expect(strFromU8(files['README.md'])).toMatch(/### inflation-2014-2023 \(§3\.1\.1\) — differs/);
  });

  it('compare shows both sources with their differences, trade reporter against mirror included', async () => {
    const res = await request(app).get('/compare?concept=fx');
    expect(res.status).toBe(200);
    expect(res.text).toContain('wb.PA.NUS.FCRF.KAZ');
    expect(res.text).toContain('/compare?concept=trade-china-imports');
    // Reporter against mirror: Kazakhstan's imports from China (BNS, thousand US$) beside China's exports (Comtrade, rescaled).
    const mirror = await request(app).get('/compare?concept=trade-china-imports');
    expect(mirror.status).toBe(200);
    expect(mirror.text).toContain('comtrade.X.KAZ.CHN');
    expect(mirror.text).toMatch(/CIF/);
    // Both sides in billions of US dollars, each cell the published figure with its point moved
    // (BNS thousands: 6 places, Comtrade dollars: 9), the difference exact (item 7).
    const bnsValues = new Map((await request(app).get('/api/series/bns.IMPORTS.CHN')).body.series[0].observations.map((o: { date: string; value: number }) => [o.date, o.value]));
    const ctValues = new Map((await request(app).get('/api/series/comtrade.X.KAZ.CHN')).body.series[0].observations.map((o: { date: string; value: number }) => [o.date, o.value]));
    const rows = [...mirror.text.split('<tbody>')[1].split('</tbody>')[0].matchAll(/<th scope="row">(\d{4})<\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td>/g)];
    expect(rows.length).toBeGreaterThan(4);
    const { Decimal } = await import('decimal.js');
    for (const [, year, a, b, diff] of rows) {
      const [da, db] = [new Decimal(bnsValues.get(year) as number).div(1e6), new Decimal(ctValues.get(year) as number).div(1e9)];
      expect([a, b, diff].map((x) => x.replace(/,/g, '')), year).toEqual([da.toString(), db.toString(), da.minus(db).toString()]);
    }
    expect(mirror.text).toContain('<figcaption>Bureau of National Statistics of the Republic of Kazakhstan (BNS, latest release of each year) vs United Nations, UN Comtrade database (UN Comtrade (as downloaded)), billions of US dollars</figcaption>');
    expect((await request(app).get('/compare?concept=nope')).status).toBe(404);
    // GDP: the World Bank's dollars are drawn in billions on the IMF's axis, projections apart.
    const gdp = await request(app).get('/compare?concept=gdp');
    const chart = JSON.parse(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(gdp.text)![1]);
    const wb = chart.traces.find((t: { id: string }) => t.id === 'wb.NY.GDP.MKTP.CD.KAZ');
    expect(wb.yaxis).toBe('y');
    expect(Math.max(...wb.y.filter((v: number | null) => v !== null))).toBeLessThan(1000);
    const projection = chart.traces.find((t: { name: string }) => /projection/.test(t.name));
    expect(Math.max(...projection.y)).toBeGreaterThan(250);
  });
});

describe('status API', () => {
  it('GET /api/status gives each source its state, freshness and schedule, in JSON', async () => {
    const res = await request(app).get('/api/status');
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.sources.map((s: { job: string }) => [s.job, s]));
    expect(Object.keys(by).sort()).toEqual(JOBS.map((j) => j.name).sort());
    expect(by.nbk).toMatchObject({ state: 'stale', latestObservation: '2026-09-11', expectedCadenceDays: 6 });
    // Imported-only sources have no schedule and say why.
    expect(by.bns.schedule).toMatch(/imported from a published table/);
    expect(by.imts.series).toBeGreaterThan(400);
    expect(by.imf.schedule).toMatch(/Asia\/Almaty/);
    expect(res.body.running).toBeNull();
  });
  it('answers the browser\'s favicon request without a 404', async () => {
    expect((await request(app).get('/favicon.ico')).status).toBe(204);
  });
});

describe('Plotly only where a chart is drawn (issue "Numbers on the partners page…", item 10)', () => {
  it.each([['/data', false], ['/status', false], ['/api', false], ['/series/nope.X', false], ['/', true], ['/partners', true], ['/series/nbk.USD', true], ['/ru/data', false]] as const)('%s loads Plotly: %s', async (url, loads) => {
    const res = await request(app).get(url);
    expect(/assets\/plotly-basic[^"]*\.js/.test(res.text)).toBe(loads);
    expect(res.text).toMatch(/assets\/charts-[^"]*\.js/);
  });
});

describe('"compare with" suggestions come from the catalogue search (item 10)', () => {
  it('the series page carries no catalogue; /api/search finds by word form in either language, titled in the page\'s language', async () => {
    const page = await request(app).get('/series/nbk.USD');
    expect(page.text).toContain('<datalist id="series-ids" data-search="/api/search"></datalist>');
    expect(page.text.length).toBeLessThan(400_000);
    const en = await request(app).get('/api/search?q=rouble');
    expect(en.body.results.map((r: { id: string }) => r.id)).toContain('nbk.RUB');
    const ru = await request(app).get('/ru/api/search?q=рубля');
    const rub = ru.body.results.find((r: { id: string }) => r.id === 'nbk.RUB');
    expect(rub.title).toMatch(/[а-я]/);
    expect((await request(app).get('/api/search')).status).toBe(400);
    expect((await request(app).get('/api/search?q=x&y=1')).status).toBe(400);
  });
});

describe('the ledger in the paper\'s order (issue "Numbers on the partners page…", item 12)', () => {
  it('claims come in section order in the page and downloads, and the section filter names each section', async () => {
    const json = (await request(app).get('/paper/ledger.json')).body.claims.map((c: { claim: { section: string } }) => c.claim.section) as string[];
    const key = (s: string) => s.split('.').map((n) => n.padStart(3, '0')).join('.');
    expect(json).toEqual([...json].sort((a, b) => key(a).localeCompare(key(b))));
    expect(json[0]).toBe('1');
    const page = await request(app).get('/paper');
    expect(page.text).toContain('<option value="1">1 Introduction</option>');
    expect((await request(app).get('/ru/paper')).text).toContain('<option value="1">1 Введение</option>');
  });

  it('keeps each claim\'s readings one tap away: folded under a summary with the primary value and their count (item 12)', async () => {
    for (const [url, count] of [['/paper', /^(Primary: [-−\d.,]+ · )?\d+ readings?, with (its|their) sources?$/], ['/ru/paper', /^(Основное: [-−\d\s,]+ · )?\d+ прочтени(е|я|й) и (его|их) источник(и)?$/]] as const) {
      const page = (await request(app).get(url)).text;
      const lists = page.split('<ul class="readings">').length - 1;
      const summaries = [...page.matchAll(/<details class="readings-box"><summary>(.*?)<\/summary>\s*<ul class="readings">/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
      expect(lists).toBeGreaterThan(15);
      expect(summaries, `${url}: every list of readings sits folded under its summary`).toHaveLength(lists);
      for (const summary of summaries) expect(summary).toMatch(count);
    }
    const inflation = (await request(app).get('/paper')).text.split('<tr id="inflation-2014-2023">')[1];
    expect(inflation).toMatch(/<summary>Primary: <strong>[\d.,]+<\/strong> · \d+ readings/);
  });
});

describe('a view with no value says so in the chart\'s place (issue "Numbers on the partners page…", item 9)', () => {
  it.each([['/series/nbk.USD?from=1990&to=1995', 'No values in this view: the series runs from 2005-01-0'], ['/ru/series/nbk.USD?from=1990&to=1995', 'В этом виде нет значений: ряд охватывает период с 1 января 2005 г.']])('%s', async (url, said) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(new RegExp(`<text[^>]*>${said}`));
    expect(res.text).toContain('"emptyText"');
  });
});

describe('one decimal mark per language (item 9)', () => {
  it('the forecast history legend writes its values as the page\'s axis does', async () => {
    const ru = await request(app).get('/ru/series/imf.NGDP_RPCH.KAZ/vintages?target=2022');
    const names = [...ru.text.matchAll(/"name":"([^"]*(?:факт)[^"]*)"/gi)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n, n).not.toMatch(/\d\.\d/);
  });
});
