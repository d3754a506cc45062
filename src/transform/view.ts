// One series as a view asks for it: aggregate first, then units (FRED's order), then the
// date window, with regular periods laid on a full grid so a missing year shows as a gap.
import type { Frequency, Observation } from '../domain/series.ts';
import { aggregate, type AggregationMethod, type AverageBasis, type Point } from './aggregate.ts';
import { FREQ_ORDER, periodBounds, shiftPeriod } from './periods.ts';
import { applyUnits, type UnitCode, type UnitNote } from './units.ts';

export interface ViewSpec {
  freq?: Frequency;
  agg: AggregationMethod;
  basis: AverageBasis;
  units: UnitCode;
  indexDate?: string;
  from?: string;
  to?: string;
}

export interface SeriesView {
  freq: Frequency;
  points: Point[];
  notes: UnitNote[];
  indexBase?: string;
}

/** Can data of this native frequency be shown at `freq` (the same or coarser)? */
export function canShowAt(native: Frequency, freq: Frequency): boolean {
  return FREQ_ORDER.indexOf(freq) >= FREQ_ORDER.indexOf(native);
}

/** Regular periods on a full grid, a missing one as a null value (daily dates are kept as they are). */
export function fillGrid(points: Point[], freq: Frequency): Point[] {
  if (freq === 'daily' || points.length < 2) return points;
  const by = new Map(points.map((p) => [p.date, p]));
  const out: Point[] = [];
  for (let p = points[0].date; p <= points[points.length - 1].date; p = shiftPeriod(p, freq, 1)) out.push(by.get(p) ?? { date: p, value: null });
  return out;
}

/** A series coarser than the frequency asked for is shown at its own frequency (the caller says so). */
export function viewSeries(obs: Observation[], native: Frequency, spec: ViewSpec): SeriesView {
  const freq = spec.freq && canShowAt(native, spec.freq) ? spec.freq : native;
  const aggregated = fillGrid(aggregate(obs, native, freq, spec.agg, spec.basis), freq);
  const u = applyUnits(aggregated, freq, spec.units, spec.indexDate);
  // A period is in the window when it overlaps it.
  const inWindow = (d: string) => {
    const [start, end] = periodBounds(d, freq);
    return (!spec.from || end >= spec.from) && (!spec.to || start <= spec.to);
  };
  return { freq, points: u.points.filter((p) => inWindow(p.date)), notes: u.notes, indexBase: u.indexBase };
}
