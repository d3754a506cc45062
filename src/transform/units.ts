// Units, with FRED's codes and meanings (https://fred.stlouisfed.org/docs/api/fred/series_observations.html#units):
// lin levels, chg change, ch1 change from a year ago, pch percent change, pc1 percent change
// from a year ago, pca compounded annual rate of change, log natural log; plus an index to
// 100 at a chosen date. Regular frequencies use the period grid, so "the previous value" of
// 2015 is 2014's, missing if 2014 is missing. Daily rates are stored on announcement days:
// "previous" is the previous announcement, "a year ago" the rate in force on the same calendar
// date a year earlier, and pca annualises by the calendar days that actually elapsed.
// A value that cannot be a finite number is left empty, and the view says why.
import { worstStatus, type Frequency } from '../domain/series.ts';
import type { Point } from './aggregate.ts';
import { PER_YEAR, periodOf, shiftPeriod, dayNumber } from './periods.ts';

export const UNITS = {
  lin: 'Levels',
  chg: 'Change',
  ch1: 'Change from a year ago',
  pch: 'Percent change',
  pc1: 'Percent change from a year ago',
  pca: 'Compounded annual rate of change',
  log: 'Natural log',
  index: 'Index (chosen date = 100)',
} as const;
export type UnitCode = keyof typeof UNITS;

const YEAR_AGO_DAILY = 'Daily rates: against the rate in force on the same calendar date a year earlier (29 February: 28 February), not a count of observations back.';

/** How each unit is computed, in words and formula (shown beside the units control and in the API). */
export const UNIT_HELP: Record<UnitCode, string> = {
  lin: 'The values as published.',
  chg: 'x(t) − x(t−1): the change from the previous period (daily rates: from the previous announcement). For a series in percent, the change is in percentage points (pp).',
  ch1: `x(t) − x(t−n), n = periods in a year (12 months, 4 quarters, 1 year). ${YEAR_AGO_DAILY} For a series in percent, in percentage points (pp).`,
  pch: '(x(t) / x(t−1) − 1) × 100: the percent change from the previous period (daily rates: from the previous announcement).',
  pc1: `(x(t) / x(t−n) − 1) × 100, n = periods in a year. ${YEAR_AGO_DAILY}`,
  pca: '((x(t) / x(t−1))^n − 1) × 100 with n periods a year; for daily rates n = 365 / the calendar days between the two announcements (weekends and holidays carry the last rate, so announcements are irregular).',
  log: 'ln x(t); empty where x ≤ 0.',
  index: 'x(t) / x(base) × 100, the base being the period that holds the index date (for daily rates: the rate in force on it). Empty when there is no value to base on.',
};

export function isUnitCode(s: string): s is UnitCode {
  return Object.hasOwn(UNITS, s);
}

/** Why values are empty where a transform could not give a number: a catalogue key (view.notes.*) and its values. */
export interface UnitNote {
  key: 'indexNoValueInForce' | 'indexNoValueFor' | 'notFinite';
  values: Record<string, string | number>;
}

export interface UnitsResult {
  points: Point[];
  notes: UnitNote[];
  /** The base period of an index, as it reads: '2013', '2022-03', '2022-Q3', '2022-03-08'. */
  indexBase?: string;
}

/** A point, its status kept only where it says something (a value that is not actual). */
function withStatus(date: string, value: number | null, status: Point['status']): Point {
  return value !== null && status && status !== 'actual' ? { date, value, status } : { date, value };
}

/** Index of the last point on or before `date` (binary search over sorted dates), or -1. */
function lastOnOrBefore(dates: string[], date: string): number {
  let lo = 0;
  let hi = dates.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= date) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return i;
}

/** The earlier point a change is measured against: [value, its date] or undefined. */
function earlierFinder(points: Point[], freq: Frequency, yearAgo: boolean): (i: number) => Point | undefined {
  if (freq !== 'daily') {
    const byDate = new Map(points.map((p) => [p.date, p]));
    const back = yearAgo ? PER_YEAR[freq] : 1;
    return (i) => byDate.get(shiftPeriod(points[i].date, freq, -back));
  }
  if (!yearAgo) return (i) => (i > 0 ? points[i - 1] : undefined);
  const dates = points.map((p) => p.date);
  return (i) => {
    // "2023-02-29" sorts between the 28th and 1 March: the rate in force on the 28th.
    const j = lastOnOrBefore(dates, `${Number(dates[i].slice(0, 4)) - 1}${dates[i].slice(4)}`);
    return j < 0 ? undefined : points[j];
  };
}

function indexed(points: Point[], freq: Frequency, indexDate: string): UnitsResult {
  const dates = points.map((p) => p.date);
  let base: Point | undefined;
  let label: string;
  if (freq === 'daily') {
    label = indexDate;
    const j = lastOnOrBefore(dates, indexDate);
    // In force on the index date: announced on or before it, and the data reaches it.
    if (j >= 0 && indexDate <= dates[dates.length - 1]) base = points[j];
  } else {
    label = periodOf(indexDate, freq);
    base = points.find((p) => p.date === label);
  }
  if (!base || base.value === null || base.value === 0) {
    const note: UnitNote = { key: freq === 'daily' ? 'indexNoValueInForce' : 'indexNoValueFor', values: { date: label, first: dates[0], last: dates[dates.length - 1] } };
    return { points: points.map((p) => ({ date: p.date, value: null })), notes: [note], indexBase: label };
  }
  const b = base.value;
  const bs = base.status;
  return { points: points.map((p) => withStatus(p.date, p.value === null ? null : (p.value / b) * 100, worstStatus(p.status, bs))), notes: [], indexBase: label };
}

function change(units: 'chg' | 'ch1' | 'pch' | 'pc1' | 'pca', x: number, y: number, days: number, freq: Frequency): number | null {
  switch (units) {
    case 'chg':
    case 'ch1':
      return x - y;
    case 'pch':
    case 'pc1':
      return y === 0 ? null : (x / y - 1) * 100;
    case 'pca': {
      const n = freq === 'daily' ? 365 / days : PER_YEAR[freq];
      return y === 0 ? null : ((x / y) ** n - 1) * 100;
    }
  }
}

export function applyUnits(points: Point[], freq: Frequency, units: UnitCode, indexDate?: string): UnitsResult {
  if (units === 'lin') return { points, notes: [] };
  if (units === 'log') return { points: points.map((p) => withStatus(p.date, p.value !== null && p.value > 0 ? Math.log(p.value) : null, p.status)), notes: [] };
  if (units === 'index') return indexDate ? indexed(points, freq, indexDate) : { points, notes: [] };
  const earlier = earlierFinder(points, freq, units === 'ch1' || units === 'pc1');
  const overflow: string[] = [];
  const out = points.map((p, i) => {
    const e = earlier(i);
    if (p.value === null || !e || e.value === null) return { date: p.date, value: null };
    const v = change(units, p.value, e.value, freq === 'daily' ? dayNumber(p.date) - dayNumber(e.date) : 1, freq);
    if (v !== null && !Number.isFinite(v)) {
      overflow.push(p.date);
      return { date: p.date, value: null };
    }
    return withStatus(p.date, v, worstStatus(p.status, e.status));
  });
  const notes: UnitNote[] = overflow.length ? [{ key: 'notFinite', values: { units, count: overflow.length, dates: `${overflow.slice(0, 3).join(', ')}${overflow.length > 3 ? ', …' : ''}` } }] : [];
  return { points: out, notes };
}
