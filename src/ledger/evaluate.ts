// Recompute each claim on the latest data and on the vintage nearest to the paper's access
// date, and give a rounding-aware verdict for each, saying when the vintage changes it.
import type { Observation } from '../domain/series.ts';
import { readingSeries, type Claim, type ClaimsFile, type Reading, type SeriesLookup } from './claims.ts';
import { between, compound, matchesPrinted, MissingData, pctChange, pctFallOfInverse, sum, valueAt } from './operations.ts';

export type Verdict = 'matches' | 'close' | 'differs' | 'ambiguous' | 'not checkable';
export const VERDICTS: Verdict[] = ['matches', 'close', 'differs', 'ambiguous', 'not checkable'];

export interface ReadingResult {
  label: string;
  series: string[];
  value: number | null;
  /** For yes/no readings (comparisons). */
  holds?: boolean;
  verdict: Verdict;
  detail: string;
  vintage: string;
  link: string;
}

export interface ClaimResult {
  claim: Claim;
  latest: { verdict: Verdict; readings: ReadingResult[]; summary: string };
  atPaper: { verdict: Verdict; readings: ReadingResult[]; summary: string; vintageNote: string };
  verdictChanged: boolean;
}

/** The window a reading looks at, for the link to its chart. */
function linkRange(r: Reading): [string, string] {
  switch (r.op) {
    case 'value':
    case 'min_in_window_is':
      return [r.period, r.period];
    case 'max_below':
      return r.window;
    default:
      return [r.from, r.to];
  }
}

function link(r: Reading): string {
  const q = new URLSearchParams();
  if ('other' in r) q.set('compare', r.other);
  const [lo, hi] = linkRange(r);
  q.set('highlight_from', lo);
  q.set('highlight_to', hi);
  if (lo.length === 10) {
    q.set('from', new Date(Date.parse(lo) - 30 * 86_400_000).toISOString().slice(0, 10));
    q.set('to', new Date(Date.parse(hi) + 30 * 86_400_000).toISOString().slice(0, 10));
  }
  return `/series/${r.series}?${q}`;
}

type Computed = { value: number | null; holds?: boolean; detail: string };

/** A number in a sentence: at most 4 decimals, no binary noise (-2.49999999628 → -2.5, 236.63500000000002 → 236.635). */
const num = (v: number) => String(Number(v.toFixed(4)));

function otherSeries(lookup: SeriesLookup, id: string, vintage: string | undefined) {
  const s = lookup(id, vintage);
  if (!s) throw new MissingData(`no series ${id}`);
  return s.observations;
}

function compute(r: Reading, obs: Observation[], lookup: SeriesLookup, vintage: string | undefined): Computed {
  const scale = r.scale ?? 1;
  const v = (d: string) => valueAt(obs, d) * scale;
  switch (r.op) {
    case 'value':
      return { value: v(r.period), detail: `value for ${r.period}` };
    case 'pct_change': {
      const a = v(r.from);
      const b = v(r.to);
      return { value: pctChange(a, b), detail: `${num(a)} → ${num(b)}` };
    }
    case 'pct_fall_of_inverse': {
      const a = v(r.from);
      const b = v(r.to);
      return { value: pctFallOfInverse(a, b), detail: `1 − ${num(a)}/${num(b)}` };
    }
    case 'compound':
      return { value: compound(obs, r.from, r.to), detail: `∏(1 + rate/100) − 1 over ${r.from}..${r.to}` };
    case 'sum':
      return { value: sum(obs, r.from, r.to), detail: `sum over ${r.from}..${r.to}` };
    case 'max_below': {
      const w = between(obs, r.window[0], r.window[1]);
      const ref = between(obs, r.reference[0], r.reference[1]);
      if (!w.length || !ref.length) throw new MissingData('no values in the window');
      const max = Math.max(...w.map((o) => o.value));
      const level = ref.reduce((t, o) => t + o.value, 0) / ref.length;
      return { value: max, holds: max < level, detail: `highest ${r.window.join('–')}: ${max.toFixed(2)}; level ${r.reference.join('–')}: ${level.toFixed(2)}` };
    }
    case 'pct_change_greater': {
      const o = otherSeries(lookup, r.other, vintage);
      const mine = pctChange(valueAt(obs, r.from), valueAt(obs, r.to));
      const theirs = pctChange(valueAt(o, r.from), valueAt(o, r.to));
      return { value: mine, holds: mine > theirs, detail: `${r.series} ${mine.toFixed(1)}% vs ${r.other} ${theirs.toFixed(1)}%` };
    }
    case 'spread_rises': {
      // (series − other) at `to` above its value at `from`, e.g. exports − imports as % of GDP.
      const o = otherSeries(lookup, r.other, vintage);
      const before = valueAt(obs, r.from) - valueAt(o, r.from);
      const after = valueAt(obs, r.to) - valueAt(o, r.to);
      return { value: after, holds: after > before, detail: `${r.series} − ${r.other}: ${before.toFixed(2)} (${r.from}) → ${after.toFixed(2)} (${r.to})` };
    }
    case 'min_in_window_is': {
      const w = between(obs, r.window[0], r.window[1]);
      if (!w.length) throw new MissingData('no values in the window');
      const min = w.reduce((m, o) => (o.value < m.value ? o : m), w[0]);
      const at = v(r.period);
      return { value: at, holds: at < 0 && min.date === r.period, detail: `${r.period}: ${num(at)}; lowest ${r.window.join('–')}: ${min.date} (${num(min.value)})` };
    }
  }
}

