// Recompute each claim on the latest data and on the vintage nearest to the paper's access
// date, and give a verdict by a stated rule (VERDICT_RULES), saying when the vintage changes it.
// The verdict is the primary reading's (the natural reading of the words, named in claims.json
// with the reason); "ambiguous" is kept for claims whose words truly admit several readings.
import { isGroup } from '../domain/partners.ts';
import type { Observation } from '../domain/series.ts';
import { readingDates, readingSeries, type Claim, type ClaimsFile, type ReadAt, type Reading, type SeriesLookup } from './claims.ts';
import { inEnglish, MissingData, phrase, type Phrase } from './explanation.ts';
import type { Verdict } from './verdicts.ts';
import { between, compound, matchesPrinted, pctChange, pctFallOfInverse, sum, valueAt } from './operations.ts';

export { VERDICT_RULES, VERDICTS, type Verdict } from './verdicts.ts';

export interface ReadingResult {
  label: string;
  series: string[];
  value: number | null;
  /** For yes/no readings (comparisons). */
  holds?: boolean;
  verdict: Verdict;
  /** How it was computed, in English (the CSV, JSON and README carry it) … */
  detail: string;
  /** … and as phrases, for the page's language. */
  explanation: Phrase[];
  vintage: string;
  /** The vintage's key ('' when nothing was read), and the month no earlier vintage was held for. */
  vintageKey: string;
  noVintageAsOf?: string;
  link: string;
  /** The reading uses a year that was a projection in the vintage it was read at. */
  usesProjection?: boolean;
}

