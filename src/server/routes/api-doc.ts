// /api/openapi.json (generated from the request schemas) and /api, the page that reads it for
// people: every endpoint with its parameters, an example request and answer from the bundled
// data, the CSV columns, the limits, and the licence of each source.
import type { TFunction } from 'i18next';
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { renderToString } from '../response-cache.ts';
import { CSV_RULES, CSV_SHAPES, openApiDocument } from '../openapi.ts';
import { buildSeriesView } from '../view-model.ts';
import { parseViewParams } from '../view-params.ts';
import { viewCsv } from '../downloads.ts';
import { DEFAULT_LANGUAGE } from '../i18n.ts';
import { UNITS_DESCRIPTION } from '../query-schemas.ts';
import { UNITS } from '../../transform/units.ts';

/** The API reference's English (from the schemas) in the page's language: the catalogue's glossary
 *  (textIn), the units help from the catalogue's unit help. A `literal` (a code, a URL) is set as code. */
function docText(lang: string, t: TFunction, textIn: (english: string) => { text: string; lang: string }): (english: string) => { text: string; lang: string } {
  const units = `${t('api.unitsParam')} ${Object.keys(UNITS).map((u) => `\`${u}\` — ${t(`view.unitHelp.${u}`)}`).join(' ')}`;
  return (english) => (english === UNITS_DESCRIPTION && lang !== DEFAULT_LANGUAGE ? { text: units, lang } : textIn(english));
}

const EXAMPLE = { id: 'imf.NGDPD.KAZ', query: { from: '2022', to: '2024' } };

export function apiDocRoutes(ctx: AppContext): Router {
  const r = Router();
  const doc = openApiDocument(ctx.config.publicUrl, ctx.jobs.map((j) => j.name));

  r.get('/api/openapi.json', async (req, res) => {
    await ctx.cache.send(req, res, 'openapi', 'application/json; charset=utf-8', async () => ({ body: JSON.stringify(doc, null, 2) }));
  });

  r.get('/api', async (req, res) => {
    await ctx.cache.send(req, res, await ctx.cacheVersion(), 'text/html; charset=utf-8', async () => {
      let example: { url: string; json: string; csv: string } | undefined;
      if (ctx.repo.get(EXAMPLE.id)) {
        const { drawn } = buildSeriesView(ctx.repo, EXAMPLE.id, parseViewParams(EXAMPLE.query, ctx.defaultBasis));
        const answer = { series: drawn.map((d) => ({ id: d.id, unit: d.unitLabel, frequency: d.freq, vintage: d.vintageLabel, observations: d.points.map((p) => ({ date: p.date, value: p.value, status: p.status ?? 'actual' })) })) };
        example = { url: `/api/series/${EXAMPLE.id}?${new URLSearchParams(EXAMPLE.query)}`, json: JSON.stringify(answer, null, 2), csv: viewCsv(drawn, 'long') };
      }
      const licences = ctx.jobs.map((j) => ({ job: j.connector.name, name: j.connector.publisher.name, licence: j.connector.publisher.licence }));
      const t = res.locals.t as TFunction;
      const body = await renderToString(res, 'api', { title: t('api.title'), doc, example, csvShapes: CSV_SHAPES, csvRules: CSV_RULES, licences, docText: docText(res.locals.lang as string, t, res.locals.textIn as (english: string) => { text: string; lang: string }) });
      return { body };
    });
  });

  return r;
}
