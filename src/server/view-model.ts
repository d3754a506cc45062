// Turns a series id and view parameters into exactly what is drawn: the same points feed the
// chart, the table under it, the CSV of the view and the API, so they cannot disagree. Its words
// come from the page's catalogue (downloads and the API take the default, English).
import type { TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, languageOfTranslator, translator } from './i18n.ts';
import type { Frequency, Observation, ObservationStatus, SeriesMeta } from '../domain/series.ts';
import type { Point } from '../transform/aggregate.ts';
import { periodStartDate } from '../transform/periods.ts';
import { UNIT_HELP } from '../transform/units.ts';
import { canShowAt, viewSeries } from '../transform/view.ts';
import type { DataRepository, EventInfo, SeriesEntry } from '../store/repository.ts';
import { BadRequest, FREQ_CODE, type ViewParams } from './view-params.ts';
import { NotFound } from './http-error.ts';
import { shownDecimals } from '../lib/decimals.ts';
import { displayScale } from '../domain/display-scale.ts';
import { scaled } from '../transform/exact.ts';

export interface DrawnSeries {
  id: string;
  name: string;
  unitLabel: string;
  freq: Frequency;
  points: Point[];
  axis: 'y' | 'y2';
  meta: SeriesMeta;
  vintageLabel: string;
  /** How the unit was computed (the units help). */
  unitHelp: string;
  /** Why some values are empty, or why the series is not at the frequency asked for. */
  notes: string[];
  /** Decimals shown to people: the source's precision for levels, 2 for percent changes and indexes. */
  decimals: number;
  /** How the page shows it: money in billions of its currency, each value with its own digits
   *  (`shift` 0: as stored). Downloads and the API keep `unitLabel` and the stored values. */
  shown: { unitLabel: string; shift: number };
}

/** The most decimals the source publishes in this series (e.g. NBK 2, WEO 3), at most 6. */
export function sourceDecimals(obs: Observation[]): number {
  let d = 0;
  for (const o of obs) if ((d = Math.max(d, shownDecimals(o.value))) >= 6) return 6;
  return d;
}

function viewDecimals(obs: Observation[], p: ViewParams, aggregated: boolean): number {
  if (p.units === 'log') return 4;
  if (p.units !== 'lin' && p.units !== 'chg' && p.units !== 'ch1') return 2;
  const d = sourceDecimals(obs);
  // An average has more digits than its parts; two more show it without false precision.
  return aggregated && p.agg === 'avg' ? Math.min(6, d + 2) : d;
}

export interface ChartPayload {
  title: string;
  ariaLabel: string;
  traces: Array<{ id: string; name: string; x: string[]; y: Array<number | null>; yaxis: 'y' | 'y2'; mode: string; dash?: string; color?: string; legend?: boolean }>;
  yTitle: string;
  y2Title: string | null;
  shapes: Array<{ x0: string; x1: string; label: string; kind: 'event' | 'highlight' }>;
  /** 'log' for a log-scale y axis (scale=log in the URL). */
  yType?: 'log' | 'linear';
  /** File name (without extension) for an exported image of the chart. */
  fileName?: string;
  /** Where the range buttons count back from: the last actual value drawn (not a projection). */
  lastActual?: string;
  /** The source line an exported image carries. */
  source?: string;
  /** The page's language, for the numbers on the server-drawn axis (absent: English). */
  lang?: string;
  /** Said in the chart's place when the view holds no value (the page's language). */
  emptyText?: string;
}

/** The date of the last actual (not projected) value drawn, as the chart's x axis has it. */
function lastActualX(drawn: DrawnSeries[]): string | undefined {
  const ends = drawn.flatMap((d) => {
    const actual = d.points.filter((pt) => pt.value !== null && pt.status !== 'projection');
    return actual.length ? [periodStartDate(actual[actual.length - 1].date, d.freq)] : [];
  });
  return ends.sort().at(-1);
}

/** One colour per drawn series; its projection keeps it (dashed), so a series is one legend entry. */
export const PALETTE = ['#1f5f8b', '#c8642a', '#2a8c55', '#8b3a8f', '#a1261b', '#5f6b7a'];

