// Parser for NBK's daily XML feed, rss/get_rates.cfm?fdate=DD.MM.YYYY: all currencies for one
// date, each quoted per `quant` units (1, 10, 100, 1000, changing over time), so the rate per
// unit is description / quant, its decimal point shifted exactly (quant is a power of ten:
// 31.29/100 is 0.3129, not float noise; describe.ts, ratePerUnit).
// For a date outside its archive (before ~May 2021, or holes) the feed answers 200 with
// *today's* rates: the answer's <date> must be the date asked for.
import { PipelineError } from '../../domain/errors.ts';
import type { ParseResult, RawMeta } from '../../domain/source-data.ts';
import { assertNotHtml, assertWellFormedXml } from '../shared/body-checks.ts';
import { nbkToIso } from './dates.ts';
import { parsedRateSeries, ratePerUnit } from './describe.ts';

export interface FeedRate {
  code: string;
  description: string;
  quant: string;
  perUnit: number;
}

export const FEED_PRECEDENCE = 3;

/** The date an answer is for, without validating the rest: lets a backfill skip out-of-archive answers. */
export function feedAnswerDate(body: Buffer): string | undefined {
  const m = /<date>\s*([^<]*?)\s*<\/date>/.exec(body.subarray(0, 4096).toString('utf8'));
  return m ? nbkToIso(m[1]) : undefined;
}

/** Text of the first <tag>…</tag> (or '' for <tag/>) inside a well-formed block; undefined if absent. */
function child(block: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s*/>|>([^<]*)</${tag}>)`).exec(block);
  return m ? (m[1] ?? '').trim() : undefined;
}

export function parseFeedRates(body: Buffer, meta: Pick<RawMeta, 'url' | 'contentType' | 'request'>): { date: string; rates: FeedRate[] } {
  const ctx = { source: 'nbk', url: meta.url };
  assertNotHtml(body, meta.contentType, ctx);
  // Validate well-formedness first (truncated or malformed answers fail here with a line), then read
  // the feed's flat, fixed layout directly: a full DOM parse cost 4x more per answer in a backfill.
  const text = assertWellFormedXml(body, ctx);
  const rates0 = /<rates>([\s\S]*)<\/rates>/.exec(text);
  if (!rates0) throw new PipelineError('NBK_SCHEMA_CHANGED', 'answer has no <rates> element', ctx);
  const root = rates0[1].replace(/<item>[\s\S]*?<\/item>/g, '');
  const dateText = child(root, 'date');
  const date = dateText !== undefined ? nbkToIso(dateText) : undefined;
  if (!date) throw new PipelineError('NBK_BAD_DATE', `answer <date> ${JSON.stringify(dateText)} is not DD.MM.YYYY`, ctx);
  const asked = meta.request?.date;
  if (asked && asked !== date) {
    throw new PipelineError('NBK_DATE_NOT_IN_ARCHIVE', `asked for ${asked} but the answer is for ${date}: the date is not in the feed's archive (or not yet published)`, { ...ctx, date: asked });
  }
  const items = rates0[1].match(/<item>[\s\S]*?<\/item>/g) ?? [];
  if (items.length === 0) throw new PipelineError('NBK_NO_ITEMS', `answer for ${date} has no <item> rates`, { ...ctx, date });
  const seen = new Set<string>();
  const rates: FeedRate[] = [];
  for (const item of items) {
    const code = child(item, 'title') ?? '';
    const description = child(item, 'description') ?? '';
    const quant = child(item, 'quant') ?? '';
    if (!/^[A-Z]{3}$/.test(code)) throw new PipelineError('NBK_BAD_CURRENCY', `item title ${JSON.stringify(code)} is not a currency code`, { ...ctx, date });
    if (seen.has(code)) throw new PipelineError('NBK_DUPLICATE_CURRENCY', `${code} appears twice in the answer for ${date}`, { ...ctx, date, currency: code });
    seen.add(code);
    if (!/^\d+(\.\d+)?$/.test(description) || Number(description) <= 0) {
      throw new PipelineError('NBK_BAD_RATE', `${code} rate ${JSON.stringify(description)} is not a positive number`, { ...ctx, date, currency: code });
    }
    if (!/^[1-9]\d*$/.test(quant)) throw new PipelineError('NBK_BAD_QUANT', `${code} quant ${JSON.stringify(quant)} is not a positive whole number`, { ...ctx, date, currency: code });
    rates.push({ code, description, quant, perUnit: ratePerUnit(description, quant) });
  }
  return { date, rates };
}

/**
 * Every currency in the answer becomes nbk.<CCY>, configured or not: the feed carries the tenge
 * against the partners' currencies (somoni, manat, won, rupee…), which the configured list (the
 * export backfill's) does not. A currency that appears starts a series; one that stops ends it.
 */
export function parseFeed(body: Buffer, meta: Pick<RawMeta, 'url' | 'contentType' | 'request'>): ParseResult {
  const { date, rates } = parseFeedRates(body, meta);
  // Every answer quotes the US dollar (the fixing is against it): without it the answer is broken,
  // and storing it would count the date as done.
  if (!rates.some((r) => r.code === 'USD')) throw new PipelineError('NBK_CURRENCY_MISSING', `the answer for ${date} has no USD rate (${rates.length} other currencies)`, { source: 'nbk', url: meta.url, date });
  const series = rates.map((r) => parsedRateSeries(r.code, FEED_PRECEDENCE, [{ date, value: r.perUnit }]));
  return { series, notes: [] };
}
