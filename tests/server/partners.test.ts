// The partners page: its numbers against a plain reference that reads the processed CSVs with
// its own loops (no shared code with src/transform or the view), then the page, its downloads
// and its API answer as a user and an attacker would try them.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { partnersView } from '../../src/server/partners-view.ts';
import { REPO } from '../support/data-dir.ts';
import { testApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
let t: App;
beforeAll(async () => {
  t = await testApp(path.join(REPO, 'data'));
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

/** The reference: BNS turnover blocks, shares and HHI for a year, by hand. */
function referenceBns(year: string) {
  const data = readProcessed('bns');
  const turnover = (code: string) => data.get(`bns.TURNOVER.${code}`)?.get(year);
  const total = turnover('G001')! * 1000;
  const countries: Array<[string, number]> = [];
  for (const [id, byYear] of data) {
    const m = /^bns\.TURNOVER\.([A-Z]{3})$/.exec(id);
    if (m && byYear.has(year)) countries.push([m[1], byYear.get(year)! * 1000]);
  }
  const ca = ['KGZ', 'TJK', 'TKM', 'UZB'].reduce((s, c) => s + (turnover(c) ?? 0) * 1000, 0);
  const blocks: Record<string, number> = { RUS: turnover('RUS')! * 1000, CHN: turnover('CHN')! * 1000, EU: turnover('G998')! * 1000, USA: turnover('USA')! * 1000, CA: ca };
  blocks.REST = total - blocks.RUS - blocks.CHN - blocks.EU - blocks.USA - blocks.CA;
  let sum = 0;
  for (const [, v] of countries) if (v > 0) sum += v;
  let hhi = 0;
  for (const [, v] of countries) if (v > 0) hhi += ((v / sum) * 100) ** 2;
  const sorted = countries.filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  return { total, blocks, hhi, top3: sorted.slice(0, 3).map(([c]) => c), top3Share: ((sorted[0][1] + sorted[1][1] + sorted[2][1]) / sum) * 100 };
}

describe('partners numbers against a plain reference', () => {
  it.each(['2018', '2020', '2021', '2022', '2023'])('BNS turnover %s: blocks, shares, HHI and top 3', (year) => {
    const ref = referenceBns(year);
    const row = partnersView(t.repo, 'turnover').bns.find((r) => r.year === year)!;
    expect(row.total).toBeCloseTo(ref.total, 3);
    for (const b of row.blocks) {
      expect(b.value, b.id).toBeCloseTo(ref.blocks[b.id], 3);
      expect(b.share, b.id).toBeCloseTo((100 * ref.blocks[b.id]) / ref.total, 9);
    }
    expect(row.concentration!.hhi).toBeCloseTo(ref.hhi, 9);
    expect(row.concentration!.top3).toEqual(ref.top3);
    expect(row.concentration!.top3Share).toBeCloseTo(ref.top3Share, 9);
  });

  it('IMF turnover is exports + imports of the same year, and a country missing either flow has none', () => {
    const imts = readProcessed('imts');
    const v = partnersView(t.repo, 'turnover');
    const y2010 = v.imf.find((r) => r.year === '2010')!;
    const rus = imts.get('imf.imts.XG_FOB_USD.RUS.KAZ.A')!.get('2010')! + imts.get('imf.imts.MG_CIF_USD.RUS.KAZ.A')!.get('2010')!;
    expect(y2010.blocks.find((b) => b.id === 'RUS')!.value).toBe(rus);
    const world = imts.get('imf.imts.XG_FOB_USD.G001.KAZ.A')!.get('2010')! + imts.get('imf.imts.MG_CIF_USD.G001.KAZ.A')!.get('2010')!;
    expect(y2010.total).toBe(world);
  });

  it('the mirror gap pairs BNS with Comtrade: China 2022 is 31.2 bn against 24.2 bn', () => {
    const row = partnersView(t.repo, 'turnover').mirror.CHN.find((r) => r.year === '2022')!;
    const comtrade = readProcessed('comtrade');
    const mirror = (comtrade.get('comtrade.X.KAZ.CHN')!.get('2022')! + comtrade.get('comtrade.M.KAZ.CHN')!.get('2022')!) / 1e9;
    const bns = readProcessed('bns');
    const own = ((bns.get('bns.EXPORTS.CHN')!.get('2022')! + bns.get('bns.IMPORTS.CHN')!.get('2022')!) * 1000) / 1e9;
    expect(row.mirror.comtrade.turnover).toBeCloseTo(mirror, 9);
    expect(row.own.bns.turnover).toBeCloseTo(own, 9);
    expect(row.gapPct).toBeCloseTo((mirror / own - 1) * 100, 9);
    expect(mirror.toFixed(1)).toBe('31.2');
    expect(row.gapBasis).toBe('BNS against UN Comtrade');
  });
});

describe('/partners as a user and an attacker try it', () => {
  it('shows every section, the overlap years side by side, and the net-versus-gross caveat', async () => {
    const res = await request(t.app).get('/partners');
    expect(res.status).toBe(200);
    for (const h of ['Share of Kazakhstan', 'Each side', 'How concentrated', 'Foreign direct investment']) expect(res.text).toContain(h);
    expect(res.text).toMatch(/Where both have a year \(2018, 2019, 2020\)/);
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
