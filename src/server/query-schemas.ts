// One schema per endpoint for what a request may carry (zod, with OpenAPI metadata, so the API
// description at /api/openapi.json is generated from the same objects that validate requests
// and cannot drift from them). Every invalid parameter is a 400 naming the parameter, the value
// and what is allowed; on API routes an unknown parameter is a 400 too (a typo such as
// unit=pc1 must not silently give another view); pages ignore what they do not know.
import { z } from 'zod';
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { SERIES_ID, isCalendarDate } from '../domain/series.ts';
import { UNIT_HELP, UNITS } from '../transform/units.ts';
import { BadRequest, type Reason } from './http-error.ts';

extendZodWithOpenApi(z);

// zod's messages for our own checks, recognised again when a request fails them (describe).
const DATE_MESSAGE = 'is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)';
const VINTAGE_MESSAGE = 'is not a vintage key';

export { isCalendarDate };

const DateParam = (description: string) =>
  z
    .string()
    .refine(isCalendarDate, { message: DATE_MESSAGE })
    .openapi({ description, example: '2022-03' });

const UNIT_CODES = Object.keys(UNITS) as [keyof typeof UNITS, ...Array<keyof typeof UNITS>];

/** The units parameter's description: every code with its help (the API page words it per language). */
export const UNITS_DESCRIPTION = `Units (FRED codes): ${UNIT_CODES.map((u) => `${u} — ${UNIT_HELP[u]}`).join(' ')}`;

const viewFields = {
  units: z.enum(UNIT_CODES).optional().openapi({ description: UNITS_DESCRIPTION, default: 'lin' }),
  freq: z.enum(['d', 'm', 'q', 'a']).optional().openapi({ description: 'Frequency: the series\' own (default) or coarser: d daily, m monthly, q quarterly, a annual. Finer than the data is a 400.' }),
  agg: z.enum(['avg', 'eop']).optional().openapi({ description: 'Aggregation to a coarser frequency: avg (average) or eop (end of period).', default: 'avg' }),
  basis: z.enum(['calendar', 'announcement']).optional().openapi({ description: 'For averages of daily rates: weight each calendar day by the rate in force (default), or each announcement.', default: 'calendar' }),
  from: DateParam('First date of the window (a period overlapping it is kept).').optional(),
  to: DateParam('Last date of the window.').optional(),
  index_date: DateParam('With units=index: the date whose period becomes 100 (the rate in force on it, for daily data).').optional(),
  compare: z.string().optional().openapi({ description: 'Up to 5 more series ids, comma-separated, drawn beside.', example: 'nbk.USDRUB' }),
  events: z.enum(['on', 'off']).optional().openapi({ description: 'Shade sourced events on the chart.', default: 'on' }),
  vintage: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, VINTAGE_MESSAGE).optional().openapi({ description: 'An earlier vintage (edition) key of the series, drawn beside the current one, e.g. 2022-04 for WEO April 2022. An unknown one is a 400 listing them.' }),
  scale: z.enum(['linear', 'log']).optional().openapi({ description: 'The chart\'s y axis: linear (default) or log (for a series whose early years dwarf the rest). Values are unchanged.', default: 'linear' }),
  highlight_from: DateParam('Start of a window to highlight.').optional(),
  highlight_to: DateParam('End of a window to highlight.').optional(),
};

/** The parameters of a series view, as pages take them (unknown parameters are ignored). */
export const ViewQuery = z
  .object({ ...viewFields, rows: z.enum(['all']).optional().openapi({ description: 'Pages only: rows=all shows every row of the table (by default the latest 200). Downloads always hold every row.' }) })
  .openapi('ViewQuery');
/** The same on the API, plus the answer's form; anything else is refused. */
export const ApiSeriesQuery = z
  .strictObject({
    ...viewFields,
    format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (default) or csv.', default: 'json' }),
    layout: z.enum(['long', 'wide']).optional().openapi({ description: 'CSV layout: long (one row per value, default) or wide (one column per series, each followed by its status column).', default: 'long' }),
  })
  .openapi('ApiSeriesQuery');
export const EmptyQuery = z.strictObject({});
const flow = z.enum(['turnover', 'exports', 'imports']).optional().openapi({ description: 'Which flow the charts and the block table show: turnover (exports + imports, default), exports or imports.', default: 'turnover' });
/** /partners (a page: unknown parameters are ignored) and /api/partners (refused). */
export const PartnersQuery = z.object({ flow }).openapi('PartnersQuery');
export const ApiPartnersQuery = z.strictObject({ flow });
export const SearchQuery = z.strictObject({ q: z.string().min(1).max(100).openapi({ description: 'Words of a title in any language, an id or a code: rouble, рубль, inflation, nbk.rub.', example: 'рубль' }) }).openapi('SearchQuery');
/** /partners/rerouting (a page: unknown parameters are ignored). */
export const ReroutingQuery = z.object({ scale: z.enum(['linear', 'log']).optional().openapi({ description: 'The y axis: linear (default) or log.', default: 'linear' }) }).openapi('ReroutingQuery');
export const RefreshBody = z.strictObject({ source: z.string().optional() });
/** The refresh body as the API document describes it, naming the jobs this server runs. */
export const describedRefreshBody = (jobs: readonly string[]) =>
  z.strictObject({ source: z.string().optional().openapi({ description: `A job name (${jobs.join(', ')}) or all (default).`, example: 'nbk' }) }).openapi('RefreshBody');
export const SeriesId = z.string().regex(SERIES_ID).openapi({ description: 'A series id, e.g. imf.NGDPD.KAZ, nbk.USD, wb.NY.GDP.MKTP.CD.KAZ', example: 'imf.NGDPD.KAZ' });

function describe(issue: z.core.$ZodIssue, input: Record<string, unknown>, allowed: string[]): Reason {
  if (issue.code === 'unrecognized_keys') return { key: allowed.length ? 'unknownParams' : 'unknownParamsNoneTaken', values: { count: issue.keys.length, keys: issue.keys.join(', '), allowed: allowed.join(', ') } };
  const name = String(issue.path[0] ?? '');
  const value = input[name];
  if (Array.isArray(value)) return { key: 'paramTwice', values: { name } };
  const values = { name, value: JSON.stringify(value) };
  if (issue.code === 'invalid_value') return { key: 'notOneOf', values: { ...values, allowed: issue.values.join(', ') } };
  if (issue.message === DATE_MESSAGE) return { key: 'notADate', values };
  if (issue.message === VINTAGE_MESSAGE) return { key: 'notAVintageKey', values };
  return { key: 'invalidParam', values: { ...values, why: issue.message } };
}

/** Validate a query against its schema: typed values, or a 400 saying what is wrong and what is allowed. */
export function parseQuery<T extends z.ZodType>(schema: T, raw: Record<string, unknown>): z.infer<T> {
  // A form sends its empty fields (freq=&to=): an empty value is an absent one.
  const input = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const allowed = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  throw new BadRequest(describe(r.error.issues[0], input, allowed));
}
