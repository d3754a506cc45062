// /series/<id>: the chart, the table of what is drawn, metadata, citation, and downloads.
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context.ts';
import { parseViewParams, viewQuery, FREQ_CODE } from '../view-params.ts';
import { NotFound } from '../http-error.ts';
import { buildSeriesView, eventsInView, tableRows } from '../view-model.ts';
import { bundleZip, citation, fullCsv, viewColumns, viewCsv } from '../downloads.ts';
import { UNITS } from '../../transform/units.ts';
import { bannersFor, statuses } from '../status.ts';
import type { SeriesEntry } from '../../store/repository.ts';
import { renderToString } from '../response-cache.ts';
import { snippets } from '../snippets.ts';
import { svgCharts } from '../svg-chart.ts';
import { viewAdvice } from '../view-advice.ts';
import { resolveCompare } from '../series-search.ts';
import { viewWords } from '../language.ts';
import { titlesInEveryLanguage } from '../localised-names.ts';

function entryOr404(ctx: AppContext, id: string): SeriesEntry {
  const e = ctx.repo.get(id);
  if (!e) throw new NotFound({ key: 'noSeries', values: { id: JSON.stringify(id) } });
  return e;
}

/** The address of this page for a citation: from PUBLIC_URL, never from the Host header (a path without it). */
function publicUrl(ctx: AppContext, req: Request): string {
  return `${ctx.config.publicUrl ?? ''}${req.originalUrl}`;
}

/**
 * The view's CSV and JSON URLs and the snippets that load them. Absolute: from PUBLIC_URL, or
 * (unset) from this server's local address, which the page's script swaps for the address the
 * reader used.
 */
function useThisData(ctx: AppContext, id: string, query: string, cite: string) {
  const origin = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  const sep = query ? '&' : '?';
  const jsonUrl = `${origin}/api/series/${encodeURIComponent(id)}${query}`;
  const csvUrl = `${jsonUrl}${sep}format=csv`;
  return { reuse: { csvUrl, jsonUrl, snippets: snippets(csvUrl, jsonUrl, cite), fixOrigin: ctx.config.publicUrl ? '' : origin } };
}

export function seriesRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/series/:id', (req, res) => seriesPage(ctx, req, res));

  r.get('/series/:id/view.csv', async (req, res) => {
    const entry = entryOr404(ctx, req.params.id);
    const params = parseViewParams(req.query as Record<string, unknown>, ctx.defaultBasis);
    const layout = req.query.layout === 'wide' ? 'wide' : 'long';
    await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id, ...params.compare]), 'text/csv; charset=utf-8', async () => {
      const { drawn, chart } = buildSeriesView(ctx.repo, entry.meta.id, params);
      // Named after the view (nbk.USD_pc1_m_2014-2024.csv), not the same name whatever the parameters.
      const name = `${chart.fileName}${layout === 'wide' ? '_wide' : ''}.csv`;
      return { body: viewCsv(drawn, layout), headers: { 'Last-Modified': entry.lastModified.toUTCString(), 'Content-Disposition': `attachment; filename="${name}"` } };
    });
  });

  // What each column of the wide CSV of a view is: series, unit, vintage, frequency, its status column.
  r.get('/series/:id/view.metadata.json', (req, res) => {
    const entry = entryOr404(ctx, req.params.id);
    const params = parseViewParams(req.query as Record<string, unknown>, ctx.defaultBasis);
    const { drawn } = buildSeriesView(ctx.repo, entry.meta.id, params);
    res.json({ columns: viewColumns(drawn), statuses: { actual: 'as published', estimate: 'flagged as an estimate by the source', projection: "a projection in the value's own vintage" } });
  });

  r.get('/series/:id/full.csv', async (req, res) => {
    const entry = entryOr404(ctx, req.params.id);
    res.attachment(`${entry.meta.id}.csv`);
    await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id]), 'text/csv; charset=utf-8', async () => ({
      body: fullCsv(entry),
      headers: { 'Last-Modified': entry.lastModified.toUTCString() },
    }));
  });

  r.get('/series/:id/metadata.json', async (req, res) => {
    const entry = entryOr404(ctx, req.params.id);
    await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id]), 'application/json; charset=utf-8', async () => ({
      body: JSON.stringify({ ...entry.meta, ...titlesInEveryLanguage(entry.meta, ctx.vocabulary) }),
      headers: { 'Last-Modified': entry.lastModified.toUTCString() },
    }));
  });

  r.get('/series/:id/bundle.zip', async (req, res) => {
    const entry = entryOr404(ctx, req.params.id);
    res.attachment(`${entry.meta.id}.zip`);
    await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id]), 'application/zip', async () => ({
      // The series page's address without a language: the zip is the same whichever page it came from.
      body: Buffer.from(bundleZip(entry, `${ctx.config.publicUrl ?? ''}/series/${entry.meta.id}`, ctx.vocabulary)),
      headers: { 'Last-Modified': entry.lastModified.toUTCString() },
    }));
  });

  return r;
}

/** The series page: the chart and table of the view, advice, banners, citation and reuse snippets. */
async function seriesPage(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const entry = entryOr404(ctx, String(req.params.id));
  // "Compare with" takes names as well as ids: what is not an id is looked up and suggested,
  // and the page keeps the rest of the view instead of answering 400.
  const rawCompare = typeof req.query.compare === 'string' ? req.query.compare : '';
  const { ids, unresolved } = resolveCompare(ctx.repo, rawCompare, ctx.vocabulary);
  const params = parseViewParams({ ...(req.query as Record<string, unknown>), compare: ids.join(',') }, ctx.defaultBasis);
  await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => {
    const { drawn, chart } = buildSeriesView(ctx.repo, entry.meta.id, params, viewWords(res));
    const jobs = [...new Set(drawn.map((d) => d.meta.source.job))];
    const cite = citation(entry.meta, publicUrl(ctx, req));
    const html = await renderToString(res, 'series', {
      title: (res.locals.titleIn as (m: typeof entry.meta) => string)(entry.meta),
      entry,
      drawn,
      chart,
      chartSvg: svgCharts(chart),
      advice: viewAdvice(drawn, params),
      table: tableRows(drawn, 'shown'),
      params,
      query: (o: Record<string, string | undefined> = {}) => viewQuery(params, ctx.defaultBasis, o),
      units: UNITS,
      freqCode: FREQ_CODE,
      events: eventsInView(ctx.repo.events, chart),
      banners: bannersFor(await statuses(ctx), jobs),
      citation: cite,
      ...useThisData(ctx, entry.meta.id, viewQuery(params, ctx.defaultBasis), cite),
      defaultBasis: ctx.defaultBasis,
      unresolved,
    });
    return { body: html, headers: { 'Last-Modified': entry.lastModified.toUTCString() } };
  });
}
