// The partners page: its numbers against a plain reference that reads the processed CSVs with
// its own loops (no shared code with src/transform or the view), then the page, its downloads
// and its API answer as a user and an attacker would try them.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { partnersView } from '../../src/server/partners-view.ts';
import { REPO } from '../support/data-dir.ts';
import { sharedApp } from '../support/app.ts';
import { Decimal } from 'decimal.js';
import { parseCsv } from '../../src/lib/csv.ts';

type App = Awaited<ReturnType<typeof sharedApp>>;
let t: App;
beforeAll(async () => {
  t = await sharedApp(path.join(REPO, 'data'));
});

/** id → year → value, straight from a processed CSV (plain split: these files hold no quotes). */
function readProcessed(source: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const lines = fs.readFileSync(path.join(REPO, 'data/processed', `${source}.csv`), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [id, date, value] = line.split(',');
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)!.set(date, Number(value));
  }
  return out;
}

const EU27 = 'AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE'.split(' ');
// Groups have codes of four letters or more (G001, GCIS, GBLX); countries three (GRC, GEO are countries).
const GROUP = /^G\w{3,}$/;
/** The shortest text of the double nearest an exact decimal: what a download should print. */
const text = (d: Decimal | null) => String(d === null ? null : d.toNumber());

/** The reference for one publication's turnover in a year: partner countries and the world, in
 *  exact decimals, by hand (IMF: exports + imports, a missing flow absent; BNS: its turnover × 1000). */
function referenceTurnover(pub: 'imf' | 'bns', year: string) {
  const countries = new Map<string, Decimal>();
  let world: Decimal | undefined;
  const add = (code: string, v: Decimal) => {
    if (code === 'G001') world = (world ?? new Decimal(0)).plus(v);
    else if (!GROUP.test(code)) countries.set(code, (countries.get(code) ?? new Decimal(0)).plus(v));
  };
  if (pub === 'bns') {
    for (const [id, byYear] of readProcessed('bns')) {
      const m = /^bns\.TURNOVER\.(\w+)$/.exec(id);
      if (m && byYear.has(year)) add(m[1], new Decimal(byYear.get(year)!).times(1000));
    }
  } else {
    for (const [id, byYear] of readProcessed('imts')) {
      const m = /^imf\.imts\.(XG_FOB_USD|MG_CIF_USD)\.(\w+)\.KAZ\.A$/.exec(id);
      // DOTS at its precision, whole dollars (some cells are computed doubles: 4.400000000000004 millions).
      if (m && byYear.has(year)) add(m[2], new Decimal(byYear.get(year)!).toDecimalPlaces(0, Decimal.ROUND_HALF_UP));
    }
  }
  return { countries, world: world! };
}

function referenceBlocks(pub: 'imf' | 'bns', year: string) {
  const { countries, world } = referenceTurnover(pub, year);
  const sum = (codes: string[]) => (codes.some((c) => countries.has(c)) ? codes.reduce((s, c) => (countries.has(c) ? s.plus(countries.get(c)!) : s), new Decimal(0)) : null);
  const blocks: Record<string, Decimal | null> = { RUS: sum(['RUS']), CHN: sum(['CHN']), EU: sum(EU27), USA: sum(['USA']), CA: sum(['KGZ', 'TJK', 'TKM', 'UZB']) };
  blocks.REST = Object.values(blocks).some((v) => v === null) ? null : Object.values(blocks).reduce((r, v) => r!.minus(v!), world);
  const positive = [...countries].filter(([, v]) => v.gt(0)).sort((a, b) => b[1].comparedTo(a[1]) || a[0].localeCompare(b[0]));
  let hhi = new Decimal(0);
  for (const [, v] of positive) hhi = hhi.plus(v.times(100).div(world).pow(2));
  const top3 = positive.slice(0, 3);
  return { world, blocks, hhi, top3: top3.map(([c]) => c), top3Share: top3.reduce((s, [, v]) => s.plus(v), new Decimal(0)).times(100).div(world) };
}

