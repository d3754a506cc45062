// The API's description, generated from the same zod schemas that validate the requests
// (query-schemas.ts), so it cannot drift from the code: served at /api/openapi.json and read
// by the /api page. The CSV shapes are described here once, for both.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ApiPartnersQuery, ApiSeriesQuery, describedRefreshBody, SearchQuery, SeriesId, ViewQuery } from './query-schemas.ts';
import { TABLE_DOWNLOADS } from './partners-tables.ts';

export const CSV_SHAPES: Array<{ name: string; paths: string[]; columns: Array<[string, string]> }> = [
  {
    name: 'A view, long',
    paths: ['/api/series/{id}?format=csv', '/series/{id}/view.csv'],
    columns: [
      ['series_id', 'the series id'],
      ['vintage', 'the vintage (edition) drawn, e.g. WEO October 2025'],
      ['frequency', 'daily, monthly, quarterly or annual (after any aggregation)'],
      ['unit', 'the unit after the transform, e.g. "Percent change from a year ago (tenge per 1 USD)"'],
      ['date', 'ISO: 2022-03-09 daily, 2022-03 monthly, 2022-Q1 quarterly, 2022 annual'],
      ['value', 'a number with a dot decimal, in the shortest form that reads back exactly; empty when missing'],
      ['status', 'actual, estimate or projection (in the value\'s own vintage); empty when the value is missing'],
    ],
  },
  {
    name: 'A view, wide',
    paths: ['/api/series/{id}?format=csv&layout=wide', '/series/{id}/view.csv?layout=wide'],
    columns: [
      ['date', 'as above'],
      ['<series id>', 'one value column per series drawn (an earlier vintage: "<id> (<vintage>)"); units and vintages per column in view.metadata.json'],
      ['<series id> status', 'the status of the value beside it'],
    ],
  },
  { name: 'A whole series', paths: ['/series/{id}/full.csv'], columns: [['series_id', 'the series id'], ['date', 'ISO, as above; every period from the first to the last'], ['value', 'as published; empty where the source has no value for the period'], ['status', 'actual, estimate or projection (empty with an empty value)']] },
  {
    name: 'Every edition of a WEO series',
    paths: ['/series/{id}/vintages.csv'],
    columns: [['series_id', 'the series id'], ['edition', 'the edition key, e.g. 2022-04'], ['edition_label', 'WEO April 2022'], ['published', 'the month of publication'], ['date', 'the year'], ['value', 'as published in that edition'], ['status', 'actual or projection in that edition']],
  },
];
export const CSV_RULES = 'UTF-8 without a byte-order mark, LF line ends, a header row, comma separators, RFC 4180 quoting; missing values are empty cells; text that a spreadsheet would run as a formula starts with an apostrophe.';

const Observation = z.object({ date: z.string(), value: z.number().nullable(), status: z.enum(['actual', 'estimate', 'projection']).nullable() }).openapi('Observation');
const SeriesAnswer = z
  .object({
    params: z.record(z.string(), z.unknown()),
    series: z.array(
      z.object({ id: z.string(), name: z.string(), unit: z.string(), unitHelp: z.string(), frequency: z.string(), vintage: z.string(), notes: z.array(z.string()), observations: z.array(Observation), metadata: z.record(z.string(), z.unknown()) }),
    ),
  })
  .openapi('SeriesAnswer');
const Catalogue = z.object({ series: z.array(z.object({ id: z.string(), title: z.string(), unit: z.string(), frequency: z.string(), source: z.string(), vintage: z.string(), url: z.string() }).passthrough()) }).openapi('Catalogue');
const ErrorAnswer = z.object({ error: z.string() }).openapi('Error');
const Id = z.object({ id: SeriesId });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const csv = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });
const errors = { 400: json(ErrorAnswer, 'A parameter is not valid: the message names it, its value and what is allowed.'), 404: json(ErrorAnswer, 'No such series.') };

