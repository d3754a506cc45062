// The URL parameters of a series view, parsed and checked against one schema
// (query-schemas.ts): every control is in the URL so a link reproduces the view. Anything
// unrecognised is a 400 with a message, never a guess.
import type { z } from 'zod';
import { SERIES_ID, type Frequency } from '../domain/series.ts';
import type { UnitCode } from '../transform/units.ts';
import type { AggregationMethod, AverageBasis } from '../transform/aggregate.ts';
import { BadRequest } from './http-error.ts';
import { isCalendarDate, parseQuery, ViewQuery } from './query-schemas.ts';

export { BadRequest, isCalendarDate };

export interface ViewParams {
  compare: string[];
  units: UnitCode;
  freq?: Frequency;
  agg: AggregationMethod;
  basis: AverageBasis;
  from?: string;
  to?: string;
  indexDate?: string;
  events: boolean;
  vintage?: string;
  highlightFrom?: string;
  highlightTo?: string;
  /** The y axis: linear (default) or log. */
  scale: 'linear' | 'log';
  /** 'all': the page's table shows every row (by default the latest 200; the CSV always has all). */
  rows?: 'all';
}

const FREQ_CODES: Record<string, Frequency> = { d: 'daily', m: 'monthly', q: 'quarterly', a: 'annual' };
export const FREQ_CODE: Record<Frequency, string> = { daily: 'd', monthly: 'm', quarterly: 'q', annual: 'a' };

/** A bare year or month as the start ('from') or end ('to') day it stands for. */
function expand(v: string | undefined, end: boolean): string | undefined {
  if (!v) return v;
  if (v.length === 4) return end ? `${v}-12-31` : `${v}-01-01`;
  if (v.length === 7) return end ? new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)), 0)).toISOString().slice(0, 10) : `${v}-01`;
  return v;
}

type ViewInput = z.infer<typeof ViewQuery>;

/** `schema`: the pages' lenient view schema by default; the API passes its strict one. */
export function parseViewParams(q: Record<string, unknown>, defaultBasis: AverageBasis, schema: z.ZodType<ViewInput> = ViewQuery): ViewParams {
  const v = parseQuery(schema, q);
  const from = expand(v.from, false);
  const to = expand(v.to, true);
  if (from && to && from > to) throw new BadRequest({ key: 'fromAfterTo', values: { from, to } });
  const compare = v.compare ? v.compare.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const id of compare) if (!SERIES_ID.test(id)) throw new BadRequest({ key: 'compareNotId', values: { value: JSON.stringify(id) } });
  if (compare.length > 5) throw new BadRequest({ key: 'compareTooMany', values: { most: 5 } });
  const units = v.units ?? 'lin';
  const p: ViewParams = { compare, units, agg: v.agg ?? 'avg', basis: v.basis ?? defaultBasis, events: (v.events ?? 'on') === 'on', scale: v.scale ?? 'linear' };
  if (v.freq) p.freq = FREQ_CODES[v.freq];
  if (from) p.from = from;
  if (to) p.to = to;
  const idx = expand(v.index_date, false);
  if (idx) p.indexDate = idx;
  if (units === 'index' && !idx) throw new BadRequest({ key: 'indexNeedsDate' });
  if (v.vintage) p.vintage = v.vintage;
  const hf = expand(v.highlight_from, false);
  const ht = expand(v.highlight_to, true);
  if (hf) p.highlightFrom = hf;
  if (ht) p.highlightTo = ht;
  if (v.rows === 'all') p.rows = 'all';
  return p;
}

export function viewQuery(p: ViewParams, defaultBasis: AverageBasis, overrides: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== '') q.set(k, v);
  };
  set('compare', p.compare.join(','));
  if (p.units !== 'lin') set('units', p.units);
  if (p.freq) set('freq', FREQ_CODE[p.freq]);
  if (p.agg !== 'avg') set('agg', p.agg);
  if (p.basis !== defaultBasis) set('basis', p.basis);
  set('from', p.from);
  set('to', p.to);
  set('index_date', p.indexDate);
  if (!p.events) set('events', 'off');
  set('vintage', p.vintage);
  if (p.scale === 'log') set('scale', 'log');
  set('rows', p.rows);
  set('highlight_from', p.highlightFrom);
  set('highlight_to', p.highlightTo);
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
