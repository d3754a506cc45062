// Recompute each claim on the latest data and on the vintage nearest to the paper's access
// date, and give a rounding-aware verdict for each, saying when the vintage changes it.
import type { Claim, ClaimsFile, Reading, SeriesLookup } from './claims.ts';
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

function link(r: Reading): string {
  const q = new URLSearchParams();
  if (r.other) q.set('compare', r.other);
  const lo = r.from ?? r.period ?? r.window?.[0] ?? r.reference?.[0];
  const hi = r.to ?? r.period ?? r.window?.[1];
  if (lo) q.set('highlight_from', lo);
  if (hi) q.set('highlight_to', hi);
  const daily = (lo ?? '').length === 10;
  if (daily && lo) q.set('from', new Date(Date.parse(lo) - 30 * 86_400_000).toISOString().slice(0, 10));
  if (daily && hi) q.set('to', new Date(Date.parse(hi) + 30 * 86_400_000).toISOString().slice(0, 10));
  return `/series/${r.series}?${q}`;
}

function compute(r: Reading, lookup: SeriesLookup, vintage: string | undefined): { value: number | null; holds?: boolean; detail: string; vintage: string } {
  const s = lookup(r.series, vintage)!;
  const obs = s.observations;
  const scale = r.scale ?? 1;
  const v = (d: string) => valueAt(obs, d) * scale;
  switch (r.op) {
    case 'value':
      return { value: v(r.period!), detail: `value for ${r.period}`, vintage: s.vintageLabel };
    case 'pct_change': {
      const a = v(r.from!);
      const b = v(r.to!);
      return { value: pctChange(a, b), detail: `${a} → ${b}`, vintage: s.vintageLabel };
    }
    case 'pct_fall_of_inverse': {
      const a = v(r.from!);
      const b = v(r.to!);
      return { value: pctFallOfInverse(a, b), detail: `1 − ${a}/${b}`, vintage: s.vintageLabel };
    }
    case 'compound':
      return { value: compound(obs, r.from!, r.to!), detail: `∏(1 + rate/100) − 1 over ${r.from}..${r.to}`, vintage: s.vintageLabel };
    case 'sum':
      return { value: sum(obs, r.from!, r.to!), detail: `sum over ${r.from}..${r.to}`, vintage: s.vintageLabel };
    case 'max_below': {
      const w = between(obs, r.window![0], r.window![1]);
      const ref = between(obs, r.reference![0], r.reference![1]);
      if (!w.length || !ref.length) throw new MissingData('no values in the window');
      const max = Math.max(...w.map((o) => o.value));
      const level = ref.reduce((t, o) => t + o.value, 0) / ref.length;
      return { value: max, holds: max < level, detail: `highest ${r.window!.join('–')}: ${max.toFixed(2)}; level ${r.reference!.join('–')}: ${level.toFixed(2)}`, vintage: s.vintageLabel };
    }
    case 'pct_change_greater': {
      const o = lookup(r.other!, vintage)!.observations;
      const mine = pctChange(valueAt(obs, r.from!), valueAt(obs, r.to!));
      const theirs = pctChange(valueAt(o, r.from!), valueAt(o, r.to!));
      return { value: mine, holds: mine > theirs, detail: `${r.series} ${mine.toFixed(1)}% vs ${r.other} ${theirs.toFixed(1)}%`, vintage: s.vintageLabel };
    }
    case 'spread_rises': {
      // (series − other) at `to` above its value at `from`, e.g. exports − imports as % of GDP.
      const o = lookup(r.other!, vintage)!.observations;
      const before = valueAt(obs, r.from!) - valueAt(o, r.from!);
      const after = valueAt(obs, r.to!) - valueAt(o, r.to!);
      return { value: after, holds: after > before, detail: `${r.series} − ${r.other}: ${before.toFixed(2)} (${r.from}) → ${after.toFixed(2)} (${r.to})`, vintage: s.vintageLabel };
    }
    case 'min_in_window_is': {
      const w = between(obs, r.window![0], r.window![1]);
      const min = w.reduce((m, o) => (o.value < m.value ? o : m), w[0]);
      const at = v(r.period!);
      return { value: at, holds: at < 0 && min.date === r.period, detail: `${r.period}: ${at}; lowest ${r.window!.join('–')}: ${min.date} (${min.value})`, vintage: s.vintageLabel };
    }
  }
}

function judge(claim: Claim, lookup: SeriesLookup, vintage: string | undefined): { verdict: Verdict; readings: ReadingResult[]; summary: string } {
  if (claim.notCheckable || !claim.readings?.length) return { verdict: 'not checkable', readings: [], summary: claim.notCheckable ?? '' };
  const readings: ReadingResult[] = claim.readings.map((r) => {
    const base = { label: r.label, series: [r.series, ...(r.other ? [r.other] : [])], link: link(r) };
    try {
      const c = compute(r, lookup, vintage);
      let verdict: Verdict;
      if (c.holds !== undefined) verdict = c.holds ? 'matches' : 'differs';
      else if (claim.printed !== null && c.value !== null && matchesPrinted(c.value, claim.printed, claim.decimals ?? 0)) verdict = 'matches';
      else if (claim.printed !== null && c.value !== null && Math.abs(c.value - claim.printed) <= (Math.abs(claim.printed) * (claim.tolerancePct ?? 0)) / 100) verdict = 'close';
      else verdict = 'differs';
      return { ...base, value: c.value, holds: c.holds, verdict, detail: c.detail, vintage: c.vintage };
    } catch (err) {
      if (!(err instanceof MissingData)) throw err;
      return { ...base, value: null, verdict: 'not checkable' as Verdict, detail: `missing data: ${err.message}`, vintage: '' };
    }
  });
  const verdicts = new Set(readings.map((r) => r.verdict));
  const verdict: Verdict = verdicts.size === 1 ? readings[0].verdict : 'ambiguous';
  let summary = '';
  if (verdict === 'ambiguous') {
    const m = readings.filter((r) => r.verdict === 'matches').map((r) => r.label);
    const closest = claim.printed !== null ? [...readings].filter((r) => r.value !== null).sort((a, b) => Math.abs(a.value! - claim.printed!) - Math.abs(b.value! - claim.printed!))[0] : undefined;
    summary = m.length ? `Reproduced by: ${m.join('; ')}.` : 'No reading reproduces the printed number.';
    if (closest) summary += ` Closest: ${closest.label} (${closest.value!.toFixed(2)}).`;
  } else if (verdict === 'differs' && claim.printed !== null) {
    const r = readings.find((x) => x.value !== null);
    if (r) summary = `Differs by ${(r.value! - claim.printed).toFixed(2)} ${claim.unit}.`;
  }
  return { verdict, readings, summary };
}

export function evaluateLedger(file: ClaimsFile, lookup: SeriesLookup): ClaimResult[] {
  return file.claims.map((claim) => {
    const latest = judge(claim, lookup, undefined);
    const atPaper = judge(claim, lookup, file.paperAccessVintage.imf);
    return { claim, latest, atPaper: { ...atPaper, vintageNote: file.paperAccessVintage.note }, verdictChanged: latest.verdict !== atPaper.verdict };
  });
}
