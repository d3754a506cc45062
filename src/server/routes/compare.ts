// /compare: the same concept from two sources (data/comparisons.json) on one chart, with the
// differences per year, largest first, and the likely reason for them.
import { Router, type Request, type Response } from 'express';
import type { TFunction } from 'i18next';
import { viewWords } from '../language.ts';
import { renderToString } from '../response-cache.ts';
import { svgCharts } from '../svg-chart.ts';
import type { AppContext } from '../context.ts';
import { NotFound } from '../http-error.ts';
import { buildSeriesView } from '../view-model.ts';
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
    const editionMap = new Map((edition?.points ?? []).map((p) => [p.date, p.value]));
    const bMap = new Map(b.points.map((p) => [p.date, p.value === null ? null : p.value * pick.scaleB]));
    // One concept in one unit (b rescaled where its scale differs, WB dollars vs IMF billions):
    // one axis, so the lines are as far apart as the numbers are (two axes made 0.24 % look like 15 %).
    for (const t of view.chart.traces.filter((t) => t.id === pick.b)) {
      t.y = t.y.map((v) => (v === null ? null : v * pick.scaleB));
      t.yaxis = 'y';
    }
    view.chart.y2Title = null;
    // A difference of rates is in percentage points; a percent of a percent says nothing.
    const isRate = /^percent/i.test(pick.unit);
    const rows = a.points
      .filter((p) => p.value !== null && bMap.get(p.date) !== undefined && bMap.get(p.date) !== null)
      .map((p) => ({ year: p.date, a: p.value!, b: bMap.get(p.date)!, edition: editionMap.get(p.date) ?? null, diff: p.value! - bMap.get(p.date)!, pct: isRate ? null : (p.value! / bMap.get(p.date)! - 1) * 100 }));
    const editions = (ctx.repo.get(pick.a)?.meta.vintages ?? []).slice(0, -1);
    const t = res.locals.t as TFunction;
    return renderToString(res, 'compare', { title: t('compare.title', { label: (res.locals.comparisonText as (c: typeof pick, f: 'label') => string)(pick, 'label') }), comparisons: ctx.content.comparisons, pick, chart: view.chart, chartSvg: svgCharts(view.chart), rows, a, b, edition, editions, vintage, isRate });
  }

  return r;
}