/** A name for what is drawn, from the series and the view: nbk.USD_pc1_m_2014-2024. */
export function viewFileName(id: string, p: ViewParams, freq: Frequency, first?: string, last?: string): string {
  const parts = [id];
  if (p.units !== 'lin') parts.push(p.units);
  if (p.freq && freq !== 'daily') parts.push(FREQ_CODE[freq]);
  if (p.scale === 'log') parts.push('log');
  if (first && last) parts.push(`${first.slice(0, 4)}-${last.slice(0, 4)}`);
  return parts.join('_');
}

/** The words of a view in a page's language: the catalogue, and series titles and units in it. */
export interface ViewWords {
  t: TFunction;
  title(meta: Pick<SeriesMeta, 'id' | 'title'>): string;
  unit(unit: string): string;
  vintage(v: { key: string; label: string }, job: string): string;
  date(iso: string): string;
  event(e: { id: string; label: string }): string;
  source(s: { job: string; name: string }): string;
}

export const ENGLISH_WORDS: ViewWords = { t: translator(DEFAULT_LANGUAGE), title: (m) => m.title, unit: (u) => u, vintage: (v) => v.label, date: (d) => d, event: (e) => e.label, source: (s) => s.name };

export function unitLabel(meta: SeriesMeta, units: ViewParams['units'], indexBase?: string, w: ViewWords = ENGLISH_WORDS): string {
  const unit = w.unit(meta.unit);
  if (units === 'lin') return unit;
  if (units === 'index') return w.t('view.unitIndex', { base: indexBase });
  // A change of a percentage is in percentage points, not percent.
  if ((units === 'chg' || units === 'ch1') && /^percent/i.test(meta.unit)) return w.t('view.unitPp', { name: w.t(`view.units.${units}`), unit });
  return w.t('view.unitOf', { name: w.t(`view.units.${units}`), unit });
}

/** Each value's status in its own vintage: IMF years after that vintage's last actual year are projections. */
export function withStatuses(obs: Observation[], lastActualYear: number | undefined): Observation[] {
  if (lastActualYear === undefined) return obs;
  return obs.map((o) => (Number(o.date.slice(0, 4)) > lastActualYear ? { ...o, status: 'projection' } : o));
}

function draw(entry: SeriesEntry, obs: Observation[], p: ViewParams, vintageLabel: string, suffix: string, w: ViewWords): Omit<DrawnSeries, 'axis'> {
  const { freq, points, notes, indexBase } = viewSeries(obs, entry.meta.frequency, {
    freq: p.freq,
    agg: p.agg,
    basis: p.basis,
    units: p.units,
    indexDate: p.indexDate,
    from: p.from,
    to: p.to,
  });
  const how = p.agg === 'eop' ? w.t('view.eop') : entry.meta.frequency === 'daily' ? w.t('view.averageOf', { basis: w.t(`view.basis.${p.basis}`) }) : w.t('view.average');
  const aggregated = freq !== entry.meta.frequency ? w.t('view.aggregated', { freq: w.t(`view.freqLower.${freq}`), how }) : '';
  const label = unitLabel(entry.meta, p.units, indexBase, w);
  // A level or a change of money reads in billions; a growth rate or an index has no currency.
  const scale = p.units === 'lin' || p.units === 'chg' || p.units === 'ch1' ? displayScale(entry.meta) : null;
  return {
    id: entry.meta.id,
    name: `${w.title(entry.meta)}${aggregated}${suffix}`,
    unitLabel: label,
    shown: scale ? { unitLabel: unitLabel({ ...entry.meta, unit: scale.unit }, p.units, indexBase, w), shift: scale.shift } : { unitLabel: label, shift: 0 },
    freq,
    points,
    meta: entry.meta,
    vintageLabel,
    unitHelp: w === ENGLISH_WORDS ? UNIT_HELP[p.units] : w.t(`view.unitHelp.${p.units}`),
    decimals: viewDecimals(obs, p, freq !== entry.meta.frequency),
    notes: [
      ...(p.freq && p.freq !== freq ? [w.t('view.shownNative', { native: w.t(`view.freqLower.${entry.meta.frequency}`), asked: w.t(`view.freqLower.${p.freq}`) })] : []),
      ...notes.map((n) => w.t(`view.notes.${n.key}`, n.values)),
    ],
  };
}