describe('partners numbers against a plain reference', () => {
  const years = (pub: 'imf' | 'bns') => (pub === 'bns' ? partnersView(t.repo, t.vocabulary, 'turnover').bns : partnersView(t.repo, t.vocabulary, 'turnover').imf).map((r) => r.year);

  it.each(['imf', 'bns'] as const)('%s turnover, every year: blocks at one composition (EU-27 from its members), shares of the world, HHI over countries', (pub) => {
    const rows = partnersView(t.repo, t.vocabulary, 'turnover')[pub];
    // Every year of the bundle (DOTS 1992–2020 under its own edition, BNS 2018–2023), none lost.
    expect(rows.map((r) => r.year)).toEqual(pub === 'imf' ? Array.from({ length: 29 }, (_, i) => String(1992 + i)) : ['2018', '2019', '2020', '2021', '2022', '2023']);
    for (const year of years(pub)) {
      const ref = referenceBlocks(pub, year);
      const row = rows.find((r) => r.year === year)!;
      expect(String(row.total), year).toBe(text(ref.world));
      for (const b of row.blocks) {
        // Belgium-Luxembourg printed as one row before 1997 is the one composition detail the reference leaves out.
        if (b.id === 'EU' || b.id === 'REST') if (pub === 'imf' && Number(year) < 1997) continue;
        expect(String(b.value), `${year} ${b.id}`).toBe(text(ref.blocks[b.id]));
        expect(b.share, `${year} ${b.id}`).toBe(ref.blocks[b.id]?.times(100).div(ref.world).toNumber() ?? null);
      }
      const c = row.concentration!;
      if (c.withheld) continue;
      expect(c.hhi, year).toBe(ref.hhi.toNumber());
      expect(c.top3, year).toEqual(ref.top3);
      expect(c.top3Share, year).toBe(ref.top3Share.toNumber());
    }
  });

  it('the EU block is the EU-27 in every year of BNS, and the 28-member row as printed stands apart (2021)', () => {
    const row = partnersView(t.repo, t.vocabulary, 'turnover').bns.find((r) => r.year === '2021')!;
    const eu = row.blocks.find((b) => b.id === 'EU')!;
    const bns = readProcessed('bns');
    expect(row.published.value).toBe(scaledRef(bns.get('bns.TURNOVER.G998')!.get('2021')!));
    // The UK is in the printed row and not in the block.
    expect(eu.value).toBeLessThan(row.published.value!);
    expect(eu.share!.toFixed(2)).not.toBe('29.56');
  });

  it('the IMF index counts a partner with one flow only and divides by the world: 2000 has Bermuda among its partners', () => {
    const row = partnersView(t.repo, t.vocabulary, 'turnover').imf.find((r) => r.year === '2000')!;
    const ref = referenceBlocks('imf', '2000');
    expect(row.concentration!.hhi).toBe(ref.hhi.toNumber());
    expect(row.concentration!.hhi).not.toBeCloseTo(1589.6, 0);
  });

  it('a year lacking a main partner is withheld, not drawn as concentrated (1992: no Russia)', () => {
    const v = partnersView(t.repo, t.vocabulary, 'turnover');
    const c = v.imf.find((r) => r.year === '1992')!.concentration!;
    expect(c).toMatchObject({ hhi: null, top3Share: null, lacking: ['RUS'] });
    const trace = v.charts.concentration.traces.find((x) => x.id === 'hhi-imf')!;
    expect(trace.y[trace.x.indexOf('1992-01-01')]).toBeNull();
  });

  it('a one-way partner stays in turnover (1994: Uzbekistan exports only), and the note says which flow is missing', () => {
    const ca = partnersView(t.repo, t.vocabulary, 'turnover').imf.find((r) => r.year === '1994')!.blocks.find((b) => b.id === 'CA')!;
    expect((ca.value! / 1e6).toFixed(1)).toBe('611.4');
    expect(ca.note).toContain('UZB (imports not published');
  });

  it('every mirror row gives each pair of publications its own gap: China 2018 on both bases, Russia on the IMF\'s', () => {
    const v = partnersView(t.repo, t.vocabulary, 'turnover');
    const chn = v.mirror.CHN.find((r) => r.year === '2018')!;
    expect(chn.gaps.imf!.toFixed(2)).toBe('71.63');
    expect(chn.gaps.bnsComtrade!.toFixed(2)).toBe('66.31');
    expect(v.mirror.RUS.every((r) => r.gaps.bnsComtrade === null)).toBe(true);
    const row = v.mirror.CHN.find((r) => r.year === '2022')!;
    const comtrade = readProcessed('comtrade');
    const mirror = new Decimal(comtrade.get('comtrade.X.KAZ.CHN')!.get('2022')!).toDecimalPlaces(0).plus(new Decimal(comtrade.get('comtrade.M.KAZ.CHN')!.get('2022')!).toDecimalPlaces(0)).div(1e9);
    const bns = readProcessed('bns');
    const own = new Decimal(bns.get('bns.EXPORTS.CHN')!.get('2022')!).plus(bns.get('bns.IMPORTS.CHN')!.get('2022')!).times(1000).div(1e9);
    expect(row.mirror.comtrade.turnover).toBe(mirror.toNumber());
    expect(row.own.bns.turnover).toBe(own.toNumber());
    expect(row.gaps.bnsComtrade).toBe(mirror.div(own).minus(1).times(100).toNumber());
    expect(mirror.toFixed(1)).toBe('31.2');
  });
});

const scaledRef = (v: number) => new Decimal(v).times(1000).toNumber();

