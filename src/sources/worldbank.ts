// World Bank Indicators API v2 (World Development Indicators).
// Quirks (reference/sources.md §4): answers are [meta, rows], newest first, over pages; a
// missing year is a row with value null; errors come as HTTP 200 with a `message` array
// (id 120 invalid value, 175 indicator not found), sometimes inside the page metadata.
import { PipelineError } from '../errors.ts';
import type { RawMeta } from '../store/raw-store.ts';
import { parseCsv } from '../store/csv.ts';
import type { Publisher, SeriesDescription, Vintage } from '../series.ts';
import type { FetchContext, ParsedSeries, ParseResult, SourceConnector } from './connector.ts';
import { assertNotHtml, isRecord, parseJsonBody } from './body-checks.ts';
import { countryName } from './countries.ts';

export const WB_PUBLISHER: Publisher = {
  name: 'World Bank, World Development Indicators',
  url: 'https://data.worldbank.org/',
  licence: 'CC BY 4.0 (World Bank Terms of Use for Datasets)',
  citation: 'World Bank, World Development Indicators',
};

export const WB_INDICATORS: Record<string, { title: string; unit: string; scale: string }> = {
  'NY.GDP.MKTP.CD': { title: 'GDP (current US$)', unit: 'US dollars', scale: 'units' },
  'NY.GDP.MKTP.KD.ZG': { title: 'GDP growth (annual %, constant prices)', unit: 'percent change from previous year', scale: 'units' },
  'FP.CPI.TOTL.ZG': { title: 'Inflation, consumer prices (annual %)', unit: 'percent change from previous year', scale: 'units' },
  'FP.CPI.TOTL': { title: 'Consumer price index (2010 = 100)', unit: 'index, 2010 = 100', scale: 'units' },
  'SL.UEM.TOTL.ZS': { title: 'Unemployment, total (% of total labor force, modeled ILO estimate)', unit: 'percent of total labor force', scale: 'units' },
  'PA.NUS.FCRF': { title: 'Official exchange rate (LCU per US$, period average)', unit: 'local currency units per US dollar, annual average', scale: 'units' },
  'NE.EXP.GNFS.ZS': { title: 'Exports of goods and services (% of GDP)', unit: 'percent of GDP', scale: 'units' },
  'NE.IMP.GNFS.ZS': { title: 'Imports of goods and services (% of GDP)', unit: 'percent of GDP', scale: 'units' },
};

function description(code: string, iso3: string): SeriesDescription {
  const info = WB_INDICATORS[code] ?? { title: code, unit: '', scale: 'units' };
  return { title: `${countryName(iso3)}: ${info.title}`, unit: info.unit, scale: info.scale, frequency: 'annual', country: iso3 };
}

const wbVintage = (lastUpdated: string): Vintage => ({ key: lastUpdated, label: `WDI, last updated ${lastUpdated}` });

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
    const id = `wb.${code}.${iso3}`;
    let s = groups.get(id);
    if (!s) groups.set(id, (s = { id, description: description(code, iso3), vintage: wbVintage(lastUpdated), precedence: 2, observations: [] }));
    s.observations.push([date, row.value]);
  }
  for (const s of groups.values()) s.observations.sort(([a], [b]) => a.localeCompare(b));
  return { page, pages, lastUpdated, series: [...groups.values()] };
}

/** The bundled WDI extract (imported file): long `indicator,iso3,year,value`. */
export function parseWdiLongCsv(bytes: Buffer, meta: Pick<RawMeta, 'key' | 'retrievedAt'>, countries: string[]): ParseResult {
  const rows = parseCsv(bytes.toString('utf8'));
  const file = meta.key;
  if (rows[0]?.join(',') !== 'indicator,iso3,year,value') throw new PipelineError('IMPORT_SCHEMA_CHANGED', `unexpected header ${rows[0]?.join(',')}`, { source: 'worldbank', file });
  const day = meta.retrievedAt.slice(0, 10);
  const vintage: Vintage = { key: day, label: `WDI, downloaded ${day}` };
  const wanted = new Set(countries);
  const groups = new Map<string, ParsedSeries>();
  for (let i = 1; i < rows.length; i++) {
    const [code, iso3, year, valueText] = rows[i];
    if (rows[i].length === 1 && code === '') continue;
    if (!wanted.has(iso3)) continue;
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) throw new PipelineError('IMPORT_BAD_VALUE', `value ${JSON.stringify(valueText)} is not a number`, { source: 'worldbank', file, line: i + 1 });
    const id = `wb.${code}.${iso3}`;
    let s = groups.get(id);
    if (!s) groups.set(id, (s = { id, description: description(code, iso3), vintage, precedence: 1, observations: [] }));
    s.observations.push([year, value]);
  }
  return { series: [...groups.values()], notes: [] };
}

export interface WorldBankOptions {
  baseUrl: string;
  indicators: string[];
  countries: string[];
  perPage: number;
  pauseMs: number;
  expected: string[];
}

export function createWorldBank(opts: WorldBankOptions): SourceConnector {
  const version = '1.0.0';
  return {
    name: 'worldbank',
    title: 'World Bank World Development Indicators (API v2)',
    version,
    publisher: WB_PUBLISHER,
    expectedSeries: () => opts.expected,
    async parse(meta, bytes) {
      if (meta.parser === 'wb-page') return { series: parseWbPage(bytes, meta, opts.countries).series, notes: [] };
      if (meta.parser === 'wdi-long-csv') return parseWdiLongCsv(bytes, meta, opts.countries);
      throw new PipelineError('UNKNOWN_PARSER', `worldbank has no parser ${JSON.stringify(meta.parser)}`, { source: 'worldbank' });
    },
    async fetch(ctx: FetchContext) {
      let n = 0;
      for (const code of opts.indicators) {
        for (let page = 1, pages = 1; page <= pages; page++) {
          if (n++ > 0) await ctx.sleep(opts.pauseMs);
          const url = `${opts.baseUrl}/country/${opts.countries.join(';')}/indicator/${encodeURIComponent(code)}?format=json&per_page=${opts.perPage}&page=${page}`;
          const res = await ctx.http.get(url, { source: 'worldbank', accept: 'application/json' });
          const meta = {
            source: 'worldbank', kind: 'http' as const, parser: 'wb-page', key: `indicator/${code}/page-${page}`, url: res.url, status: res.status,
            contentType: res.contentType, retrievedAt: new Date().toISOString(), connectorVersion: version, request: { indicator: code, page: String(page) },
          };
          await ctx.accept({ meta, body: res.body, ext: 'json' });
          pages = parseWbPage(res.body, meta, opts.countries).pages;
        }
        ctx.progress(opts.indicators.indexOf(code) + 1, opts.indicators.length, code);
      }
    },
  };
}
