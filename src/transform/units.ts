// Units, with FRED's codes and meanings (https://fred.stlouisfed.org/docs/api/fred/series_observations.html#units):
// lin levels, chg change, ch1 change from a year ago, pch percent change, pc1 percent change
// from a year ago, pca compounded annual rate of change, log natural log; plus an index to
// 100 at a chosen date. Regular frequencies use the period grid, so "the previous value" of
// 2015 is 2014's, missing if 2014 is missing; daily data looks back to the value in force.
import type { Frequency } from '../domain/series.ts';
import type { Point } from './aggregate.ts';
import { PER_YEAR, shiftPeriod } from './periods.ts';

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

export function isUnitCode(s: string): s is UnitCode {
  return Object.hasOwn(UNITS, s);
}

function lookup(points: Point[], freq: Frequency): (date: string, back: number) => number | null {
  const byDate = new Map(points.map((p) => [p.date, p.value]));
  if (freq !== 'daily') return (date, back) => byDate.get(shiftPeriod(date, freq, -back)) ?? null;
  // Daily: the value in force on the target day (last observation on or before it).
  const dates = points.map((p) => p.date);
  return (date, back) => {
    const target = back === 365 ? `${Number(date.slice(0, 4)) - 1}${date.slice(4)}` : undefined;
    let i: number;
    if (target) {
      let lo = 0;
      let hi = dates.length - 1;
      i = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (dates[mid] <= target) {
          i = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      // No value in force a year earlier if the data starts after that day.
      if (i < 0) return null;
    } else {
      i = dates.indexOf(date) - back;
      if (i < 0) return null;
    }
    return points[i].value;
  };
}

export function applyUnits(points: Point[], freq: Frequency, units: UnitCode, indexDate?: string): Point[] {
  if (units === 'lin') return points;
  if (units === 'log') return points.map((p) => ({ date: p.date, value: p.value !== null && p.value > 0 ? Math.log(p.value) : null }));
  if (units === 'index') {
    const base = points.find((p) => (indexDate ? p.date >= indexDate : true) && p.value !== null);
    return points.map((p) => ({ date: p.date, value: base && p.value !== null ? (p.value / base.value!) * 100 : null }));
  }
  const n = PER_YEAR[freq];
  const prev = lookup(points, freq);
  return points.map((p) => {
    const back = units === 'ch1' || units === 'pc1' ? n : 1;
    const x = p.value;
    const y = prev(p.date, back);
    if (x === null || y === null) return { date: p.date, value: null };
    switch (units) {
      case 'chg':
      case 'ch1':
        return { date: p.date, value: x - y };
      case 'pch':
      case 'pc1':
        return { date: p.date, value: y === 0 ? null : (x / y - 1) * 100 };
      case 'pca':
        return { date: p.date, value: y === 0 ? null : ((x / y) ** n - 1) * 100 };
    }
  });
}
