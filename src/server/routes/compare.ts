// /compare: the same concept from two sources on one chart, with the differences per year,
// largest first, and the likely reason for them.
import { Router } from 'express';
import type { AppContext } from '../app.ts';
import { buildSeriesView, NotFound } from '../series-view.ts';
import { parseViewParams } from '../view-params.ts';

export const COMPARISONS = [
  { id: 'gdp', label: 'GDP in US dollars', a: 'imf.NGDPD.KAZ', b: 'wb.NY.GDP.MKTP.CD.KAZ', scaleB: 1e-9, unit: 'billions of US dollars', reason: 'WEO and WDI vintages revise recent years; WB in full dollars shown here in billions.' },
  { id: 'growth', label: 'Real GDP growth', a: 'imf.NGDP_RPCH.KAZ', b: 'wb.NY.GDP.MKTP.KD.ZG.KAZ', scaleB: 1, unit: 'percent', reason: 'Different base years for constant prices and different vintages.' },
  { id: 'inflation', label: 'CPI inflation (annual average)', a: 'imf.PCPIPCH.KAZ', b: 'wb.FP.CPI.TOTL.ZG.KAZ', scaleB: 1, unit: 'percent', reason: 'Vintage revisions; both are period-average CPI changes.' },
  { id: 'unemployment', label: 'Unemployment rate', a: 'imf.LUR.KAZ', b: 'wb.SL.UEM.TOTL.ZS.KAZ', scaleB: 1, unit: 'percent of labour force', reason: 'WB uses the modelled ILO estimate; the IMF uses national statistics.' },
  { id: 'fx', label: 'Official exchange rate, annual average (tenge per USD)', a: 'nbk.USD', b: 'wb.PA.NUS.FCRF.KAZ', scaleB: 1, unit: 'tenge per US dollar', reason: 'NBK daily rates averaged over calendar days here; WB averages official rates per period. Largest gaps are in devaluation years.' },
];

export function compareRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/compare', (req, res) => {
    const pick = COMPARISONS.find((c) => c.id === req.query.concept) ?? COMPARISONS[0];
    if (req.query.concept && pick.id !== req.query.concept) throw new NotFound(`No comparison ${JSON.stringify(req.query.concept)}; choose one of ${COMPARISONS.map((c) => c.id).join(', ')}`);
    const params = parseViewParams({ compare: pick.b, freq: pick.a.startsWith('nbk.') ? 'a' : undefined, from: '2000', events: 'off' }, ctx.defaultBasis);
    const view = buildSeriesView(ctx.repo, pick.a, params);
    const [a, b] = view.drawn;
    const bMap = new Map(b.points.map((p) => [p.date, p.value === null ? null : p.value * pick.scaleB]));
    if (pick.scaleB !== 1) {
      // Same quantity in another scale (WB dollars vs IMF billions): rescale onto one axis.
      for (const t of view.chart.traces.filter((t) => t.id === pick.b)) {
        t.y = t.y.map((v) => (v === null ? null : v * pick.scaleB));
        t.yaxis = 'y';
      }
      view.chart.y2Title = null;
    }
    const rows = a.points
      .filter((p) => p.value !== null && bMap.get(p.date) !== undefined && bMap.get(p.date) !== null)
      .map((p) => ({ year: p.date, a: p.value!, b: bMap.get(p.date)!, diff: p.value! - bMap.get(p.date)!, pct: (p.value! / bMap.get(p.date)! - 1) * 100 }))
      .sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff));
    const trade = ctx.repo.list().filter((e) => e.meta.source.job === 'imts');
    res.render('compare', { title: `Compare sources: ${pick.label}`, comparisons: COMPARISONS, pick, chart: view.chart, rows, a, b, trade });
  });

  return r;
}
