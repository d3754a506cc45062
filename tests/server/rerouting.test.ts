// /partners/rerouting (issue 26, item 4): the index, the growth and the member states' shares
// against plain reference computations over every partner and month, and the page and its
// downloads in both languages, with the sanctions packages marked from the events file.
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { contributions, indexLine, REROUTING_PARTNERS, reroutingView } from '../../src/server/rerouting-view.ts';
import { translator } from '../../src/server/i18n.ts';
import { REPO } from '../support/data-dir.ts';
import { sharedApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof sharedApp>>;
let t: App;
beforeAll(async () => {
  t = await sharedApp(path.join(REPO, 'data'));
});

/** The index to two decimals, half up, in integers (euros are whole): value × 1200 / 2021's sum. */
function referenceIndex(value: number, sum2021: number): number {
  const scaledUp = BigInt(value) * 120000n;
  const q = scaledUp / BigInt(sum2021);
  const r = scaledUp % BigInt(sum2021);
  return Number(q + (2n * r >= BigInt(sum2021) ? 1n : 0n)) / 100;
}

describe('the rerouting numbers', () => {
  it('every month of every partner: the index equals the plain reference over 2021\'s average', () => {
    const v = reroutingView(t.repo, t.vocabulary, translator('en'));
    let checked = 0;
    for (const line of v.lines) {
      const base = line.points.filter((p) => p.date.startsWith('2021-'));
      expect(base).toHaveLength(12);
      const sum = base.reduce((s, p) => s + p.value, 0);
      expect(line.base2021).toBe(sum);
      for (const p of line.points) {
        expect(p.index, `${line.partner} ${p.date}`).toBe(referenceIndex(p.value, sum));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(6 * 60);
    // Kyrgyzstan's line goes past 1,000 (why the page offers a log scale).
    expect(Math.max(...v.lines.find((l) => l.partner === 'KGZ')!.points.map((p) => p.index!))).toBeGreaterThan(1000);
  });

  it('a partner whose 2021 lacks a month has its index withheld, not computed from eleven', () => {
    const obs = Array.from({ length: 24 }, (_, i) => ({ date: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, value: 100 + i }));
    expect(indexLine('X', obs).base2021).not.toBeNull();
    const gap = indexLine('X', obs.filter((o) => o.date !== '2021-05'));
    expect(gap.base2021).toBeNull();
    expect(gap.points.every((p) => p.index === null)).toBe(true);
  });

  it('annual growth is (year / year before − 1) × 100 on the annual file, for every partner and year', () => {
    const v = reroutingView(t.repo, t.vocabulary, translator('en'));
    for (const r of v.annual) {
      for (const y of ['2021', '2022', '2023']) {
        const a = r.values[String(Number(y) - 1)]!;
        const b = r.values[y]!;
        expect(Math.abs(r.growth[y]! - (b / a - 1) * 100), `${r.partner} ${y}`).toBeLessThan(1e-9);
      }
    }
    expect(v.annual.find((r) => r.partner === 'KAZ')!.values['2022']).toBe(t.repo.get('eurostat.X.GEU27_2020.KAZ.A')!.observations.find((o) => o.date === '2022')!.value);
  });

  it("each member's change is its own months' sums apart, and the shares of a rise add up to 100", () => {
    for (const partner of REROUTING_PARTNERS) {
      const c = contributions(t.repo, t.vocabulary, partner);
      expect(c.all).toHaveLength(27);
      for (const m of c.all) {
        const obs = t.repo.get(`eurostat.X.${m.member}.${partner}.M`)?.observations ?? [];
        const sum = (y: string) => obs.filter((o) => o.date.startsWith(`${y}-`)).reduce((s, o) => s + o.value, 0);
        expect(m.change, `${m.member} → ${partner}`).toBe(sum('2023') - sum('2021'));
      }
      const total = c.all.reduce((s, m) => s + m.change, 0);
      expect(c.total).toBe(total);
      if (total > 0) expect(Math.abs(c.all.reduce((s, m) => s + m.share!, 0) - 100)).toBeLessThan(1e-9);
      else expect(c.all.every((m) => m.share === null)).toBe(true);
    }
  });
});

describe('the rerouting page', () => {
  it.each(['/partners/rerouting', '/ru/partners/rerouting', '/partners/rerouting?scale=log'])('%s: the chart, the tables, the packages with their official addresses', async (url) => {
    const res = await request(t.app).get(url);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<svg');
    expect(res.text).toContain('http://data.europa.eu/eli/reg/2023/1214/oj');
    expect(res.text).toContain('href="/series/eurostat.X.GEU27_2020.KAZ.M"'.replace('/series', url.startsWith('/ru') ? '/ru/series' : '/series'));
    expect(res.text).toMatch(url.startsWith('/ru') ? /Экспорт ЕС-27 по партнёрам/ : /EU-27 exports by partner/);
    if (url.includes('log')) expect(res.text).toContain('"yType":"log"');
  });

  it('refuses a scale it does not draw, naming the parameter', async () => {
    const res = await request(t.app).get('/partners/rerouting?scale=cubic');
    expect(res.status).toBe(400);
    expect(res.text).toContain('scale');
  });

  it('the sanctions packages mark only this view, not the series pages', async () => {
    const res = await request(t.app).get('/series/nbk.USD?from=2022-01-01&to=2023-12-31');
    expect(res.text).not.toContain('EU sanctions');
  });

  it.each(['rerouting-index', 'rerouting-annual', 'rerouting-contributions'])('/partners/%s.csv says its definition on every row and is served from the cache', async (id) => {
    const res = await request(t.app).get(`/partners/${id}.csv`);
    expect(res.status).toBe(200);
    const [header, ...rows] = res.text.trim().split('\n');
    expect(header).toContain('definition');
    expect(rows.length).toBeGreaterThan(5);
    const again = await request(t.app).get(`/partners/${id}.csv`).set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });
});
