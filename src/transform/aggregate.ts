// Frequency aggregation, FRED-style: a period is either complete or missing, never a partial
// average. Daily NBK rates are stored on announcement days; between them the last rate stays
// in force, so an average can weight each announcement equally ('announcement') or each
// calendar day ('calendar', the rate in force carried over weekends and holidays).
import type { Frequency, Observation } from '../domain/series.ts';
import { FREQ_ORDER, periodBounds, periodOf } from './periods.ts';

export type AggregationMethod = 'avg' | 'eop';
export type AverageBasis = 'announcement' | 'calendar';

export interface Point {
  date: string;
  value: number | null;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

export function aggregate(obs: Observation[], from: Frequency, to: Frequency, method: AggregationMethod, basis: AverageBasis = 'announcement'): Point[] {
  if (FREQ_ORDER.indexOf(to) < FREQ_ORDER.indexOf(from)) throw new Error(`cannot disaggregate ${from} data to ${to}`);
  if (to === from || obs.length === 0) return obs.map((o) => ({ date: o.date, value: o.value }));
  const groups = new Map<string, Observation[]>();
  for (const o of obs) {
    const p = periodOf(o.date, to);
    const g = groups.get(p);
    if (g) g.push(o);
    else groups.set(p, [o]);
  }
  const first = obs[0].date;
  const last = obs[obs.length - 1].date;
  const out: Point[] = [];
  let carried: number | undefined; // the rate in force when a period begins
  const periods = [...groups.keys()].sort();
  for (const p of periods) {
    const g = groups.get(p)!;
    const [start, end] = periodBounds(p, to);
    let complete: boolean;
    if (from === 'daily') {
      // Complete when a value is in force on the first day and the data reaches the last day.
      complete = first <= start && last >= end;
      if (carried === undefined && g[0].date > start) complete = false;
    } else {
      // Monthly → quarterly/annual, quarterly → annual: every sub-period present.
      const need = from === 'monthly' ? (to === 'quarterly' ? 3 : 12) : 4;
      complete = g.length === need;
    }
    let value: number | null = null;
    if (complete) {
      if (method === 'eop') value = g[g.length - 1].value;
      else if (basis === 'announcement' || from !== 'daily') value = g.reduce((s, o) => s + o.value, 0) / g.length;
      else {
        // Weight each rate by the calendar days it was in force within the period.
        let sum = 0;
        let cur = g[0].date === start ? g[0].value : carried!;
        let day = dayNumber(start);
        for (const o of g) {
          const d = dayNumber(o.date);
          sum += cur * (d - day);
          cur = o.value;
          day = d;
        }
        sum += cur * (dayNumber(end) + 1 - day);
        value = sum / (dayNumber(end) + 1 - dayNumber(start));
      }
    }
    out.push({ date: p, value });
    carried = g[g.length - 1].value;
  }
  return out;
}
