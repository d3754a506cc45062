// Recompute each claim on the latest data and on the vintage nearest to the paper's access
// date, and give a verdict by a stated rule (VERDICT_RULES), saying when the vintage changes it.
// The verdict is the primary reading's (the natural reading of the words, named in claims.json
// with the reason); "ambiguous" is kept for claims whose words truly admit several readings.
import { isGroup } from '../domain/partners.ts';
import type { Observation } from '../domain/series.ts';
import { readingDates, readingSeries, type Claim, type ClaimsFile, type ReadAt, type Reading, type SeriesLookup } from './claims.ts';
import { between, compound, matchesPrinted, MissingData, pctChange, pctFallOfInverse, sum, valueAt } from './operations.ts';

export type Verdict = 'matches' | 'close' | 'differs' | 'ambiguous' | 'not checkable';
export const VERDICTS: Verdict[] = ['matches', 'close', 'differs', 'ambiguous', 'not checkable'];

/** What each verdict means, as the ledger page and the replication README state it. */
export const VERDICT_RULES: Record<Verdict, string> = {
  matches:
    'The primary reading reproduces the printed number when rounded as printed: a printed 4.9 (one decimal) matches any value in [4.85, 4.95). A statement with no number (a rise, a fall, a lowest year) matches when it holds in the data.',
  close: "The primary reading is outside the printed rounding but within the claim's stated tolerance (a percent of the printed number, given with the claim).",
  differs: 'The primary reading is outside the tolerance, or the statement does not hold in the data.',
  ambiguous: "The words admit several readings that are equally natural (the claim says why) and the readings' verdicts disagree; each reading is shown with its own verdict.",
  'not checkable': 'No bundled data settles it; the claim says which publication would.',
};

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
  /** The reading uses a year that was a projection in the vintage it was read at. */
  usesProjection?: boolean;
}

export interface ClaimResult {
  claim: Claim;
  latest: { verdict: Verdict; readings: ReadingResult[]; summary: string };
  /** Read at the editions published before the claim's access date. */
  atPaper: { verdict: Verdict; readings: ReadingResult[]; summary: string; vintageNote: string; accessDate: string; editions: string[] };
  verdictChanged: boolean;
}

