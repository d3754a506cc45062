// Turns a series id and view parameters into exactly what is drawn: the same points feed the
// chart, the table under it, the CSV of the view and the API, so they cannot disagree.
import type { Frequency, Observation, ObservationStatus, SeriesMeta } from '../domain/series.ts';
import type { Point } from '../transform/aggregate.ts';
import { periodStartDate } from '../transform/periods.ts';
import { UNIT_HELP, UNITS } from '../transform/units.ts';
import { canShowAt, viewSeries } from '../transform/view.ts';
import type { DataRepository, EventInfo, SeriesEntry } from '../store/repository.ts';
import { BadRequest, FREQ_CODE, type ViewParams } from './view-params.ts';
import { HttpError } from './http-error.ts';

export class NotFound extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

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
}

/** The most decimals the source publishes in this series (e.g. NBK 2, WEO 3), at most 6. */
export function sourceDecimals(obs: Observation[]): number {
  let d = 0;
  for (const o of obs) {
    const s = String(o.value);
    const i = s.indexOf('.');
    if (i >= 0 && !s.includes('e')) d = Math.max(d, s.length - i - 1);
    if (d >= 6) return 6;
  }
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

export function unitLabel(meta: SeriesMeta, units: ViewParams['units'], indexBase?: string): string {
  if (units === 'lin') return meta.unit;
  if (units === 'index') return `index, ${indexBase} = 100`;
  // A change of a percentage is in percentage points, not percent.
  if ((units === 'chg' || units === 'ch1') && /^percent/i.test(meta.unit)) return `${UNITS[units]}, percentage points (${meta.unit})`;
  return `${UNITS[units]} (${meta.unit})`;
}

export const FREQ_LABEL: Record<Frequency, string> = { daily: 'Daily', monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' };

/** Each value's status in its own vintage: IMF years after that vintage's last actual year are projections. */
export function withStatuses(obs: Observation[], lastActualYear: number | undefined): Observation[] {
  if (lastActualYear === undefined) return obs;
  return obs.map((o) => (Number(o.date.slice(0, 4)) > lastActualYear ? { ...o, status: 'projection' } : o));
}

function draw(entry: SeriesEntry, obs: Observation[], p: ViewParams, vintageLabel: string, suffix = ''): Omit<DrawnSeries, 'axis'> {
  const { freq, points, notes, indexBase } = viewSeries(obs, entry.meta.frequency, {
    freq: p.freq,
    agg: p.agg,
    basis: p.basis,
    units: p.units,
    indexDate: p.indexDate,
    from: p.from,
    to: p.to,
  });
  const aggregated = freq !== entry.meta.frequency ? `, ${FREQ_LABEL[freq].toLowerCase()} ${p.agg === 'eop' ? 'end of period' : `average${entry.meta.frequency === 'daily' ? ` of ${p.basis} days` : ''}`}` : '';
  return {
    id: entry.meta.id,
    name: `${entry.meta.title}${aggregated}${suffix}`,
    unitLabel: unitLabel(entry.meta, p.units, indexBase),
    freq,
    points,
    meta: entry.meta,
    vintageLabel,
    unitHelp: UNIT_HELP[p.units],
    decimals: viewDecimals(obs, p, freq !== entry.meta.frequency),
    notes: p.freq && p.freq !== freq ? [`Shown ${entry.meta.frequency}: its data cannot be shown ${p.freq}.`, ...notes] : notes,
  };
}

export function buildSeriesView(repo: DataRepository, mainId: string, p: ViewParams): { drawn: DrawnSeries[]; chart: ChartPayload } {
  const ids = [mainId, ...p.compare.filter((id) => id !== mainId)];
  const native = repo.get(mainId)?.meta.frequency;
  if (native && p.freq && !canShowAt(native, p.freq)) {
    const allowed = (['daily', 'monthly', 'quarterly', 'annual'] as const).filter((f) => canShowAt(native, f) && f !== 'daily').map((f) => FREQ_CODE[f]);
    throw new BadRequest(`freq=${FREQ_CODE[p.freq]} cannot be honoured: ${mainId} has ${native} data, which can be shown at freq=${allowed.join(', ') || '(its own frequency only)'}`);
  }
  const drawn: DrawnSeries[] = [];
  for (const id of ids) {
    const entry = repo.get(id);
    if (!entry) throw new NotFound(`There is no series ${JSON.stringify(id)}. The catalogue at /data lists every series.`);
    const d = draw(entry, withStatuses(entry.observations, entry.meta.lastActualYear), p, entry.meta.vintage.label);
    drawn.push({ ...d, axis: 'y' });
    if (id === mainId && p.vintage) {
      const earlier = entry.earlier.get(p.vintage);
      const info = entry.meta.vintages.find((v) => v.key === p.vintage);
      if (!earlier || !info) throw new BadRequest(`vintage=${JSON.stringify(p.vintage)} is not an earlier vintage of ${id}; it has: ${entry.meta.vintages.slice(0, -1).map((v) => v.key).join(', ') || 'none'}`);
      drawn.push({ ...draw(entry, withStatuses(earlier, info.lastActualYear), p, info.label, ` — ${info.label}`), axis: 'y' });
    }
  }
  // A second axis when units differ from the first series'.
  const first = drawn[0].unitLabel;
  for (const d of drawn) d.axis = d.unitLabel === first ? 'y' : 'y2';
  const y2 = drawn.find((d) => d.axis === 'y2');
  const main = drawn[0];
  const shapes: ChartPayload['shapes'] = [];
  const xs = drawn.flatMap((d) => d.points.map((pt) => periodStartDate(pt.date, d.freq))).sort();
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  if (p.events && lo) {
    for (const e of repo.events) if (e.end >= lo && e.start <= hi) shapes.push({ x0: e.start, x1: e.end, label: e.label, kind: 'event' });
  }
  if (p.highlightFrom || p.highlightTo) shapes.push({ x0: p.highlightFrom ?? lo, x1: p.highlightTo ?? hi, label: 'window of the claim', kind: 'highlight' });
  const chart: Omit<ChartPayload, 'shapes'> = {
    title: drawn.length === 1 ? main.name : `${main.name} and ${drawn.length - 1} more`,
    ariaLabel: `Line chart of ${drawn.map((d) => d.name).join('; ')}, ${main.unitLabel}${lo ? `, ${lo} to ${hi}` : ''}`,
    traces: drawn.flatMap((d, i) => {
      const trace = {
        id: d.id,
        name: d.name,
        x: d.points.map((pt) => periodStartDate(pt.date, d.freq)),
        y: d.points.map((pt) => pt.value),
        yaxis: d.axis,
        mode: d.freq === 'daily' ? 'lines' : 'lines+markers',
        ...(i > 0 && d.id === main.id ? { dash: 'dot' } : {}),
        color: PALETTE[i % PALETTE.length],
      };
      // Projections are drawn apart (dashed) from the actual values they follow, in the same
      // colour and without a legend entry of their own ("projection" shows on hover).
      const cut = d.points.findIndex((pt) => pt.status === 'projection');
      if (cut <= 0) return [trace];
      const last = d.points[cut - 1].date;
      return [
        { ...trace, x: trace.x.slice(0, cut), y: trace.y.slice(0, cut) },
        { ...trace, name: `${d.name} — projection after ${last}`, x: trace.x.slice(cut - 1), y: trace.y.slice(cut - 1), dash: 'dash', legend: false },
      ];
    }),
    yTitle: first,
    y2Title: y2 ? y2.unitLabel : null,
    yType: p.scale === 'log' ? 'log' : 'linear',
    lastActual: lastActualX(drawn),
    source: `Source: ${[...new Set(drawn.map((d) => `${d.meta.source.name} (${d.vintageLabel})`))].join('; ')}. ${main.unitLabel}. Data as of ${drawn.map((d) => d.meta.retrievedAt.slice(0, 10)).sort().at(-1)}; kz-indicators`,
    fileName: viewFileName(main.id, p, main.freq, main.points[0]?.date, main.points[main.points.length - 1]?.date),
  };
  return { drawn, chart: { ...chart, shapes } };
}

/** Rows of the table under the chart: one per date, one column per drawn series. */
export function tableRows(drawn: DrawnSeries[]): { dates: string[]; values: Array<Array<number | null>>; statuses: Array<Array<ObservationStatus | undefined>> } {
  const dates = [...new Set(drawn.flatMap((d) => d.points.map((p) => p.date)))].sort();
  const maps = drawn.map((d) => new Map(d.points.map((p) => [p.date, p])));
  return {
    dates,
    values: dates.map((date) => maps.map((m) => m.get(date)?.value ?? null)),
    statuses: dates.map((date) => maps.map((m) => m.get(date)?.status)),
  };
}

export function eventsInView(events: EventInfo[], chart: ChartPayload): EventInfo[] {
  const labels = new Set(chart.shapes.filter((s) => s.kind === 'event').map((s) => s.label));
  return events.filter((e) => labels.has(e.label));
}
