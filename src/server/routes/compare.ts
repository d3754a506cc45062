// /compare: the same concept from two sources (data/comparisons.json) on one chart, with the
// differences year by year and the likely reason for them.
import { Router, type Request, type Response } from 'express';
import type { TFunction } from 'i18next';
import { viewWords } from '../language.ts';
import { renderToString } from '../response-cache.ts';
import { svgCharts } from '../svg-chart.ts';
import type { AppContext } from '../context.ts';
import { NotFound } from '../http-error.ts';
import { buildSeriesView, shownValue, type DrawnSeries } from '../view-model.ts';
import { exactDifference, percentGap, scaled } from '../../transform/exact.ts';
import { parseViewParams } from '../view-params.ts';

export function compareRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/compare', async (req, res) => {
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => ({ body: await comparePage(req, res) }));
  });

  async function comparePage(req: Request, res: Response): Promise<string> {
    const pick = ctx.content.comparisons.find((c) => c.id === req.query.concept) ?? ctx.content.comparisons[0];
    if (req.query.concept && pick.id !== req.query.concept) throw new NotFound({ key: 'noComparison', values: { value: JSON.stringify(req.query.concept), list: ctx.content.comparisons.map((c) => c.id).join(', ') } });
    // Any edition of the first series beside its current one (?vintage=<edition key>).
    const vintage = typeof req.query.vintage === 'string' && req.query.vintage !== '' ? req.query.vintage : undefined;
    const params = parseViewParams({ compare: pick.b, freq: ctx.repo.get(pick.a)?.meta.frequency === 'daily' ? 'a' : undefined, from: '2000', events: 'off', vintage }, ctx.defaultBasis);
    const view = buildSeriesView(ctx.repo, pick.a, params, viewWords(res));
    const a = view.drawn[0];
    const b = view.drawn.find((d) => d.id === pick.b)!;
    const edition = vintage ? view.drawn.find((d) => d.id === pick.a && d !== a) : undefined;
    // b in a's unit as stored (rescaled where its scale differs: WB dollars vs IMF billions), in decimal.
    const inA = (v: number | null) => (v === null ? null : scaled(v, pick.scaleB));
    // The chart draws each series in the unit the page shows it. Money is in billions on both sides
    // (WB dollars and IMF billions alike), so the labels agree; where they differ (rates: tenge per
    // dollar against local currency units per dollar) neither is scaled for display and b's values
    // are its stored ones, put in a's unit. One axis, so the lines are as far apart as the numbers are
    // (two axes made 0.24 % look like 15 %).
    for (const t of view.chart.traces.filter((t) => t.id === pick.b)) {
      if (b.shown.unitLabel !== a.shown.unitLabel) t.y = t.y.map(inA);
      t.yaxis = 'y';
    }
    view.chart.y2Title = null;
    // A difference of rates is in percentage points; a percent of a percent says nothing.
    const isRate = /^percent/i.test(pick.unit);
    const rows = yearRows(a, b, edition, inA, isRate);
    const editions = (ctx.repo.get(pick.a)?.meta.vintages ?? []).slice(0, -1);
    const t = res.locals.t as TFunction;
    return renderToString(res, 'compare', { title: t('compare.title', { label: (res.locals.comparisonText as (c: typeof pick, f: 'label') => string)(pick, 'label') }), comparisons: ctx.content.comparisons, pick, chart: view.chart, chartSvg: svgCharts(view.chart), rows, a, b, edition, editions, vintage, isRate });
  }

  return r;
}

/** The table's rows: the years both sides have, in a's unit as the page shows it, with the difference
 *  (exact decimal arithmetic) and, for amounts, b's gap to a in percent. */
function yearRows(a: DrawnSeries, b: DrawnSeries, edition: DrawnSeries | undefined, inA: (v: number | null) => number | null, isRate: boolean) {
  const bByYear = new Map(b.points.map((p) => [p.date, shownValue(a, inA(p.value))]));
  const editionByYear = new Map((edition?.points ?? []).map((p) => [p.date, shownValue(a, p.value)]));
  return a.points.flatMap((p) => {
    const [av, bv] = [shownValue(a, p.value), bByYear.get(p.date) ?? null];
    if (av === null || bv === null) return [];
    return [{ year: p.date, a: av, b: bv, edition: editionByYear.get(p.date) ?? null, diff: exactDifference(av, bv), pct: isRate ? null : percentGap(av, bv) }];
  });
}