function verdictOf(claim: Claim, c: Computed): Verdict {
  if (c.holds !== undefined) return c.holds ? 'matches' : 'differs';
  if (claim.printed === null || c.value === null) return 'differs';
  if (matchesPrinted(c.value, claim.printed, claim.decimals ?? 0)) return 'matches';
  if (Math.abs(c.value - claim.printed) <= (Math.abs(claim.printed) * (claim.tolerancePct ?? 0)) / 100) return 'close';
  return 'differs';
}

function readingResult(claim: Claim, r: Reading, lookup: SeriesLookup, vintage: string | undefined): ReadingResult {
  const base = { label: r.label, series: readingSeries(r), link: link(r) };
  try {
    const s = lookup(r.series, vintage);
    if (!s) throw new MissingData(`no series ${r.series}`);
    const c = compute(r, s.observations, lookup, vintage);
    return { ...base, value: c.value, holds: c.holds, verdict: verdictOf(claim, c), detail: c.detail, vintage: s.vintageLabel };
  } catch (err) {
    if (!(err instanceof MissingData)) throw err;
    return { ...base, value: null, verdict: 'not checkable', detail: `missing data: ${err.message}`, vintage: '' };
  }
}

function summarise(claim: Claim, verdict: Verdict, readings: ReadingResult[]): string {
  const printed = claim.printed;
  const valued = readings.filter((r): r is ReadingResult & { value: number } => r.value !== null);
  if (verdict === 'ambiguous') {
    const m = readings.filter((r) => r.verdict === 'matches').map((r) => r.label);
    let summary = m.length ? `Reproduced by: ${m.join('; ')}.` : 'No reading reproduces the printed number.';
    if (printed !== null && valued.length) {
      const closest = [...valued].sort((a, b) => Math.abs(a.value - printed) - Math.abs(b.value - printed))[0];
      summary += ` Closest: ${closest.label} (${closest.value.toFixed(2)}).`;
    }
    return summary;
  }
  if (verdict === 'differs' && printed !== null && valued.length) return `Differs by ${(valued[0].value - printed).toFixed(2)} ${claim.unit}.`;
  return '';
}

function judge(claim: Claim, lookup: SeriesLookup, vintage: string | undefined): { verdict: Verdict; readings: ReadingResult[]; summary: string } {
  if (claim.notCheckable || !claim.readings?.length) return { verdict: 'not checkable', readings: [], summary: claim.notCheckable ?? '' };
  const readings = claim.readings.map((r) => readingResult(claim, r, lookup, vintage));
  const verdicts = new Set(readings.map((r) => r.verdict));
  const verdict: Verdict = verdicts.size === 1 ? readings[0].verdict : 'ambiguous';
  return { verdict, readings, summary: summarise(claim, verdict, readings) };
}

export function evaluateLedger(file: ClaimsFile, lookup: SeriesLookup): ClaimResult[] {
  return file.claims.map((claim) => {
    const latest = judge(claim, lookup, undefined);
    const atPaper = judge(claim, lookup, file.paperAccessVintage.imf);
    return { claim, latest, atPaper: { ...atPaper, vintageNote: file.paperAccessVintage.note }, verdictChanged: latest.verdict !== atPaper.verdict };
  });
}
