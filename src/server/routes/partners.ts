// /partners: Kazakhstan's trade and investment by partner, the multi-vector picture in data,
// with each table as CSV (/partners/<table>.csv, by id) and as JSON (/api/partners).
import { Router } from 'express';
import type { TFunction } from 'i18next';
import type { AppContext } from '../context.ts';
import { NET_FDI_CAVEAT } from '../../domain/partners.ts';
import { PARTNER_TABLES, TABLE_DOWNLOADS } from '../partners-tables.ts';
import { REROUTING_TABLES } from '../rerouting-tables.ts';
import { BLOCK_IDS, FDI_PARTNERS, FLOWS, partnersView } from '../partners-view.ts';
import { ApiPartnersQuery, parseQuery, PartnersQuery, ReroutingQuery } from '../query-schemas.ts';
import { REROUTING_PARTNERS, REROUTING_YEARS, reroutingEvents, reroutingView } from '../rerouting-view.ts';
import type { EventInfo } from '../../store/repository.ts';
import { renderToString } from '../response-cache.ts';
import { svgCharts } from '../svg-chart.ts';
import { NotFound } from '../http-error.ts';

export function partnersRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/partners', async (req, res) => {
    const { flow = 'turnover' } = parseQuery(PartnersQuery, req.query as Record<string, unknown>);
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => {
      const t = res.locals.t as TFunction;
      const v = partnersView(ctx.repo, ctx.vocabulary, flow, t);
      const svg = Object.fromEntries(Object.entries(v.charts).map(([k, c]) => [k, svgCharts(c, k)]));
      return { body: await renderToString(res, 'partners', { title: t('partners.title'), v, svg, blockIds: v.imf.length || v.bns.length ? BLOCK_IDS : [], fdiPartners: FDI_PARTNERS, flows: FLOWS, tables: PARTNER_TABLES }) };
    });
  });

  r.get('/partners/rerouting', async (req, res) => {
    const { scale = 'linear' } = parseQuery(ReroutingQuery, req.query as Record<string, unknown>);
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => {
      const l = res.locals as { t: TFunction; eventLabel: (e: EventInfo) => string; partnerIn: (c: string) => string };
      const v = reroutingView(ctx.repo, ctx.vocabulary, l.t, scale === 'log', l.eventLabel, l.partnerIn);
      const seriesIds = Object.fromEntries(REROUTING_PARTNERS.map((p) => [p, ctx.vocabulary.tradeId('eurostat', { flow: 'exports', reporter: 'GEU27_2020', partner: p, frequency: 'M' })]));
      const locals = { title: l.t('rerouting.title'), downloads: Object.keys(REROUTING_TABLES), v, svg: svgCharts(v.charts.index, 'rerouting'), scale, years: REROUTING_YEARS, events: reroutingEvents(ctx.repo.events), seriesIds };
      return { body: await renderToString(res, 'rerouting', locals) };
    });
  });

  r.get('/partners/:table.csv', async (req, res) => {
    const table = Object.hasOwn(TABLE_DOWNLOADS, req.params.table) ? TABLE_DOWNLOADS[req.params.table] : undefined;
    if (!table) throw new NotFound({ key: 'noPartnersTable', values: { value: JSON.stringify(req.params.table), list: Object.keys(TABLE_DOWNLOADS).join(', ') } });
    res.attachment(`kz_partners_${req.params.table}.csv`);
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/csv; charset=utf-8', async () => ({ body: table(ctx.repo, ctx.vocabulary) }));
  });

  r.get('/api/partners', async (req, res) => {
    const { flow = 'turnover' } = parseQuery(ApiPartnersQuery, req.query as Record<string, unknown>);
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'application/json; charset=utf-8', async () => {
      const v = partnersView(ctx.repo, ctx.vocabulary, flow);
      const { charts: _charts, ...data } = v;
      return { body: JSON.stringify({ ...data, units: { trade: 'US dollars (blocks); US$ billions (mirror)', fdi: 'EUR millions' }, fdiCaveat: NET_FDI_CAVEAT, downloads: Object.keys(TABLE_DOWNLOADS).map((t) => `/partners/${t}.csv`) }) };
    });
  });

  return r;
}
