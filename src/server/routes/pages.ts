// The overview, the data catalogue, and the status page.
import { Router } from 'express';
import type { TFunction } from 'i18next';
import type { AppContext } from '../context.ts';
import { headlineCards, headlineEditions, tradeCard } from '../overview.ts';
import { BadRequest } from '../view-params.ts';
import { bannersFor, statuses } from '../status.ts';
import { readRunHistory } from '../../runner/run-log.ts';
import { renderToString } from '../response-cache.ts';
import { matchesQuery } from '../series-search.ts';

export function pageRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/', async (req, res) => {
    const editions = headlineEditions(ctx.repo, ctx.content.headlines);
    const edition = typeof req.query.edition === 'string' && req.query.edition !== '' ? req.query.edition : undefined;
    if (edition && !editions.some((e) => e.key === edition)) throw new BadRequest({ key: 'notHeadlineEdition', values: { value: JSON.stringify(edition), list: editions.map((e) => e.key).join(', ') } });
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => {
      const cards = headlineCards(ctx.repo, ctx.content.headlines, edition);
      const all = await statuses(ctx);
      const body = await renderToString(res, 'index', {
        title: (res.locals.t as TFunction)('overview.title'),
        cards,
        trade: tradeCard(ctx.repo, ctx.vocabulary),
        statuses: all,
        banners: bannersFor(all, [...new Set(cards.map((c) => c.entry.meta.source.job))]),
        now: ctx.now(),
        editions,
        edition,
      });
      return { body };
    });
  });

  r.get('/data', async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 100) : '';
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => {
      const rows = ctx.repo.list().filter((e) => matchesQuery(e, q, ctx.vocabulary));
      return { body: await renderToString(res, 'data', { title: (res.locals.t as TFunction)('data.title'), rows, q, total: ctx.repo.list().length }) };
    });
  });

  r.get('/status', async (_req, res) => {
    const { runs, skipped } = await readRunHistory(ctx.config.dataDir);
    res.render('status', { title: (res.locals.t as TFunction)('status.title'), statuses: await statuses(ctx, runs), runs: runs.slice(-25).reverse(), skippedRuns: skipped, running: ctx.controller.running, damaged: ctx.repo.damaged(), now: ctx.now() });
  });

  return r;
}
