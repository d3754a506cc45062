// IMF DataMapper API v1 (World Economic Outlook headline indicators).
// Quirks (docs/sources.md §1): the country and `periods` filters are ignored, so one
// request per indicator returns every economy and we pick ours, failing if one is missing;
// an unknown indicator answers 200 with the countries listing; missing years are absent or
// null; a stray "" key appears; the vintage lives only in /indicators; HTML means blocked.
import { PipelineError } from '../../domain/errors.ts';
import type { Observation } from '../../domain/series.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { assertNotHtml, isRecord, parseJsonBody } from '../shared/body-checks.ts';
import { weoDescription, weoVintage } from './weo.ts';
import { byCodeUnit } from '../../lib/order.ts';
import { weoId } from './words.ts';

export function parseDataMapperIndicator(
  body: Buffer,
  meta: Pick<RawMeta, 'url' | 'contentType' | 'vintage' | 'request'>,
  countries: string[],
): ParseResult {
  const indicator = meta.request?.indicator ?? '';
  const ctx = { source: 'imf', url: meta.url, indicator };
  assertNotHtml(body, meta.contentType, ctx);
  const json = parseJsonBody(body, ctx);
  if (!isRecord(json) || !isRecord(json.values)) {
    const keys = isRecord(json) ? Object.keys(json).join(', ') : typeof json;
    throw new PipelineError('IMF_NO_VALUES', `answer has no "values" object (top-level keys: ${keys}); an unknown indicator answers this way`, ctx);
  }
  const byCountry = json.values[indicator];
  if (!isRecord(byCountry)) {
    const keys = Object.keys(json.values).filter((k) => k !== '');
    throw new PipelineError('IMF_INDICATOR_MISSING', `indicator ${indicator} is not in the answer (values has: ${keys.join(', ') || 'nothing'})`, ctx);
  }
  if (!meta.vintage) throw new PipelineError('IMF_VINTAGE_UNKNOWN', `no WEO vintage recorded for ${indicator}`, ctx);
  const vintage = weoVintage(meta.vintage);
  const series: ParsedSeries[] = [];
  for (const iso3 of countries) {
    const years = byCountry[iso3];
    if (!isRecord(years)) {
      throw new PipelineError('IMF_COUNTRY_MISSING', `${iso3} is missing from the ${indicator} answer (${Object.keys(byCountry).length} economies present)`, { ...ctx, country: iso3 });
    }
    const observations: Observation[] = [];
    for (const [year, value] of Object.entries(years)) {
      if (!/^\d{4}$/.test(year)) continue; // the stray "" key, and anything else that is not a year
      if (value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new PipelineError('IMF_BAD_VALUE', `${indicator} ${iso3} ${year} is ${JSON.stringify(value)}, not a number`, { ...ctx, country: iso3, date: year });
      }
      observations.push({ date: year, value });
    }
    observations.sort((a, b) => byCodeUnit(a.date, b.date));
    series.push({ id: weoId(indicator, iso3), description: weoDescription(indicator, iso3), vintage, precedence: 2, observations });
  }
  return { series, notes: [] };
}

export interface IndicatorInfo {
  source: string;
  lastModified?: string;
}

export function parseIndicatorsListing(body: Buffer, meta: Pick<RawMeta, 'url' | 'contentType'>): Map<string, IndicatorInfo> {
  const ctx = { source: 'imf', url: meta.url };
  assertNotHtml(body, meta.contentType, ctx);
  const json = parseJsonBody(body, ctx);
  if (!isRecord(json) || !isRecord(json.indicators)) {
    throw new PipelineError('IMF_SCHEMA_CHANGED', 'the /indicators answer has no "indicators" object', ctx);
  }
  const out = new Map<string, IndicatorInfo>();
  for (const [code, info] of Object.entries(json.indicators)) {
    if (isRecord(info) && typeof info.source === 'string') {
      out.set(code, { source: info.source, lastModified: typeof info['last-modified'] === 'string' ? info['last-modified'] : undefined });
    }
  }
  return out;
}
