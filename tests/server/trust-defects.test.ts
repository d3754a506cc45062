// The defects an independent recomputation found in the views (issue "Numbers an economist can
// trust"), each on the bundled data with its value computed by hand from the processed files:
//   imf.NGDPD.KAZ 2012 207.999, 2013 236.635, 2014 221.416, 2015 184.388 (billions of USD);
//   nbk.USD 2022-03-04 492.28, 03-05 499.2, 03-06 503.3, 03-10 510 (no announcement 03-07…09);
//   nbk.USD 2015-08-20 188.38, 08-21 255.26; nbk.BYN 2016-07-01 0.0168, 07-02 170.73 (redenomination).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { REPO } from '../support/data-dir.ts';
import { sharedApp } from '../support/app.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { pointMoved } from '../support/decimal-text.ts';

let app: Awaited<ReturnType<typeof sharedApp>>['app'];
let repo: Awaited<ReturnType<typeof sharedApp>>['repo'];
beforeAll(async () => {
  ({ app, repo } = await sharedApp(path.join(REPO, 'data')));
});

const api = async (q: string) => (await request(app).get(`/api/series/${q}`)).body;
const points = (body: { series: Array<{ observations: Array<{ date: string; value: number | null }> }> }, i = 0) =>
  Object.fromEntries(body.series[i].observations.map((o) => [o.date, o.value]));

describe('1. units=index bases the period that holds the index date', () => {
  it('annual: index_date=2013 makes 2013 = 100 (2014 = 221.416 / 236.635 × 100 = 93.5686)', async () => {
    const b = await api('imf.NGDPD.KAZ?units=index&index_date=2013&from=2012&to=2015');
    const p = points(b);
    expect(p['2013']).toBe(100);
    expect(p['2012']).toBeCloseTo(87.89866, 4);
    expect(p['2014']).toBeCloseTo(93.56858, 4);
    expect(p['2015']).toBeCloseTo(77.92085, 4);
    expect(b.series[0].unit).toBe('index, 2013 = 100');
  });
  it('monthly: index_date=2022-03 makes March 2022 = 100', async () => {
    const p = points(await api('nbk.USD?freq=m&units=index&index_date=2022-03&from=2022-02&to=2022-04'));
    expect(p['2022-03']).toBe(100);
    expect(p['2022-04']).not.toBe(100);
  });
  it('quarterly: index_date=2022-07-01 makes 2022-Q3 = 100', async () => {
    const b = await api('nbk.USD?freq=q&units=index&index_date=2022-07-01&from=2022-01&to=2022-12');
    expect(points(b)['2022-Q3']).toBe(100);
    expect(points(b)['2022-Q1']).not.toBe(100);
    expect(b.series[0].unit).toBe('index, 2022-Q3 = 100');
  });
  it('daily: an index date without an announcement uses the rate in force (503.30), not the next one (510.00)', async () => {
    const p = points(await api('nbk.USD?units=index&index_date=2022-03-08&from=2022-03-06&to=2022-03-10'));
    expect(p['2022-03-06']).toBe(100);
    expect(p['2022-03-10']).toBeCloseTo(101.33121, 4); // 510 / 503.3 × 100
  });
  it('an index date before the series starts gives no values and says why, instead of using the first value', async () => {
    const b = await api('nbk.USD?units=index&index_date=1990-01-01&from=2005-01-01&to=2005-01-31');
    expect(Object.values(points(b)).every((v) => v === null)).toBe(true);
    expect(b.series[0].notes.join(' ')).toMatch(/no value in force on 1990-01-01/);
  });
});

describe('2. daily pca annualises by the calendar days between the two observations', () => {
  it('2022-03-10 is 4 days after 2022-03-06: ((510 / 503.3)^(365/4) − 1) × 100 = 234.25 %, not 12,382 %', async () => {
    expect(points(await api('nbk.USD?units=pca&from=2022-03-10&to=2022-03-10'))['2022-03-10']).toBeCloseTo(234.24981, 3);
  });
  it('a value that overflows (BYN ×10,000 on 2016-07-02) is empty with a stated reason, not Infinity', async () => {
    const b = await api('nbk.BYN?units=pca&from=2016-07-02&to=2016-07-02');
    expect(points(b)['2016-07-02']).toBeNull();
    expect(b.series[0].notes.join(' ')).toMatch(/not a finite number/);
  });
});