export interface ClaimResult {
  claim: Claim;
  latest: Judgement;
  /** Read at the editions published before the claim's access date. */
  atPaper: Judgement & { vintageNote: string; accessDate: string; editions: string[] };
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

/** A reading's verdict with the readings and a summary (in English, and as phrases for the page). */
export interface Judgement {
  verdict: Verdict;
  readings: ReadingResult[];
  summary: string;
  summaryPhrases: Phrase[];
}

type Computed = { value: number | null; holds?: boolean; explanation: Phrase[] };

/** A number rounded for a sentence, as printed before (one or two decimals). */
const round = (v: number, decimals: number) => Number(v.toFixed(decimals));

function otherSeries(lookup: SeriesLookup, id: string, at: ReadAt) {
  const s = lookup(id, at);
  if (!s) throw new MissingData(phrase('noSeries', { series: id }));
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
  if (!lookup.ids) throw new MissingData(phrase('noCatalogue'));
  const values = lookup
    .ids()
    .filter((id) => id.startsWith(prefix) && (id === mine || !isGroup(id.slice(prefix.length))))
    .flatMap((id) => {
      const o = lookup(id, at)?.observations.find((x) => x.date === period);
      return o ? [{ id, value: o.value }] : [];
    })
    .sort((a, b) => b.value - a.value);
  const index = values.findIndex((x) => x.id === mine);
  if (index < 0) throw new MissingData(phrase('noPartnerValue', { series: mine, period }));
  return { rank: index + 1, of: values.length, ahead: values.slice(0, index).map((x) => x.id.slice(prefix.length)) };
}

function compute(r: Reading, index: number, raw: Observation[], lookup: SeriesLookup, at: ReadAt): Computed {
  const obs = readObservations(r, raw, lookup, at);
  const scale = r.scale ?? 1;
  const v = (d: string) => valueAt(obs, d) * scale;
  switch (r.op) {
    case 'value':
      return { value: v(r.period), explanation: [phrase('value', { period: r.period })] };
    case 'pct_change': {
      const a = v(r.from);
      const b = v(r.to);
      return { value: pctChange(a, b), explanation: [phrase('change', { a, b })] };
    }
    case 'pct_fall_of_inverse': {
      const a = v(r.from);
      const b = v(r.to);
      return { value: pctFallOfInverse(a, b), explanation: [phrase('fallOfInverse', { a, b })] };
    }
    case 'compound':
      return { value: compound(obs, r.from, r.to), explanation: [phrase('compound', { from: r.from, to: r.to })] };
    case 'sum':
      return { value: sum(obs, r.from, r.to) * scale, explanation: [scale === 1 ? phrase('sum', { from: r.from, to: r.to }) : phrase('sumScaled', { from: r.from, to: r.to, scale })] };
    case 'max_below': {
      const w = between(obs, r.window[0], r.window[1]);
      const ref = between(obs, r.reference[0], r.reference[1]);
      if (!w.length || !ref.length) throw new MissingData(phrase('noValuesInWindow', { series: r.series, window: r.window.join('–') }));
      const max = Math.max(...w.map((o) => o.value));
      const level = ref.reduce((t, o) => t + o.value, 0) / ref.length;
      return { value: max, holds: max < level, explanation: [phrase('maxBelow', { window: r.window.join('–'), max: round(max, 2), reference: r.reference.join('–'), level: round(level, 2) })] };
    }
    case 'pct_change_greater':
    case 'moves_alike':
    case 'spread_rises':
      return computeAgainstOther(r, obs, lookup, at);
    case 'min_in_window_is': {
      const w = between(obs, r.window[0], r.window[1]);
      if (!w.length) throw new MissingData(phrase('noValuesInWindow', { series: r.series, window: r.window.join('–') }));
      const min = w.reduce((m, o) => (o.value < m.value ? o : m), w[0]);
      const at = v(r.period);
      return { value: at, holds: at < 0 && min.date === r.period, explanation: [phrase('lowestOfWindow', { period: r.period, value: at, window: r.window.join('–'), date: min.date, lowest: min.value })] };
    }
    default:
      return computeComparison(r, index, obs, v, lookup, at);
  }
}

/** The readings that set a series against another: a larger change, moving alike, a widening spread. */
function computeAgainstOther(r: Extract<Reading, { op: 'pct_change_greater' | 'moves_alike' | 'spread_rises' }>, obs: Observation[], lookup: SeriesLookup, at: ReadAt): Computed {
  switch (r.op) {
      case 'pct_change_greater': {
        const o = otherSeries(lookup, r.other, at);
        const mine = pctChange(valueAt(obs, r.from), valueAt(obs, r.to));
        const theirs = pctChange(valueAt(o, r.from), valueAt(o, r.to));
        return { value: mine, holds: mine > theirs, explanation: [phrase('changeAgainst', { series: r.series, mine: round(mine, 1), other: r.other, theirs: round(theirs, 1) })] };
      }
      case 'moves_alike': {
        const o = otherSeries(lookup, r.other, at);
        const mine = pctChange(valueAt(obs, r.from), valueAt(obs, r.to));
        const theirs = pctChange(valueAt(o, r.from), valueAt(o, r.to));
        const ratio = Math.abs(mine) / Math.abs(theirs);
        const sameWay = Math.sign(mine) === Math.sign(theirs);
        const holds = sameWay && (r.factor === undefined || (ratio <= r.factor && ratio >= 1 / r.factor));
        const explanation = [phrase(sameWay ? 'sameDirection' : 'oppositeDirections', { series: r.series, mine: round(mine, 1), other: r.other, theirs: round(theirs, 1) })];
        if (r.factor !== undefined) explanation.push(phrase('sizesApart', { ratio, factor: r.factor }));
        return { value: mine, holds, explanation };
      }
      case 'spread_rises': {
        // (series − other) at `to` above its value at `from`, e.g. exports − imports as % of GDP.
        const o = otherSeries(lookup, r.other, at);
        const before = valueAt(obs, r.from) - valueAt(o, r.from);
        const after = valueAt(obs, r.to) - valueAt(o, r.to);
        return { value: after, holds: after > before, explanation: [phrase('spread', { series: r.series, other: r.other, before: round(before, 2), from: r.from, after: round(after, 2), to: r.to })] };
      }
  }
}

/** The readings that compare: a direction, a factor, a share, a rank, a record, a recovery. */
function computeComparison(r: Reading, index: number, obs: Observation[], v: (d: string) => number, lookup: SeriesLookup, at: ReadAt): Computed {
  switch (r.op) {
    case 'direction': {
      const a = v(r.from);
      const b = v(r.to);
      const moved = b > a ? 'wentUp' : b < a ? 'wentDown' : 'unchanged';
      return { value: b - a, holds: r.direction === 'up' ? b > a : b < a, explanation: [phrase(moved, { name: name(r), a, from: r.from, b, to: r.to })] };
    }
    case 'ratio_at_least': {
      const a = v(r.from);
      const b = v(r.to);
      return { value: b / a, holds: b / a >= r.atLeast, explanation: [phrase('ratioAtLeast', { a, from: r.from, b, to: r.to, ratio: b / a, atLeast: r.atLeast })] };
    }
    case 'share_of': {
      const total = valueAt(otherSeries(lookup, r.other, at), r.period);
      const part = valueAt(obs, r.period);
      return { value: (100 * part) / total, explanation: [phrase('shareOf', { part, total, period: r.period })] };
    }
    case 'rank_among': {
      const { rank, of, ahead } = rankAmong(lookup, at, r.prefix, r.period, r.series);
      const values = { rank, of, period: r.period, within: r.within, ahead: ahead.join(', ') };
      return { value: rank, holds: rank <= r.within, explanation: [phrase(ahead.length ? 'rankBehind' : 'rank', values)] };
    }
    case 'record':
      return record(r, index, obs, v, lookup, at);
    case 'all_above': {
      const base = v(r.than);
      const w = between(obs, r.window[0], r.window[1]);
      if (!w.length) throw new MissingData(phrase('noValuesInWindow', { series: r.series, window: r.window.join('–') }));
      const low = w.reduce((m, o) => (o.value < m.value ? o : m), w[0]);
      const lowest = low.value * (r.scale ?? 1);
      return { value: lowest, holds: w.every((o) => o.value * (r.scale ?? 1) > base), explanation: [phrase('allAbove', { than: r.than, base, window: r.window.join('–'), date: low.date, lowest })] };
    }
    default:
      throw new Error(`unhandled operation ${r.op}`);
  }
}

/** A year above every other year of its series' window, and above an earlier publication's highest. */
function record(r: Extract<Reading, { op: 'record' }>, index: number, obs: Observation[], v: (d: string) => number, lookup: SeriesLookup, at: ReadAt): Computed {
  const value = v(r.period);
  const scale = r.scale ?? 1;
  const w = between(obs, r.window[0], r.window[1]).filter((o) => o.date !== r.period);
  let holds = w.every((o) => o.value * scale < value);
  const window = r.window.join('–');
  const explanation = [w.length ? phrase('recordAgainst', { period: r.period, value, window, highest: Math.max(...w.map((o) => o.value * scale)) }) : phrase('recordAlone', { period: r.period, value, window })];
  if (r.earlier) {
    const e = readObservations(r.earlier, otherSeries(lookup, r.earlier.series, at), lookup, at);
    const ew = between(e, r.earlier.window[0], r.earlier.window[1]);
    if (!ew.length) throw new MissingData(phrase('noValuesInWindow', { series: r.earlier.series, window: r.earlier.window.join('–') }));
    const top = ew.reduce((m, o) => (o.value > m.value ? o : m), ew[0]);
    const highest = top.value * (r.earlier.scale ?? 1);
    holds &&= highest < value;
    explanation.push(phrase('recordEarlier', { label: { claimText: `e${index}`, written: r.earlier.label }, date: top.date, highest }));
  }
  return { value, holds, explanation };
}

function verdictOf(claim: Claim, c: Computed): Verdict {
  if (c.holds !== undefined) return c.holds ? 'matches' : 'differs';
  if (claim.printed === null || c.value === null) return 'differs';
  if (matchesPrinted(c.value, claim.printed, claim.decimals ?? 0)) return 'matches';
  if (Math.abs(c.value - claim.printed) <= (Math.abs(claim.printed) * (claim.tolerancePct ?? 0)) / 100) return 'close';
  return 'differs';
}

function readingResult(claim: Claim, r: Reading, index: number, lookup: SeriesLookup, at: ReadAt): ReadingResult {
  const base = { label: r.label, series: readingSeries(r), link: link(r) };
  try {
    const s = lookup(r.series, at);
    if (!s) throw new MissingData(phrase('noSeries', { series: r.series }));
    const c = compute(r, index, s.observations, lookup, at);
    const projected = s.lastActualYear === undefined ? [] : readingDates(r).filter((d) => Number(d.slice(0, 4)) > s.lastActualYear!);
    const explanation = [...c.explanation];
    if (projected.length) {
      const years = [...new Set(projected.map((d) => d.slice(0, 4)))].join(', ');
      explanation.push(phrase('usesProjection', { years, vintage: { vintage: s.usedVintage, label: s.vintageLabel }, lastActual: String(s.lastActualYear) }));
    }
    const vintage = s.noVintageAsOf ? `${s.vintageLabel} (no vintage dated ${s.noVintageAsOf} or earlier is held)` : s.vintageLabel;
    const result: ReadingResult = { ...base, value: c.value, holds: c.holds, verdict: verdictOf(claim, c), detail: inEnglish(explanation), explanation, vintage, vintageKey: s.usedVintage, link: base.link };
    if (s.noVintageAsOf) result.noVintageAsOf = s.noVintageAsOf;
    if (projected.length) result.usesProjection = true;
    return result;
  } catch (err) {
    if (!(err instanceof MissingData)) throw err;
    return { ...base, value: null, verdict: 'not checkable', detail: err.message, explanation: [err.phrase], vintage: '', vintageKey: '' };
  }
}

/** Why a claim without a primary reading got its verdict: which readings reproduce the number, the closest, or by how much it differs. */
function summarise(claim: Claim, verdict: Verdict, readings: ReadingResult[], indexes: number[]): Phrase[] {
  const printed = claim.printed;
  const valued = indexes.filter((i) => readings[i].value !== null);
  if (verdict === 'ambiguous') {
    const m = indexes.filter((i) => readings[i].verdict === 'matches');
    const out = [m.length ? phrase('reproducedBy', { readings: { readings: m } }) : phrase('noneReproduces')];
    if (printed !== null && valued.length) {
      const gap = (i: number) => Math.abs(readings[i].value! - printed);
      const closest = [...valued].sort((a, b) => gap(a) - gap(b))[0];
      out.push(phrase('closest', { reading: { reading: closest }, value: round(readings[closest].value!, 2) }));
    }
    return out;
  }
  if (verdict === 'differs' && printed !== null && valued.length) return [phrase('differsBy', { difference: round(readings[valued[0]].value! - printed, 2), unit: { unit: claim.unit } })];
  return [];
}

/** The summary's phrases in English, sentences joined by a space (the downloads carry it). */
function summaryInEnglish(phrases: Phrase[], readings: ReadingResult[]): string {
  return inEnglish(phrases, readings.map((r) => r.label), ' ');
}

/** A not-checkable claim as its settling readings judge it: its own readings, then theirs, the primary among them. */
function asSettled(claim: Claim): Claim {
  const own = claim.readings ?? [];
  const by = claim.settledBy!;
  return { ...claim, readings: [...own, ...by.readings], primary: { reading: own.length + by.primary.reading, why: by.primary.why }, notCheckable: undefined, settledBy: undefined };
}

function judge(claim: Claim, lookup: SeriesLookup, at: ReadAt): Judgement {
  // A claim the bundled data cannot settle is judged on its settling readings once a refresh brings their data.
  // Its readings follow the claim's own, so each keeps its index (and its phrases in the catalogues).
  if (claim.settledBy) {
    const settledClaim = asSettled(claim);
    const settled = judge(settledClaim, lookup, at);
    if (settled.readings[settledClaim.primary!.reading].value !== null) return settled;
  }
  if (!claim.readings?.length) return { verdict: 'not checkable', readings: [], summary: claim.notCheckable ?? '', summaryPhrases: [] };
  const readings = claim.readings.map((r, i) => readingResult(claim, r, i, lookup, at));
  const all = readings.map((_, i) => i);
  const done = (verdict: Verdict, summaryPhrases: Phrase[], lead = '') => ({ verdict, readings, summaryPhrases, summary: [lead, summaryInEnglish(summaryPhrases, readings)].filter(Boolean).join(' ') });
  // The paper's basis is not in the data: the readings on the data's own basis are shown, not judged.
  if (claim.notCheckable) {
    const shown = all.map((i) => {
      const r = readings[i];
      return r.value === null ? phrase('ownBasisMissing', { reading: { reading: i }, verdict: { verdict: r.verdict } }) : phrase('ownBasisReading', { reading: { reading: i }, value: r.value, verdict: { verdict: r.verdict } });
    });
    return done('not checkable', [phrase('onOwnBasis', { list: { phrases: shown } })], claim.notCheckable);
  }
  // A concern, not a number: the readings are shown as context, each without a verdict of its own.
  if (claim.context) {
    const shown = readings.map((r, i) => (r.value === null ? phrase('ownBasisMissing', { reading: { reading: i }, verdict: { verdict: r.verdict } }) : phrase('contextReading', { reading: { reading: i }, value: r.value })));
    for (const r of readings) if (r.value !== null) r.verdict = 'context';
    return done('context', [phrase('contextReadings', { list: { phrases: shown } })], claim.context);
  }
  if (claim.primary) {
    const p = claim.primary.reading;
    const others = all.filter((i) => i !== p).map((i) => phrase('readingVerdict', { reading: { reading: i }, verdict: { verdict: readings[i].verdict } }));
    const phrases = [phrase('byPrimary', { reading: { reading: p }, verdict: { verdict: readings[p].verdict } }), ...summarise(claim, readings[p].verdict, readings, [p])];
    if (others.length) phrases.push(phrase('alternatives', { list: { phrases: others } }));
    return done(readings[p].verdict, phrases);
  }
  const verdicts = new Set(readings.map((r) => r.verdict));
  const verdict: Verdict = verdicts.size === 1 ? readings[0].verdict : 'ambiguous';
  return done(verdict, summarise(claim, verdict, readings, all));
}

/** Section numbers in the paper's order: 1 < 3.1.1 < 3.2.1 < 3.10 (numbers, not text). */
export function bySection(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** Every claim read on the latest data and at the paper's time, in the paper's section order. */
export function evaluateLedger(file: ClaimsFile, lookup: SeriesLookup): ClaimResult[] {
  return [...file.claims].sort((a, b) => bySection(a.section, b.section)).map((claim) => {
    const latest = judge(claim, lookup, undefined);
    const accessDate = claim.accessDate ?? file.paperAccess.date;
    const atPaper = judge(claim, lookup, { asOf: accessDate });
    const editions = [...new Set(atPaper.readings.map((r) => r.vintage).filter(Boolean))];
    // Once settled, the claim is shown as judged: every reading's words and the primary's why with it.
    const shown = claim.settledBy && latest.verdict !== 'not checkable' ? asSettled(claim) : claim;
    return { claim: shown, latest, atPaper: { ...atPaper, vintageNote: file.paperAccess.note, accessDate, editions }, verdictChanged: latest.verdict !== atPaper.verdict };
  });
}
