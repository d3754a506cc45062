// World Bank Indicators API v2 pages. Quirks (docs/sources.md §4): answers are [meta, rows],
// newest first, over pages; a missing year is a row with value null; errors come as HTTP 200
// with a `message` array (id 120 invalid value, 175 indicator not found), sometimes inside the
// page metadata.
import { PipelineError } from '../../domain/errors.ts';
import type { ParsedSeries, RawMeta } from '../../domain/source-data.ts';
import { assertNotHtml, isRecord, parseJsonBody } from '../shared/body-checks.ts';
import { description, wbVintage } from './indicators.ts';
import { byCodeUnit } from '../../lib/order.ts';
import { wdiId } from './words.ts';

/** Throw the provider's own message when the answer is an error envelope answered with 200. */
function assertNoMessage(json: unknown, ctx: Record<string, unknown>): void {
  const first = Array.isArray(json) ? json[0] : json;
  if (isRecord(first) && Array.isArray(first.message)) {
    const msgs = first.message.filter(isRecord).map((m) => `${String(m.id)} ${String(m.key ?? '')}: ${String(m.value ?? '')}`.trim());
    throw new PipelineError('WB_API_ERROR', `World Bank API answered with an error: ${msgs.join('; ')}`, ctx);
  }
}

export interface WbPage {
  page: number;
  pages: number;
  lastUpdated: string;
  series: ParsedSeries[];
}

export function parseWbPage(body: Buffer, meta: Pick<RawMeta, 'url' | 'contentType' | 'request'>, countries: string[]): WbPage {
  const ctx = { source: 'worldbank', url: meta.url };
  assertNotHtml(body, meta.contentType, ctx);
  const json = parseJsonBody(body, ctx);
  assertNoMessage(json, ctx);
  if (!Array.isArray(json) || json.length < 1 || !isRecord(json[0])) throw new PipelineError('WB_SCHEMA_CHANGED', 'answer is not [metadata, rows]', ctx);
  const head = json[0];
  const page = Number(head.page);
  const pages = Number(head.pages);
  const lastUpdated = String(head.lastupdated ?? '');
  if (!Number.isInteger(page) || !Number.isInteger(pages)) throw new PipelineError('WB_SCHEMA_CHANGED', 'page metadata has no page/pages numbers', ctx);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastUpdated)) throw new PipelineError('WB_SCHEMA_CHANGED', `lastupdated ${JSON.stringify(head.lastupdated)} is not a date`, ctx);
  const rows = json[1] ?? [];
  if (!Array.isArray(rows)) throw new PipelineError('WB_SCHEMA_CHANGED', 'rows are not an array', ctx);
  const wanted = new Set(countries);
  const groups = new Map<string, ParsedSeries>();
  for (const row of rows) {
    if (!isRecord(row) || !isRecord(row.indicator)) throw new PipelineError('WB_SCHEMA_CHANGED', 'a row has no indicator', ctx);
    const code = String(row.indicator.id);
    const iso3 = String(row.countryiso3code || (isRecord(row.country) ? row.country.id : '')).trim();
    if (!wanted.has(iso3)) continue;
    const date = String(row.date);
    if (!/^\d{4}$/.test(date)) throw new PipelineError('WB_SCHEMA_CHANGED', `date ${JSON.stringify(row.date)} is not a year`, { ...ctx, country: iso3 });
    if (row.value === null) continue; // a year with no value: missing, not zero
    if (typeof row.value !== 'number' || !Number.isFinite(row.value)) {
      throw new PipelineError('WB_BAD_VALUE', `${code} ${iso3} ${date} is ${JSON.stringify(row.value)}, not a number`, { ...ctx, country: iso3, date });
    }
    const id = wdiId(code, iso3);
    let s = groups.get(id);
    if (!s) groups.set(id, (s = { id, description: description(code, iso3), vintage: wbVintage(lastUpdated), precedence: 2, observations: [] }));
    s.observations.push({ date, value: row.value });
  }
  for (const s of groups.values()) s.observations.sort((a, b) => byCodeUnit(a.date, b.date));
  return { page, pages, lastUpdated, series: [...groups.values()] };
}