describe('partner tables as downloaded', () => {
  const table = async (id: string) => parseCsv((await request(t.app).get(`/partners/${id}.csv`)).text);

  it.each(['blocks', 'mirror', 'concentration', 'shares', 'fdi'])('%s.csv: every number is in its shortest form, with no binary noise', async (id) => {
    const [header, ...rows] = await table(id);
    const numeric = header.map((h) => /(_usd|_usd_bn|_pct|^hhi|_m)$/.test(h));
    let checked = 0;
    for (const r of rows) {
      r.forEach((cell, i) => {
        if (!numeric[i] || cell === '') return;
        expect(String(Number(cell)), `${header[i]} ${r.join(',')}`).toBe(cell);
        // Sums and scalings of published decimals end in the decimals published, never in a run of 9s or 0s.
        if (!/_pct$|^hhi/.test(header[i])) expect(cell, `${header[i]} ${r.join(',')}`).not.toMatch(/\.\d*(9{6,}|0{6,})\d$/);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('blocks.csv: each value_usd is the exact decimal sum of its members (every publication, flow, year and block)', async () => {
    const [header, ...rows] = await table('blocks');
    const col = (n: string) => header.indexOf(n);
    for (const r of rows.filter((x) => x[col('flow')] === 'turnover' && x[col('kind')] === 'block' && !(x[col('publication')] === 'imf' && Number(x[col('year')]) < 1997))) {
      const ref = referenceBlocks(r[col('publication')] as 'imf' | 'bns', r[col('year')]);
      expect(r[col('value_usd')], r.join(',')).toBe(text(ref.blocks[r[col('block')]]));
    }
    expect(header).toEqual(expect.arrayContaining(['kind', 'composition', 'denominator']));
    expect(rows.some((x) => x[col('block')] === 'EU_PUBLISHED' && x[col('kind')] === 'published_group')).toBe(true);
  });

  it('concentration.csv: one row per publication and year, the definition in a column, withheld years empty', async () => {
    const [header, ...rows] = await table('concentration');
    const keys = rows.map((r) => `${r[0]}|${r[1]}`);
    expect(new Set(keys).size).toBe(keys.length);
    const y1992 = rows.find((r) => r[1] === '1992')!;
    expect(y1992[header.indexOf('hhi')]).toBe('');
    expect(y1992[header.indexOf('withheld')]).toContain('RUS');
    expect(rows[0][header.indexOf('definition')]).toContain('world turnover');
  });

  it('shares.csv: (kind, id, year, flow, publication) is a key; Russia is a block and a country', async () => {
    const [header, ...rows] = await table('shares');
    const idx = ['kind', 'id', 'year', 'flow', 'publication'].map((n) => header.indexOf(n));
    const keys = rows.map((r) => idx.map((i) => r[i]).join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((r) => r[idx[1]] === 'RUS' && r[idx[2]] === '2021').map((r) => r[idx[0]]).sort()).toEqual(['block', 'country']);
  });
});

describe('/partners as a user and an attacker try it', () => {
  it('shows every section, the overlap years side by side, and the net-versus-gross caveat', async () => {
    const res = await request(t.app).get('/partners');
    expect(res.status).toBe(200);
    for (const h of ['Share of Kazakhstan', 'Each side', 'How concentrated', 'Foreign direct investment']) expect(res.text).toContain(h);
    expect(res.text).toMatch(/Where more than one has a year \(2018, 2019, 2020\)/);
    expect(res.text).toMatch(/Net, not gross/);
    expect(res.text).toMatch(/валовый приток/);
    expect(res.text).toContain('href="/partners"');
    // Every chart has its server-drawn SVG and its data for Plotly.
    expect(res.text.match(/<svg/g)!.length).toBeGreaterThanOrEqual(12);
  });

  it('a flow that does not exist is a 400 naming the parameter; the API refuses unknown parameters', async () => {
    const bad = await request(t.app).get('/partners?flow=<script>');
    expect(bad.status).toBe(400);
    expect(bad.text).not.toContain('<script>');
    expect((await request(t.app).get('/api/partners?flow=exports&x=1')).status).toBe(400);
    const api = await request(t.app).get('/api/partners?flow=exports');
    expect(api.status).toBe(200);
    expect(api.body.flow).toBe('exports');
    expect(api.body.fdiCaveat).toMatch(/gross inflow/);
  });

  it('downloads are looked up by id: each table is CSV, anything else is a 404', async () => {
    for (const table of ['blocks', 'mirror', 'concentration', 'shares', 'fdi']) {
      const res = await request(t.app).get(`/partners/${table}.csv`);
      expect(res.status, table).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      expect(res.text.split('\n').length).toBeGreaterThan(5);
    }
    const fdi = await request(t.app).get('/partners/fdi.csv');
    expect(fdi.text).toMatch(/net, directional/);
    for (const p of ['/partners/..%2Fpackage.json.csv', '/partners/constructor.csv', '/partners/__proto__.csv', '/partners/toString.csv']) {
      expect((await request(t.app).get(p)).status, p).toBe(404);
    }
  });

  it('every partner series is in the catalogue and the API', async () => {
    const res = await request(t.app).get('/api/series');
    const ids = new Set((res.body.series ?? res.body).map((s: { id: string }) => s.id));
    for (const id of ['bns.TURNOVER.CHN', 'imf.imts.XG_FOB_USD.RUS.KAZ.A', 'comtrade.X.KAZ.CHN', 'wiiw.FDI_STOCK.NLD']) expect(ids.has(id), id).toBe(true);
    expect((await request(t.app).get('/series/bns.TURNOVER.CHN')).status).toBe(200);
  });
});

describe('FDI in one unit (issue "Numbers on the partners page…", item 7)', () => {
  it('the table is in EUR billions like the chart, each cell the stored EUR millions / 1,000', async () => {
    const res = await request(t.app).get('/partners');
    const row = /<tr><th scope="row">2021<\/th><td>([^<]+)<\/td>/.exec(res.text.slice(res.text.indexOf(t.repo.get('wiiw.FDI_STOCK.G001') ? 'fdi-chart' : '')))!;
    const [stock] = row[1].split(' / ');
    const stored = t.repo.get('wiiw.FDI_STOCK.G001')!.observations.find((o) => o.date === '2021')!.value;
    expect(Number(stock.replace(/,/g, ''))).toBe(Math.round(stored / 10) / 100);
    expect(res.text).toContain('EUR billions (as the chart)');
  });
});

describe('the latest 12 months (issue 26, item 3)', () => {
  it('sums each partner over the window the world total has in full, against a plain sum; withheld until 12 months exist', async () => {
    const { lastTwelveMonths } = await import('../../src/server/partners-view.ts');
    // Test-only values, not data: 14 months of a world total and two partners, one missing a month.
    const months = Array.from({ length: 14 }, (_, i) => `202${3 + Math.floor((i + 10) / 12)}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`);
    const series = (f: (i: number) => number, skip = -1) => new Map(months.flatMap((m, i) => (i === skip ? [] : [[m, f(i)] as [string, number]])));
    const world = series((i) => 1000 + i);
    const rus = series((i) => 100.1 + i, 5);
    const values = { turnover: new Map([['G001', world], ['RUS', rus]]), exports: new Map(), imports: new Map(), missingFlow: new Map() };
    const last = lastTwelveMonths(values)!;
    const window = months.slice(2);
    expect(last.window).toBe(`${window[0]}–${window[11]}`);
    expect(last.values.turnover.get('G001')!.get(last.window)).toBe(window.reduce((s, m) => s + world.get(m)!, 0));
    expect(last.values.turnover.get('RUS')!.get(last.window)).toBeCloseTo(window.filter((m) => rus.has(m)).reduce((s, m) => s + rus.get(m)!, 0), 9);
    world.delete(months[13]);
    world.delete(months[8]);
    expect(lastTwelveMonths(values)).toBeNull();
    // The bundle has no monthly figures: the page says which refresh brings them.
    expect(partnersView(t.repo, t.vocabulary, 'turnover').last12).toBeNull();
    expect((await request(t.app).get('/partners')).text).toContain('No monthly figures are stored yet');
  });
});

describe('the overview leads into the trade picture (issue "Numbers on the partners page…", item 12)', () => {
  it.each([['/', 'Trade by partner', 'Russia'], ['/ru/', 'Торговля по партнёрам', 'Россия']])('%s has a trade card: the latest BNS year, each block\'s share from the reference, links to /partners and the rerouting view', async (url, heading, russia) => {
    const lastYear = [...readProcessed('bns').get('bns.TURNOVER.G001')!.keys()].sort().at(-1)!;
    const ref = referenceBlocks('bns', lastYear);
    const page = (await request(t.app).get(url)).text;
    const card = page.split('<article class="card trade-card">')[1]?.split('</article>')[0];
    expect(card, 'no trade card').toBeDefined();
    const prefix = url === '/' ? '' : '/ru';
    expect(card).toContain(`<a href="${prefix}/partners">${heading}</a>`);
    expect(card).toContain(`href="${prefix}/partners/rerouting"`);
    expect(card).toContain(lastYear);
    const shown = [...card!.matchAll(/<li>([^<]+) <strong>([^<]+)<\/strong><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(shown).toHaveLength(6);
    expect(shown[0][0]).toBe(russia);
    const decimalMark = url === '/' ? '.' : ',';
    expect(shown.map(([, v]) => v)).toEqual(['RUS', 'CHN', 'EU', 'USA', 'CA', 'REST'].map((id) => `${ref.blocks[id]!.times(100).div(ref.world).toFixed(1).replace('.', decimalMark)}%`));
  });
});
