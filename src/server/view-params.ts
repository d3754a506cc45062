// The URL parameters of a series view, parsed and checked: every control is in the URL so a
// link reproduces the view. Anything unrecognised is a 400 with a message, never a guess.
import type { Frequency } from '../domain/series.ts';
import { HttpError } from './http-error.ts';
import { isUnitCode, type UnitCode } from '../transform/units.ts';
import type { AggregationMethod, AverageBasis } from '../transform/aggregate.ts';
import { SERIES_ID } from '../domain/series.ts';

export class BadRequest extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

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
}

const FREQ_CODES: Record<string, Frequency> = { d: 'daily', m: 'monthly', q: 'quarterly', a: 'annual' };
export const FREQ_CODE: Record<Frequency, string> = { daily: 'd', monthly: 'm', quarterly: 'q', annual: 'a' };
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function one(q: Record<string, unknown>, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new BadRequest(`parameter ${name} must be given once`);
  return v;
}

/** A real calendar date: the month exists, and the day exists in that month (no 2024-02-30). */
export function isCalendarDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const [y, m = 1, d = 1] = v.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function date(q: Record<string, unknown>, name: string): string | undefined {
  const v = one(q, name);
  if (v === undefined) return undefined;
  if (!isCalendarDate(v)) throw new BadRequest(`${name}=${JSON.stringify(v)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)`);
  return v;
}

/** A bare year or month as the start ('from') or end ('to') day it stands for. */
function expand(v: string | undefined, end: boolean): string | undefined {
  if (!v) return v;
  if (v.length === 4) return end ? `${v}-12-31` : `${v}-01-01`;
  if (v.length === 7) return end ? new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)), 0)).toISOString().slice(0, 10) : `${v}-01`;
  return v;
}

export function parseViewParams(q: Record<string, unknown>, defaultBasis: AverageBasis): ViewParams {
  const units = one(q, 'units') ?? 'lin';
  if (!isUnitCode(units)) throw new BadRequest(`units=${JSON.stringify(units)} is not one of lin, chg, ch1, pch, pc1, pca, log, index`);
  const freqCode = one(q, 'freq');
  if (freqCode !== undefined && !FREQ_CODES[freqCode]) throw new BadRequest(`freq=${JSON.stringify(freqCode)} is not one of d, m, q, a`);
  const agg = one(q, 'agg') ?? 'avg';
  if (agg !== 'avg' && agg !== 'eop') throw new BadRequest(`agg=${JSON.stringify(agg)} is not avg or eop`);
  const basis = one(q, 'basis') ?? defaultBasis;
  if (basis !== 'announcement' && basis !== 'calendar') throw new BadRequest(`basis=${JSON.stringify(basis)} is not announcement or calendar`);
  const from = expand(date(q, 'from'), false);
  const to = expand(date(q, 'to'), true);
  if (from && to && from > to) throw new BadRequest(`from ${from} is after to ${to}`);
  const compareRaw = one(q, 'compare');
  const compare = compareRaw ? compareRaw.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const id of compare) if (!SERIES_ID.test(id)) throw new BadRequest(`compare: ${JSON.stringify(id)} is not a series id`);
  if (compare.length > 5) throw new BadRequest('compare at most 5 series at once');
  const events = one(q, 'events') ?? 'on';
  if (events !== 'on' && events !== 'off') throw new BadRequest('events must be on or off');
  const vintage = one(q, 'vintage');
  if (vintage !== undefined && !/^[A-Za-z0-9_.-]{1,40}$/.test(vintage)) throw new BadRequest('vintage is not a vintage key');
  const p: ViewParams = { compare, units, agg, basis, events: events === 'on' };
  if (freqCode) p.freq = FREQ_CODES[freqCode];
  if (from) p.from = from;
  if (to) p.to = to;
  const idx = expand(date(q, 'index_date'), false);
  if (idx) p.indexDate = idx;
  if (units === 'index' && !idx) throw new BadRequest('units=index needs index_date (the date that becomes 100)');
  if (vintage) p.vintage = vintage;
  const hf = expand(date(q, 'highlight_from'), false);
  const ht = expand(date(q, 'highlight_to'), true);
  if (hf) p.highlightFrom = hf;
  if (ht) p.highlightTo = ht;
  return p;
}

/** The query string that reproduces a view (for links, downloads and the canonical URL). */
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
  set('highlight_from', p.highlightFrom);
  set('highlight_to', p.highlightTo);
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