/** The window a reading looks at, for the link to its chart. */
function linkRange(r: Reading): [string, string] {
  switch (r.op) {
    case 'value':
    case 'min_in_window_is':
    case 'share_of':
    case 'rank_among':
      return [r.period, r.period];
    case 'max_below':
    case 'record':
    case 'all_above':
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

function otherSeries(lookup: SeriesLookup, id: string, at: ReadAt) {
  const s = lookup(id, at);
  if (!s) throw new MissingData(`no series ${id}`);
  return s.observations;
}

/** A series combined with another date by date (only dates both have): a + b or a × b. */
function combined(obs: Observation[], other: Observation[], f: (a: number, b: number) => number): Observation[] {
  const b = new Map(other.map((o) => [o.date, o.value]));
  return obs.filter((o) => b.has(o.date)).map((o) => ({ date: o.date, value: f(o.value, b.get(o.date)!) }));
}

/** The observations a reading reads: its series, plus or times another where it says so. */
function readObservations(r: { series: string; plus?: string; times?: string }, obs: Observation[], lookup: SeriesLookup, at: ReadAt): Observation[] {
  let out = obs;
  if (r.plus) out = combined(out, otherSeries(lookup, r.plus, at), (a, b) => a + b);
  if (r.times) out = combined(out, otherSeries(lookup, r.times, at), (a, b) => a * b);
  return out;
}

const name = (r: { series: string; plus?: string; times?: string }) => `${r.series}${r.plus ? ` + ${r.plus}` : ''}${r.times ? ` × ${r.times}` : ''}`;

/** Rank of a series among every partner country under a prefix (groups never count, except the one ranked: the EU against single countries). */
function rankAmong(lookup: SeriesLookup, at: ReadAt, prefix: string, period: string, mine: string): { rank: number; of: number; ahead: string[] } {
  if (!lookup.ids) throw new MissingData('the series catalogue is not available');
  const values = lookup
    .ids()
    .filter((id) => id.startsWith(prefix) && (id === mine || !isGroup(id.slice(prefix.length))))
    .flatMap((id) => {
      const o = lookup(id, at)?.observations.find((x) => x.date === period);
      return o ? [{ id, value: o.value }] : [];
    })
    .sort((a, b) => b.value - a.value);
  const index = values.findIndex((x) => x.id === mine);
  if (index < 0) throw new MissingData(`no value for ${mine} in ${period}`);
  return { rank: index + 1, of: values.length, ahead: values.slice(0, index).map((x) => x.id.slice(prefix.length)) };
}

function compute(r: Reading, raw: Observation[], lookup: SeriesLookup, at: ReadAt): Computed {
  const obs = readObservations(r, raw, lookup, at);
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
      return { value: sum(obs, r.from, r.to) * scale, detail: `sum over ${r.from}..${r.to}${scale === 1 ? '' : `, × ${scale}`}` };
    case 'max_below': {
      const w = between(obs, r.window[0], r.window[1]);
      const ref = between(obs, r.reference[0], r.reference[1]);
      if (!w.length || !ref.length) throw new MissingData('no values in the window');
      const max = Math.max(...w.map((o) => o.value));
      const level = ref.reduce((t, o) => t + o.value, 0) / ref.length;
      return { value: max, holds: max < level, detail: `highest ${r.window.join('–')}: ${max.toFixed(2)}; level ${r.reference.join('–')}: ${level.toFixed(2)}` };
    }
    case 'pct_change_greater': {
      const o = otherSeries(lookup, r.other, at);
      const mine = pctChange(valueAt(obs, r.from), valueAt(obs, r.to));
      const theirs = pctChange(valueAt(o, r.from), valueAt(o, r.to));
      return { value: mine, holds: mine > theirs, detail: `${r.series} ${mine.toFixed(1)}% vs ${r.other} ${theirs.toFixed(1)}%` };
    }
    case 'moves_alike': {
      const o = otherSeries(lookup, r.other, at);
      const mine = pctChange(valueAt(obs, r.from), valueAt(obs, r.to));
      const theirs = pctChange(valueAt(o, r.from), valueAt(o, r.to));
      const ratio = Math.abs(mine) / Math.abs(theirs);
      const sameWay = Math.sign(mine) === Math.sign(theirs);
      const holds = sameWay && (r.factor === undefined || (ratio <= r.factor && ratio >= 1 / r.factor));
      const size = r.factor === undefined ? '' : `; sizes ${num(ratio)}× apart (criterion: within ×${r.factor})`;
      return { value: mine, holds, detail: `${r.series} ${mine.toFixed(1)}% vs ${r.other} ${theirs.toFixed(1)}%: ${sameWay ? 'same direction' : 'opposite directions'}${size}` };
    }
    case 'spread_rises': {
      // (series − other) at `to` above its value at `from`, e.g. exports − imports as % of GDP.
      const o = otherSeries(lookup, r.other, at);
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
    default:
      return computeComparison(r, obs, v, lookup, at);
  }
}

/** The readings that compare: a direction, a factor, a share, a rank, a record, a recovery. */
function computeComparison(r: Reading, obs: Observation[], v: (d: string) => number, lookup: SeriesLookup, at: ReadAt): Computed {
  switch (r.op) {
    case 'direction': {
      const a = v(r.from);
      const b = v(r.to);
      return { value: b - a, holds: r.direction === 'up' ? b > a : b < a, detail: `${name(r)}: ${num(a)} (${r.from}) → ${num(b)} (${r.to}), ${b > a ? 'up' : b < a ? 'down' : 'unchanged'}` };
    }
    case 'ratio_at_least': {
      const a = v(r.from);
      const b = v(r.to);
      return { value: b / a, holds: b / a >= r.atLeast, detail: `${num(a)} (${r.from}) → ${num(b)} (${r.to}): ×${num(b / a)} (criterion: at least ×${r.atLeast})` };
    }
    case 'share_of': {
      const total = valueAt(otherSeries(lookup, r.other, at), r.period);
      const mine = valueAt(obs, r.period);
      return { value: (100 * mine) / total, detail: `100 × ${num(mine)} / ${num(total)} (${r.period})` };
    }
    case 'rank_among': {
      const { rank, of, ahead } = rankAmong(lookup, at, r.prefix, r.period, r.series);
      return { value: rank, holds: rank <= r.within, detail: `rank ${rank} of ${of} partner countries in ${r.period}${ahead.length ? `; ahead: ${ahead.join(', ')}` : ''} (criterion: within the first ${r.within})` };
    }
    case 'record': {
      const at2 = v(r.period);
      const w = between(obs, r.window[0], r.window[1]).filter((o) => o.date !== r.period);
      const highest = Math.max(...w.map((o) => o.value * (r.scale ?? 1)));
      let holds = w.every((o) => o.value * (r.scale ?? 1) < at2);
      let detail = `${r.period}: ${num(at2)}; highest other year ${r.window.join('–')}: ${w.length ? num(highest) : 'none'}`;
      if (r.earlier) {
        const e = readObservations(r.earlier, otherSeries(lookup, r.earlier.series, at), lookup, at);
        const ew = between(e, r.earlier.window[0], r.earlier.window[1]);
        if (!ew.length) throw new MissingData(`no values of ${r.earlier.series} in ${r.earlier.window.join('–')}`);
        const top = ew.reduce((m, o) => (o.value > m.value ? o : m), ew[0]);
        const topValue = top.value * (r.earlier.scale ?? 1);
        holds &&= topValue < at2;
        detail += `; ${r.earlier.label}: highest ${top.date} (${num(topValue)})`;
      }
      return { value: at2, holds, detail };
    }
    case 'all_above': {
      const base = v(r.than);
      const w = between(obs, r.window[0], r.window[1]);
      if (!w.length) throw new MissingData('no values in the window');
      const low = w.reduce((m, o) => (o.value < m.value ? o : m), w[0]);
      return { value: low.value * (r.scale ?? 1), holds: w.every((o) => o.value * (r.scale ?? 1) > base), detail: `${r.than}: ${num(base)}; lowest ${r.window.join('–')}: ${low.date} (${num(low.value * (r.scale ?? 1))})` };
    }
    default:
      throw new Error(`unhandled operation ${r.op}`);
  }
}

function verdictOf(claim: Claim, c: Computed): Verdict {
  if (c.holds !== undefined) return c.holds ? 'matches' : 'differs';
  if (claim.printed === null || c.value === null) return 'differs';
  if (matchesPrinted(c.value, claim.printed, claim.decimals ?? 0)) return 'matches';
  if (Math.abs(c.value - claim.printed) <= (Math.abs(claim.printed) * (claim.tolerancePct ?? 0)) / 100) return 'close';
  return 'differs';
}

function readingResult(claim: Claim, r: Reading, lookup: SeriesLookup, at: ReadAt): ReadingResult {
  const base = { label: r.label, series: readingSeries(r), link: link(r) };
  try {
    const s = lookup(r.series, at);
    if (!s) throw new MissingData(`no series ${r.series}`);
    const c = compute(r, s.observations, lookup, at);
    const projected = s.lastActualYear === undefined ? [] : readingDates(r).filter((d) => Number(d.slice(0, 4)) > s.lastActualYear!);
    const result: ReadingResult = { ...base, value: c.value, holds: c.holds, verdict: verdictOf(claim, c), detail: c.detail, vintage: s.vintageLabel };
    if (projected.length) {
      result.usesProjection = true;
      result.detail += ` — uses a projected value: ${[...new Set(projected.map((d) => d.slice(0, 4)))].join(', ')} was a projection in ${s.vintageLabel} (last actual year ${s.lastActualYear})`;
    }
    return result;
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

function judge(claim: Claim, lookup: SeriesLookup, at: ReadAt): { verdict: Verdict; readings: ReadingResult[]; summary: string } {
  if (!claim.readings?.length) return { verdict: 'not checkable', readings: [], summary: claim.notCheckable ?? '' };
  const readings = claim.readings.map((r) => readingResult(claim, r, lookup, at));
  // The paper's basis is not in the data: the readings on the data's own basis are shown, not judged.
  if (claim.notCheckable) {
    const shown = readings.map((r) => `${r.label}${r.value === null ? '' : `: ${num(r.value)}`} (${r.verdict} on that basis)`).join('; ');
    return { verdict: 'not checkable', readings, summary: `${claim.notCheckable} On the data's own basis — ${shown}.` };
  }
  if (claim.primary) {
    const p = readings[claim.primary.reading];
    const others = readings.filter((_, i) => i !== claim.primary!.reading).map((r) => `${r.label}: ${r.verdict}`);
    const lead = `By the primary reading (${p.label}): ${p.verdict}.`;
    const rest = summarise(claim, p.verdict, [p]);
    return { verdict: p.verdict, readings, summary: [lead, rest, others.length ? `Alternatives — ${others.join('; ')}.` : ''].filter(Boolean).join(' ') };
  }
  const verdicts = new Set(readings.map((r) => r.verdict));
  const verdict: Verdict = verdicts.size === 1 ? readings[0].verdict : 'ambiguous';
  return { verdict, readings, summary: summarise(claim, verdict, readings) };
}

export function evaluateLedger(file: ClaimsFile, lookup: SeriesLookup): ClaimResult[] {
  return file.claims.map((claim) => {
    const latest = judge(claim, lookup, undefined);
    const accessDate = claim.accessDate ?? file.paperAccess.date;
    const atPaper = judge(claim, lookup, { asOf: accessDate });
    const editions = [...new Set(atPaper.readings.map((r) => r.vintage).filter(Boolean))];
    return { claim, latest, atPaper: { ...atPaper, vintageNote: file.paperAccess.note, accessDate, editions }, verdictChanged: latest.verdict !== atPaper.verdict };
  });
}