export function buildSeriesView(repo: DataRepository, mainId: string, p: ViewParams, w: ViewWords = ENGLISH_WORDS): { drawn: DrawnSeries[]; chart: ChartPayload } {
  refuseFinerFrequency(repo, mainId, p);
  const drawn = drawnSeries(repo, mainId, p, w);
  // A second axis when the units shown differ from the first series' (thousands of US dollars and
  // US dollars share one: both are shown in billions).
  const first = drawn[0].shown.unitLabel;
  for (const d of drawn) d.axis = d.shown.unitLabel === first ? 'y' : 'y2';
  const y2 = drawn.find((d) => d.axis === 'y2');
  const main = drawn[0];
  const xs = drawn.flatMap((d) => d.points.map((pt) => periodStartDate(pt.date, d.freq))).sort();
  const [lo, hi] = [xs[0], xs[xs.length - 1]];
  const chart: Omit<ChartPayload, 'shapes'> = {
    title: drawn.length === 1 ? main.name : w.t('view.andMore', { name: main.name, count: drawn.length - 1 }),
    ariaLabel: w.t('view.aria', { names: drawn.map((d) => d.name).join('; '), unit: main.shown.unitLabel, range: lo ? w.t('view.ariaRange', { from: w.date(lo), to: w.date(hi) }) : '' }),
    traces: drawn.flatMap((d, i) => tracesOf(d, i, main.id, w)),
    yTitle: first,
    y2Title: y2 ? y2.shown.unitLabel : null,
    yType: p.scale === 'log' ? 'log' : 'linear',
    lastActual: lastActualX(drawn),
    source: w.t('view.source', { sources: [...new Set(drawn.map((d) => `${w.source(d.meta.source)} (${d.vintageLabel})`))].join('; '), unit: main.shown.unitLabel, date: w.date(drawn.map((d) => d.meta.retrievedAt.slice(0, 10)).sort().at(-1) ?? '') }),
    fileName: viewFileName(main.id, p, main.freq, main.points[0]?.date, main.points[main.points.length - 1]?.date),
    ...(languageOfTranslator(w.t) !== DEFAULT_LANGUAGE ? { lang: languageOfTranslator(w.t) } : {}),
    ...(drawn.some((d) => d.points.some((pt) => pt.value !== null)) ? {} : { emptyText: w.t('view.noValuesInView', { start: w.date(main.meta.coverage.start ?? ''), end: w.date(main.meta.coverage.end ?? '') }) }),
  };
  return { drawn, chart: { ...chart, shapes: viewShapes(repo, p, lo, hi, w) } };
}

/** A frequency finer than the series' own cannot be drawn: a 400 naming those that can. */
function refuseFinerFrequency(repo: DataRepository, mainId: string, p: ViewParams): void {
  const native = repo.get(mainId)?.meta.frequency;
  if (native && p.freq && !canShowAt(native, p.freq)) {
    const allowed = (['daily', 'monthly', 'quarterly', 'annual'] as const).filter((f) => canShowAt(native, f) && f !== 'daily').map((f) => FREQ_CODE[f]);
    const values = { asked: FREQ_CODE[p.freq], id: mainId, native: { phrase: `view.freqLower.${native}` }, allowed: allowed.join(', ') };
    throw new BadRequest({ key: allowed.length ? 'freqFiner' : 'freqOwnOnly', values });
  }
}

/** The main series, its earlier vintage when asked for, and the series compared with it. */
function drawnSeries(repo: DataRepository, mainId: string, p: ViewParams, w: ViewWords): DrawnSeries[] {
  const drawn: DrawnSeries[] = [];
  for (const id of [mainId, ...p.compare.filter((x) => x !== mainId)]) {
    const entry = repo.get(id);
    if (!entry) throw new NotFound({ key: 'noSeries', values: { id: JSON.stringify(id) } });
    const d = draw(entry, withStatuses(entry.observations, entry.meta.lastActualYear), p, w.vintage(entry.meta.vintage, entry.meta.source.job), '', w);
    drawn.push({ ...d, axis: 'y' });
    if (id === mainId && p.vintage) {
      const earlier = entry.earlier.get(p.vintage);
      const info = entry.meta.vintages.find((v) => v.key === p.vintage);
      const others = entry.meta.vintages.slice(0, -1).map((v) => v.key).join(', ');
      if (!earlier || !info) throw new BadRequest({ key: others ? 'notEarlierVintage' : 'noEarlierVintage', values: { value: JSON.stringify(p.vintage), id, list: others } });
      const label = w.vintage(info, entry.meta.source.job);
      drawn.push({ ...draw(entry, withStatuses(earlier, info.lastActualYear), p, label, w.t('view.vintageSuffix', { label }), w), axis: 'y' });
    }
  }
  return drawn;
}