/** Every path a program may ask for (the HTML pages are for people and are not described). */
export function registry(jobs: readonly string[]): OpenAPIRegistry {
  const r = new OpenAPIRegistry();
  r.registerComponent('securitySchemes', 'refreshToken', { type: 'http', scheme: 'bearer', description: 'The REFRESH_TOKEN the server was started with.' });
  r.registerPath({ method: 'get', path: '/api/series', summary: 'Every series: id, title, unit, frequency, source, vintage, coverage.', responses: { 200: json(Catalogue, 'The catalogue.'), 400: errors[400] } });
  r.registerPath({
    method: 'get',
    path: '/api/series/{id}',
    summary: 'One series as a view: transformed, aggregated, windowed, with other series or an earlier vintage beside it. JSON, or CSV with format=csv.',
    request: { params: Id, query: ApiSeriesQuery },
    responses: { 200: { description: 'The view.', content: { 'application/json': { schema: SeriesAnswer }, 'text/csv': { schema: z.string() } } }, ...errors },
  });
  r.registerPath({ method: 'get', path: '/api/series/{id}/vintages', summary: 'Every edition of a WEO series, with forecast errors by horizon.', request: { params: Id }, responses: { 200: json(z.record(z.string(), z.unknown()), 'Editions and forecast errors.'), ...errors } });
  r.registerPath({ method: 'get', path: '/api/search', summary: 'Series found by name: titles in every language, ids, codes, word forms; the 8 best, titled in the page\'s language (/ru/api/search in Russian).', request: { query: SearchQuery }, responses: { 200: json(z.object({ results: z.array(z.object({ id: z.string(), title: z.string() })) }), 'Up to 8 series.'), 400: errors[400] } });
  r.registerPath({ method: 'get', path: '/api/status', summary: 'Each source: last attempt and success, outcome, next run, freshness.', responses: { 200: json(z.record(z.string(), z.unknown()), 'The status of each source.'), 400: errors[400] } });
  r.registerPath({
    method: 'post',
    path: '/api/refresh',
    summary: 'Start a refresh (same origin, with the token). 202 with the run id; 409 when another refresh holds the lock.',
    security: [{ refreshToken: [] }],
    request: { body: { content: { 'application/json': { schema: describedRefreshBody(jobs) } } } },
    responses: {
      202: json(z.object({ runId: z.string(), started: z.boolean(), status: z.string() }), 'Started (or already running: started false).'),
      400: errors[400],
      401: json(ErrorAnswer, 'No valid bearer token.'),
      403: json(ErrorAnswer, 'Manual refresh is off (no REFRESH_TOKEN).'),
      409: json(ErrorAnswer.extend({ runId: z.string(), holder: z.record(z.string(), z.unknown()) }), 'Another refresh holds the lock; recorded as refused.'),
      413: json(ErrorAnswer, 'The body is too large.'),
      415: json(ErrorAnswer, 'The body is not JSON.'),
      429: json(ErrorAnswer, 'Too many wrong tokens from this address (the right token is never throttled).'),
    },
  });
  r.registerPath({ method: 'get', path: '/api/openapi.json', summary: 'This description.', responses: { 200: json(z.record(z.string(), z.unknown()), 'OpenAPI 3.1.') } });
  r.registerPath({ method: 'get', path: '/series/{id}/view.csv', summary: 'The CSV of a view (the page\'s parameters; layout=wide for one column per series).', request: { params: Id, query: ViewQuery.extend({ layout: z.enum(['long', 'wide']).optional() }) }, responses: { 200: csv('The view.'), ...errors } });
  r.registerPath({ method: 'get', path: '/series/{id}/view.metadata.json', summary: 'What each column of the wide view CSV holds.', request: { params: Id, query: ViewQuery }, responses: { 200: json(z.record(z.string(), z.unknown()), 'Columns.'), ...errors } });
  r.registerPath({ method: 'get', path: '/series/{id}/full.csv', summary: 'The whole series, as published.', request: { params: Id }, responses: { 200: csv('series_id,date,value,status'), 404: errors[404] } });
  r.registerPath({ method: 'get', path: '/series/{id}/metadata.json', summary: 'Title, unit, source, licence, vintages, raw snapshots with sha256.', request: { params: Id }, responses: { 200: json(z.record(z.string(), z.unknown()), 'Metadata.'), 404: errors[404] } });
  r.registerPath({ method: 'get', path: '/series/{id}/bundle.zip', summary: 'CSV + metadata + a README with the citation and licence.', request: { params: Id }, responses: { 200: { description: 'A zip file.', content: { 'application/zip': { schema: z.string() } } }, 404: errors[404] } });
  r.registerPath({ method: 'get', path: '/series/{id}/vintages.csv', summary: 'Every edition of a WEO series, long.', request: { params: Id }, responses: { 200: csv('Editions.'), 404: errors[404] } });
  r.registerPath({ method: 'get', path: '/series/{id}/forecast-errors.csv', summary: 'Forecast errors by target year and horizon.', request: { params: Id }, responses: { 200: csv('Forecast errors.'), 404: errors[404] } });
  r.registerPath({ method: 'get', path: '/api/partners', summary: 'Kazakhstan\'s trade by partner block (IMF and BNS apart), own against mirror figures, concentration, shares 2021–2023, FDI by partner (net, directional).', request: { query: ApiPartnersQuery }, responses: { 200: json(z.record(z.string(), z.unknown()), 'The partners tables.'), 400: errors[400] } });
  r.registerPath({ method: 'get', path: '/partners/{table}.csv', summary: 'One partners table as CSV: blocks, mirror, concentration, shares or fdi.', request: { params: z.object({ table: z.enum(Object.keys(TABLE_DOWNLOADS) as [string, ...string[]]) }) }, responses: { 200: csv('The table.'), 404: errors[404] } });
  r.registerPath({ method: 'get', path: '/paper/ledger.csv', summary: 'The paper\'s claims, recomputed, one row per reading.', responses: { 200: csv('The ledger.') } });
  r.registerPath({ method: 'get', path: '/paper/ledger.json', summary: 'The ledger as JSON.', responses: { 200: json(z.record(z.string(), z.unknown()), 'The ledger.') } });
  r.registerPath({ method: 'get', path: '/paper/replication.zip', summary: 'The ledger, the series it used, their metadata, and how each number was computed.', responses: { 200: { description: 'A zip file.', content: { 'application/zip': { schema: z.string() } } } } });
  return r;
}

export function openApiDocument(serverUrl: string | undefined, jobs: readonly string[]) {
  return new OpenApiGeneratorV31(registry(jobs).definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'kz-indicators', version: '1', description: `Kazakhstan's macro indicators from the sources a paper cites: IMF WEO, the National Bank of Kazakhstan, the World Bank, IMF trade. CSV: ${CSV_RULES}` },
    servers: [{ url: serverUrl ?? '/' }],
  });
}