describe('3. CSV numbers', () => {
  it('writes 1.4488e50 in full digits that read back to the same number (not 1.4488048926821074e+5)', async () => {
    const res = await request(app).get('/series/nbk.USD/view.csv?units=pca&from=2015-08-21&to=2015-08-21');
    const rows = parseCsv(res.text);
    const cell = rows[1][rows[0].indexOf('value')];
    expect(cell).toMatch(/^\d+$/);
    expect(Number(cell)).toBe(((255.26 / 188.38) ** 365 - 1) * 100);
  });
  it('a view whose transform overflows answers 200 with an empty cell, not 500', async () => {
    const res = await request(app).get('/series/nbk.BYN/view.csv?units=pca&from=2016-07-01&to=2016-07-02');
    expect(res.status).toBe(200);
    const rows = parseCsv(res.text);
    expect(rows.find((r) => r.includes('2016-07-02'))![rows[0].indexOf('value')]).toBe('');
  });
});

describe('4. parameters that cannot be honoured are refused, not echoed', () => {
  it('freq=m on an annual series is a 400 naming the frequencies it has', async () => {
    const res = await request(app).get('/api/series/imf.NGDPD.KAZ?freq=m');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/freq=m.*annual/);
  });
  it.each(['from=2024-02-30', 'to=2023-02-29', 'index_date=2022-04-31&units=index', 'from=2024-13'])('%s is not a calendar date: 400', async (q) => {
    const res = await request(app).get(`/api/series/nbk.USD?${q}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not a date/);
  });
});

describe('5. the year-ago rule for daily data is stated', () => {
  it('in the units help on the page and in the API answer', async () => {
    const page = await request(app).get('/series/nbk.USD?units=pc1');
    expect(page.text).toMatch(/rate in force on the same calendar date a year earlier/);
    const b = await api('nbk.USD?units=pc1&from=2024-03-01&to=2024-03-01');
    expect(b.series[0].unitHelp).toMatch(/rate in force on the same calendar date a year earlier \(29 February: 28 February\)/);
  });
});

describe('every value carries its status, in its own vintage', () => {
  it('IMF years after the last actual year are projections, in the JSON, both CSV layouts and the table', async () => {
    const b = await api('imf.NGDPD.KAZ?from=2023&to=2024');
    expect(b.series[0].observations).toEqual([
      { date: '2023', value: 261.84, status: 'actual' },
      { date: '2024', value: expect.any(Number), status: 'projection' },
    ]);
    const long = parseCsv((await request(app).get('/series/imf.NGDPD.KAZ/view.csv?from=2023&to=2024')).text);
    expect(long.map((r) => r[6])).toEqual(['status', 'actual', 'projection']);
    const wide = parseCsv((await request(app).get('/series/imf.NGDPD.KAZ/view.csv?from=2023&to=2024&layout=wide')).text);
    expect(wide.map((r) => r[2])).toEqual(['imf.NGDPD.KAZ status', 'actual', 'projection']);
    // The wide layout's unit and vintage per column are in the view's metadata.
    const cols = (await request(app).get('/series/imf.NGDPD.KAZ/view.metadata.json?from=2023&to=2024&vintage=2024-04')).body.columns;
    expect(cols).toEqual([
      expect.objectContaining({ column: 'imf.NGDPD.KAZ', statusColumn: 'imf.NGDPD.KAZ status', unit: 'billions of US dollars', vintage: 'WEO October 2025' }),
      expect.objectContaining({ column: 'imf.NGDPD.KAZ (WEO April 2024)', vintage: 'WEO April 2024' }),
    ]);
  });
  it('a change computed from a projection is a projection', async () => {
    const p = (await api('imf.NGDPD.KAZ?units=pc1&from=2023&to=2024')).series[0].observations;
    expect(p.map((o: { status: string }) => o.status)).toEqual(['actual', 'projection']);
  });
  it('an earlier vintage uses its own last actual year (WEO April 2024: 2022), so its 2023 is a projection', async () => {
    const b = await api('imf.NGDPD.KAZ?vintage=2024-04&from=2022&to=2023');
    const earlier = b.series[1].observations;
    expect(b.series[1].vintage).toBe('WEO April 2024');
    expect(earlier.map((o: { date: string; status: string }) => `${o.date} ${o.status}`)).toEqual(['2022 actual', '2023 projection']);
  });
  it('changes of a percent series are labelled in percentage points', async () => {
    expect((await api('imf.PCPIPCH.KAZ?units=chg&from=2022&to=2022')).series[0].unit).toBe('Change, percentage points (percent change from previous year)');
  });
});

describe('freshness names the last actual value, not a projection', () => {
  it('the status API gives IMF WEO its last actual year (2024 in WEO October 2025), not 2030', async () => {
    const sources = (await request(app).get('/api/status')).body.sources as Array<{ job: string; latestObservation: string }>;
    expect(sources.find((s) => s.job === 'imf')!.latestObservation).toBe('2024');
  });
});

describe('numbers shown to people are formatted consistently', () => {
  it('levels at the source precision, percent changes with two decimals, averages with two more than the source', async () => {
    const level = await request(app).get('/series/imf.NGDPD.KAZ?from=2013&to=2013');
    expect(level.text).toContain('<td>236.635</td>');
    const pct = await request(app).get('/series/imf.NGDPD.KAZ?units=pc1&from=2014&to=2014');
    expect(pct.text).toContain(`<td>${((221.416 / 236.635 - 1) * 100).toFixed(2)}</td>`); // -6.43
    const avg = await request(app).get('/series/nbk.USD?freq=m&from=2022-03&to=2022-03');
    expect(avg.text).toMatch(/<td>\d{3}\.\d{4}<\/td>/);
    expect(avg.text).not.toMatch(/<td>[\d,]+\.\d{5,}/);
  });
  it('no binary noise in the ledger details (-2.49999999628 reads -2.5)', async () => {
    const json = (await request(app).get('/paper/ledger.json')).body;
    const details = json.claims.flatMap((c: { latest: { readings: Array<{ detail: string }> } }) => c.latest.readings.map((r) => r.detail)).join('\n');
    expect(details).not.toMatch(/\d\.\d{5,}/);
    expect(details).toMatch(/2020: -2\.5;/);
  });
});

describe('the ledger page states its rules', () => {
  it('says what each verdict means, marks the primary reading and gives the reason', async () => {
    const page = (await request(app).get('/paper')).text;
    expect(page).toContain('How verdicts are given');
    expect(page).toMatch(/a printed 4\.9 \(one decimal\) matches any value in \[4\.85, 4\.95\)/);
    expect(page).toMatch(/<strong>Primary:<\/strong>\s+<a [^>]+>Ten annual IMF PCPIPCH rates 2014\.\.2023 compounded<\/a>/);
    expect(page).toMatch(/Why several readings: <span lang="en">The words fix neither the first day/);
  });
});

describe('/compare draws one concept on one axis and says differences in the right unit', () => {
  it('fx: NBK tenge per USD and the World Bank rate share one axis; years in order; a % difference of levels', async () => {
    const res = await request(app).get('/compare?concept=fx');
    const chart = JSON.parse(/id="chart-data">([\s\S]*?)<\/script>/.exec(res.text)![1]);
    expect(new Set(chart.traces.map((t: { yaxis: string }) => t.yaxis))).toEqual(new Set(['y']));
    expect(chart.y2Title).toBeNull();
    const years = [...res.text.matchAll(/<tr><th scope="row">(\d{4})<\/th>/g)].map((m) => m[1]);
    expect(years).toEqual([...years].sort());
    expect(res.text).toContain('Difference (%)');
  });
  it('inflation: the difference of two rates is in percentage points, with no percent of a percent', async () => {
    const res = await request(app).get('/compare?concept=inflation');
    expect(res.text).toContain('Difference (pp)');
    expect(res.text).not.toContain('Difference (%)');
  });
});

describe('charts an economist can put in a report', () => {
  const chartOf = async (url: string) => JSON.parse(/id="chart-data">([\s\S]*?)<\/script>/.exec((await request(app).get(url)).text)![1]);
  it('a log scale is a view setting in the URL (the 1993 inflation of 1,662 % no longer flattens the rest)', async () => {
    expect((await chartOf('/series/imf.PCPIPCH.KAZ?scale=log')).yType).toBe('log');
    expect((await chartOf('/series/imf.PCPIPCH.KAZ')).yType).toBe('linear');
    expect((await request(app).get('/series/imf.PCPIPCH.KAZ?scale=log')).text).toMatch(/<option value="log" selected>log<\/option>/);
  });
  it("projections keep their series' colour and add no legend entry of their own", async () => {
    const c = await chartOf('/series/imf.NGDPD.KAZ?compare=imf.NGDPD.RUS');
    const byId = (id: string) => c.traces.filter((t: { id: string }) => t.id === id);
    for (const id of ['imf.NGDPD.KAZ', 'imf.NGDPD.RUS']) {
      const [actual, projection] = byId(id);
      expect(projection.color).toBe(actual.color);
      expect(projection.legend).toBe(false);
      expect(projection.dash).toBe('dash');
    }
    expect(byId('imf.NGDPD.KAZ')[0].color).not.toBe(byId('imf.NGDPD.RUS')[0].color);
  });
  it('an exported image and the view download are named after the series and the view', async () => {
    expect((await chartOf('/series/nbk.USD?units=pc1&freq=m&from=2014&to=2024')).fileName).toBe('nbk.USD_pc1_m_2014-2024');
    const csv = await request(app).get('/series/nbk.USD/view.csv?units=pc1&freq=m&from=2014&to=2024');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="nbk.USD_pc1_m_2014-2024.csv"');
    const wide = await request(app).get('/series/nbk.USD/view.csv?units=pc1&freq=m&from=2014&to=2024&layout=wide');
    expect(wide.headers['content-disposition']).toBe('attachment; filename="nbk.USD_pc1_m_2014-2024_wide.csv"');
  });
});

describe('pages that read', () => {
  it('the nbk.USD page shows the latest 200 of 5,352 rows with a link to all, and the view CSV keeps every row', async () => {
    const page = (await request(app).get('/series/nbk.USD')).text;
    expect(page.match(/<tr><th scope="row">\d{4}-\d{2}-\d{2}/g)).toHaveLength(200);
    expect(page).toContain('The latest 200 of 5352 rows.');
    const all = (await request(app).get('/series/nbk.USD?rows=all')).text;
    expect(all.match(/<tr><th scope="row">\d{4}-\d{2}-\d{2}/g)!.length).toBe(5352);
    const csv = (await request(app).get('/series/nbk.USD/view.csv')).text.trim().split('\n');
    expect(csv.length - 1).toBe(5352);
  });
  it('every page has a skip link, and every chart is drawn by the server as SVG (what prints and what a page without JavaScript shows)', async () => {
    const page = (await request(app).get('/series/imf.NGDPD.KAZ?compare=imf.NGDPD.RUS&from=2015')).text;
    expect(page).toContain('<a class="skip" href="#main">Skip to content</a>');
    const svg = /<div class="svg-wide">(<svg[\s\S]*?<\/svg>)<\/div>/.exec(page)![1];
    expect(svg).toMatch(/role="img" aria-labelledby="chart-wide-svg-title chart-wide-svg-desc"/);
    expect(svg).toContain('<title id="chart-wide-svg-title">Kazakhstan: GDP, current prices and 1 more</title>');
    expect(page).toContain('<div class="svg-narrow"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 ');
    // One line per series, and the projections dashed in the same colour.
    const paths = [...svg.matchAll(/<path d="M[^"]+" fill="none" stroke="(#[0-9a-f]{6})" stroke-width="2"( stroke-dasharray="7,5")?\/>/g)].map((m) => `${m[1]}${m[2] ? ' dashed' : ''}`);
    expect(paths).toEqual(['#1f5f8b', '#1f5f8b dashed', '#c8642a', '#c8642a dashed']);
    expect(svg).toContain('>2020</text>');
    expect(svg).toMatch(/Source: International Monetary Fund, World Economic Outlook \(WEO October 2025\)/);
    for (const url of ['/compare?concept=fx', '/paper', '/series/imf.NGDP_RPCH.KAZ/vintages?target=2022']) expect((await request(app).get(url)).text, url).toContain('<div class="chart-svg"><div class="svg-wide"><svg');
  });
  it('the citation says a bundled WEO value was imported from a repository, not retrieved from the IMF', async () => {
    const page = (await request(app).get('/series/imf.NGDPD.KAZ')).text;
    expect(page).toMatch(/series imf\.NGDPD\.KAZ, imported from the repository mitsuoxv\/imf-weo/);
    expect(page).not.toMatch(/series imf\.NGDPD\.KAZ, retrieved/);
  });
});

describe('"Compare with" by name', () => {
  it.each([
    ['Russia', /imf\.[A-Z_]+\.RUS/],
    ['rouble', /nbk\.RUB/],
    ['ruble', /nbk\.RUB/],
    ['inflation', /imf\.PCPIPCH\.KAZ/],
  ])('"%s" keeps the page and the form and suggests series', async (text, id) => {
    const res = await request(app).get(`/series/nbk.USD?from=2022&compare=${encodeURIComponent(text)}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`Not a series id: “${text}”.`);
    expect(res.text).toMatch(new RegExp(`Did you mean: .*${id.source}`));
    expect(res.text).toContain(`value="${text}"`); // the form keeps what was typed
  });
  it('an entry nothing matches says so, and an id beside it is still drawn', async () => {
    const res = await request(app).get('/series/nbk.USD?from=2022&compare=nbk.EUR,not.here');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Not a series id: “not.here”.</strong> No series matches it');
    const chart = JSON.parse(/id="chart-data">([\s\S]*?)<\/script>/.exec(res.text)![1]);
    expect(chart.traces.some((t: { id: string }) => t.id === 'nbk.EUR')).toBe(true);
  });
});