/** A drawn series' traces: projections apart (dashed) from the actual values they follow, in the
 *  same colour and without a legend entry of their own ("projection" shows on hover). */
function tracesOf(d: DrawnSeries, i: number, mainId: string, w: ViewWords): ChartPayload['traces'] {
  const trace = {
    id: d.id,
    name: d.name,
    x: d.points.map((pt) => periodStartDate(pt.date, d.freq)),
    y: d.points.map((pt) => shownValue(d, pt.value)),
    yaxis: d.axis,
    mode: d.freq === 'daily' ? 'lines' : 'lines+markers',
    ...(i > 0 && d.id === mainId ? { dash: 'dot' } : {}),
    color: PALETTE[i % PALETTE.length],
  };
  const cut = d.points.findIndex((pt) => pt.status === 'projection');
  if (cut <= 0) return [trace];
  const last = d.points[cut - 1].date;
  return [
    { ...trace, x: trace.x.slice(0, cut), y: trace.y.slice(0, cut) },
    { ...trace, name: w.t('view.projectionAfter', { name: d.name, date: w.date(last) }), x: trace.x.slice(cut - 1), y: trace.y.slice(cut - 1), dash: 'dash', legend: false },
  ];
}

/** Events within the drawn range, and the claim's window when a ledger link asks for it. */
function viewShapes(repo: DataRepository, p: ViewParams, lo: string | undefined, hi: string | undefined, w: ViewWords): ChartPayload['shapes'] {
  const shapes: ChartPayload['shapes'] = [];
  if (p.events && lo && hi) {
    for (const e of repo.events) if (!e.views && e.end >= lo && e.start <= hi) shapes.push({ x0: e.start, x1: e.end, label: w.event(e), kind: 'event' });
  }
  if (p.highlightFrom || p.highlightTo) shapes.push({ x0: p.highlightFrom ?? lo!, x1: p.highlightTo ?? hi!, label: w.t('view.claimWindow'), kind: 'highlight' });
  return shapes;
}

/** A value as the page shows it (scaled in decimal arithmetic, so 18517344.6 thousands is 18.5173446 billions). */
export function shownValue(d: Pick<DrawnSeries, 'shown'>, value: number | null): number | null {
  return value === null || d.shown.shift === 0 ? value : scaled(value, 10 ** -d.shown.shift);
}

/** Rows of a table of the view: one per date, one column per drawn series; values as stored, or as
 *  the page shows them. */
export function tableRows(drawn: DrawnSeries[], as: 'stored' | 'shown' = 'stored'): { dates: string[]; values: Array<Array<number | null>>; statuses: Array<Array<ObservationStatus | undefined>> } {
  const dates = [...new Set(drawn.flatMap((d) => d.points.map((p) => p.date)))].sort();
  const maps = drawn.map((d) => new Map(d.points.map((p) => [p.date, p])));
  const value = (d: DrawnSeries, v: number | null) => (as === 'shown' ? shownValue(d, v) : v);
  return {
    dates,
    values: dates.map((date) => maps.map((m, j) => value(drawn[j], m.get(date)?.value ?? null))),
    statuses: dates.map((date) => maps.map((m) => m.get(date)?.status)),
  };
}

export function eventsInView(events: EventInfo[], chart: ChartPayload): EventInfo[] {
  // By the window drawn (labels are in the page's language; the list keeps the events' own).
  const windows = new Set(chart.shapes.filter((s) => s.kind === 'event').map((s) => `${s.x0}/${s.x1}`));
  return events.filter((e) => windows.has(`${e.start}/${e.end}`));
}
