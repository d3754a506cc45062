// /paper: the claims ledger with verdicts on the latest data and at the paper's vintage,
// Figure 1 from both sources, the ledger as CSV and JSON, and the replication bundle.
import { exactDifference } from '../../transform/exact.ts';
import { Router, type Request, type Response } from 'express';
import { renderToString } from '../response-cache.ts';
import { svgCharts } from '../svg-chart.ts';
import type { AppContext } from '../context.ts';
import { loadClaims, validateClaims } from '../../ledger/claims.ts';
import { evaluateLedger, VERDICT_RULES, VERDICTS, type ClaimResult } from '../../ledger/evaluate.ts';
import { repositoryLookup } from '../../ledger/lookup.ts';
import { buildSeriesView } from '../view-model.ts';
import type { TFunction } from 'i18next';
import { viewWords } from '../language.ts';
import { parseViewParams } from '../view-params.ts';
import { ledgerCsv, replicationZip } from '../paper-files.ts';

async function ledger(ctx: AppContext): Promise<ClaimResult[]> {
  const file = await loadClaims(ctx.config.dataDir);
  const lookup = repositoryLookup(ctx.repo);
  validateClaims(file, lookup);
  return evaluateLedger(file, lookup);
}

export function paperRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/paper', async (req, res) => {
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => ({ body: await paperPage(req, res) }));
  });

  async function paperPage(req: Request, res: Response): Promise<string> {
    const t = res.locals.t as TFunction;
    const all = await ledger(ctx);
    const titles = (await loadClaims(ctx.config.dataDir)).sections ?? {};
    const verdict = typeof req.query.verdict === 'string' && (VERDICTS as string[]).includes(req.query.verdict) ? req.query.verdict : '';
    const section = typeof req.query.section === 'string' ? req.query.section.slice(0, 10) : '';
    const rows = all.filter((c) => (!verdict || c.latest.verdict === verdict) && (!section || c.claim.section === section));
    const f1 = ctx.content.figure1;
    const fig = buildSeriesView(ctx.repo, f1.a, parseViewParams({ compare: f1.b, from: f1.from, to: f1.to, events: 'off' }, ctx.defaultBasis), viewWords(res));
    const [imf, wb] = fig.drawn;
    const wbMap = new Map(wb.points.map((p) => [p.date, p.value]));
    const diffs = imf.points
      .map((p) => ({ year: p.date, imf: p.value, wb: wbMap.get(p.date) ?? null }))
      .map((d) => ({ ...d, diff: d.imf !== null && d.wb !== null ? exactDifference(d.imf, d.wb) : null }));
    return renderToString(res, 'paper', {
      title: t('paper.title'),
      rows,
      all,
      verdicts: VERDICTS,
      verdictRules: VERDICT_RULES,
      accessNote: all[0]?.atPaper.vintageNote ?? '',
      verdict,
      section,
      // Each section by its number and title (a bare "1" said nothing), in the paper's order.
      sections: [...new Set(all.map((c) => c.claim.section))].map((s) => ({ number: s, title: titles[s] ?? '' })),
      figure: { ...fig.chart, title: t('paper.figureTitle') },
      chartSvg: svgCharts({ ...fig.chart, title: t('paper.figureTitle') }),
      diffs,
      diffIds: [imf.id, wb.id],
      // Which source a series is from: the reading's edition is named the source's way.
      jobOf: (id: string) => ctx.repo.get(id)?.meta.source.job ?? '',
    });
  }

  r.get('/paper/ledger.json', async (req, res) => {
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'application/json; charset=utf-8', async () => ({ body: JSON.stringify({ claims: await ledger(ctx) }) }));
  });

  r.get('/paper/ledger.csv', async (req, res) => {
    res.attachment('ledger.csv');
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/csv; charset=utf-8', async () => ({ body: ledgerCsv(await ledger(ctx)) }));
  });

  r.get('/paper/replication.zip', async (req, res) => {
    res.attachment('kz-indicators-paper-replication.zip');
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'application/zip', async () => ({ body: replicationZip(await ledger(ctx), ctx.repo, ctx.vocabulary) }));
  });

  return r;
}