describe('views that read well', () => {
  it('two units on two axes come with an offer to index both to 100 at their first common date', async () => {
    const page = (await request(app).get('/series/nbk.USD?compare=imf.PCPIPCH.KAZ&freq=a')).text;
    expect(page).toMatch(/index both to 100 at 2005<\/a>/);
    expect(page).toContain('units=index&amp;index_date=2005');
  });
  it('a series whose first years dwarf the rest says so and offers a log scale or a later start', async () => {
    const page = (await request(app).get('/series/imf.PCPIPCH.KAZ')).text;
    expect(page).toMatch(/The first years dwarf the rest \(up to 1,662/);
    expect(page).toContain('scale=log');
    expect((await request(app).get('/series/imf.PCPIPCH.KAZ?scale=log')).text).not.toContain('The first years dwarf the rest');
  });
  it('comparison tables can be sorted; /status says how each source got here', async () => {
    expect((await request(app).get('/compare?concept=gdp')).text).toContain('<table class="data-table sortable">');
    const status = (await request(app).get('/status')).text;
    expect(status).toContain('imported with the bundled snapshot (mitsuoxv/imf-weo');
  });
});

describe('a unit says its scale', () => {
  // BNS trade is in thousands of US dollars and wiiw FDI in millions of euros, but both were
  // labelled plainly "US dollars" and "euros": a chart of China's trade read 30M for 30 bn.
  it('every series whose values are in thousands, millions or billions names that in its unit', () => {
    const wrong = repo
      .list()
      .filter((e) => e.meta.scale !== 'units' && !e.meta.unit.toLowerCase().includes(e.meta.scale))
      .map((e) => `${e.meta.id}: "${e.meta.unit}" (${e.meta.scale})`);
    expect(wrong).toEqual([]);
  });

  // Issue "Numbers on the partners page…", item 7: a chart read "30M" beside "thousands of US dollars"
  // (that is 30 bn), and tables printed 27,054,449.63674 and a padded 18,517,344.60000.
  it.each([
    ['/series/bns.TURNOVER.CHN', 'billions of US dollars', 'bns.TURNOVER.CHN', 6, '.'],
    ['/ru/series/bns.TURNOVER.CHN', 'млрд долларов США', 'bns.TURNOVER.CHN', 6, ','],
    ['/series/imf.imts.XG_FOB_USD.KAZ.RUS.A', 'billions of US dollars', 'imf.imts.XG_FOB_USD.KAZ.RUS.A', 9, '.'],
    ['/series/eurostat.X.GEU27_2020.KAZ.M', 'billions of euros', 'eurostat.X.GEU27_2020.KAZ.M', 9, '.'],
    ['/series/wiiw.FDI_STOCK.NLD', 'billions of euros', 'wiiw.FDI_STOCK.NLD', 3, '.'],
  ])('%s charts and tables money in %s, each value its own digits, the download as published', async (url, unit, id, shift, mark) => {
    const page = (await request(app).get(url)).text;
    const payload = JSON.parse(page.split('<script type="application/json" id="chart-data">')[1].split('</script>')[0]);
    expect(payload.yTitle).toBe(unit);
    const stored = repo.get(id)!.observations;
    // The reference: the published decimal text with its point moved `shift` places, by hand.
    const moved = (v: number) => pointMoved(v, shift);
    expect(payload.traces[0].y.map(String)).toEqual(stored.map((o) => moved(o.value)));
    const cells = [...page.split('<table class="data-table')[1].matchAll(/<td>([^<]+)<\/td>/g)].map((m) => m[1]);
    const shown = stored.slice(-cells.length).reverse().map((o) => moved(o.value));
    const grouped = (s: string) => { const [i, f] = s.split('.'); return i.replace(/\B(?=(\d{3})+(?!\d))/g, mark === '.' ? ',' : '\u00a0') + (f ? mark + f : ''); };
    expect(cells).toEqual(shown.map(grouped));
    expect(page).toContain(`<span class="muted small">${unit}</span>`);
    const csv = parseCsv((await request(app).get(`/api/series/${id}?format=csv`)).text);
    expect(csv[0][5]).toBe('value');
    expect(csv.slice(1).map((r) => Number(r[5]))).toEqual(stored.map((o) => o.value));
  });
});
