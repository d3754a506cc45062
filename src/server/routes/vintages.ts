// /series/<id>/vintages: how the outlook moved across editions (every edition's path, one target
// year by edition, forecast errors by horizon), with the all-editions downloads and the API.
import { Router } from 'express';
import type { TFunction } from 'i18next';
import { viewWords } from '../language.ts';
import type { AppContext } from '../context.ts';
import { toCsv } from '../../lib/csv.ts';
import { renderToString } from '../response-cache.ts';
import { svgCharts } from '../svg-chart.ts';
import type { SeriesEntry } from '../../store/repository.ts';
import { NotFound } from '../http-error.ts';
import { BadRequest } from '../view-params.ts';
import { allEditionRows, parseEditions, vintagesView } from '../vintages-view.ts';
import { HORIZONS } from '../../transform/forecast-errors.ts';
import { EmptyQuery, parseQuery } from '../query-schemas.ts';

function withEditions(ctx: AppContext, id: string): SeriesEntry {
  const e = ctx.repo.get(id);
  if (!e) throw new NotFound({ key: 'noSeries', values: { id: JSON.stringify(id) } });
  if (e.meta.vintages.length < 2) throw new NotFound({ key: 'singleVintage', values: { id } });
  return e;
}

function targetYear(raw: unknown, defaultYear: string): string {
  if (raw === undefined || raw === '') return defaultYear;
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw)) throw new BadRequest({ key: 'targetNotYear', values: { value: JSON.stringify(raw) } });
  return raw;
}

export function vintagesRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/series/:id/vintages', async (req, res) => {
    const entry = withEditions(ctx, req.params.id);
    const picked = parseEditions(entry, req.query.editions);
    const probe = vintagesView(entry, '0', picked);
    const withActual = probe.errors.rows.filter((x) => x.firstActual !== null).map((x) => x.target);
    const target = targetYear(req.query.target, withActual[withActual.length - 1] ?? probe.years[probe.years.length - 1]);
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => {
      const v = vintagesView(entry, target, picked, viewWords(res));
      const q = (o: Record<string, string>) => `?${new URLSearchParams({ target, ...(picked.length < entry.meta.vintages.length ? { editions: picked.join(',') } : {}), ...o })}`;
      const body = await renderToString(res, 'vintages', { title: (res.locals.t as TFunction)('vintages.title', { title: (res.locals.titleIn as (m: typeof entry.meta) => string)(entry.meta) }), entry, v, target, picked, horizons: HORIZONS, q, editionsSvg: svgCharts(v.editionsChart, 'editions'), pathSvg: svgCharts(v.pathChart, 'path') });
      return { body };
    });
  });

  r.get('/series/:id/vintages.csv', async (req, res) => {
    const entry = withEditions(ctx, req.params.id);
    res.attachment(`${entry.meta.id}_all_editions.csv`);
    await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id]), 'text/csv; charset=utf-8', async () => ({
      body: toCsv(
        ['series_id', 'edition', 'edition_label', 'published', 'date', 'value', 'status'],
        allEditionRows(entry).map((x) => [entry.meta.id, x.edition, x.label, x.published, x.date, x.value, x.status]),
        new Set([5]),
      ),
    }));
  });

  r.get('/series/:id/forecast-errors.csv', async (req, res) => {
    const entry = withEditions(ctx, req.params.id);
    res.attachment(`${entry.meta.id}_forecast_errors.csv`);
    await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id]), 'text/csv; charset=utf-8', async () => {
      const { rows } = vintagesView(entry, '0', entry.meta.vintages.map((x) => x.key)).errors;
      return {
        body: toCsv(
          ['series_id', 'target_year', 'horizon', 'edition', 'forecast', 'first_actual', 'latest_actual', 'error_vs_first_actual', 'error_vs_latest_actual'],
          rows.map((x) => [entry.meta.id, x.target, x.horizon, x.edition, x.forecast, x.firstActual, x.latestActual, x.errorFirst, x.errorLatest]),
          new Set([4, 5, 6, 7, 8]),
        ),
      };
    });
  });

  r.get('/api/series/:id/vintages', async (req, res) => {
    parseQuery(EmptyQuery, req.query as Record<string, unknown>);
    const entry = withEditions(ctx, req.params.id);
    await ctx.cache.send(req, res, ctx.repo.versionOf([entry.meta.id]), 'application/json; charset=utf-8', async () => ({ body: JSON.stringify(apiVintages(entry)) }));
  });

  return r;
}

function apiVintages(entry: SeriesEntry) {
    const rows = allEditionRows(entry);
    return {
      id: entry.meta.id,
      title: entry.meta.title,
      unit: entry.meta.unit,
      editions: entry.meta.vintages.map((v) => ({
        key: v.key,
        label: v.label,
        published: v.key,
        lastActualYear: v.lastActualYear ?? null,
        observations: rows.filter((x) => x.edition === v.key).map((x) => ({ date: x.date, value: x.value, status: x.status })),
      })),
      forecastErrors: vintagesView(entry, '0', entry.meta.vintages.map((x) => x.key)).errors,
    };
}
