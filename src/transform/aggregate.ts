// Frequency aggregation, FRED-style: a period is either complete or missing, never a partial
// average. Daily NBK rates are stored on announcement days; between them the last rate stays
// in force, so an average can weight each announcement equally ('announcement') or each
// calendar day ('calendar', the rate in force carried over weekends and holidays). A daily
// period is complete when the data covers it from its first day to its last; a month with no
// announcement at all is still covered, by the rate in force (calendar basis and eop).
import { worstStatus, type Frequency, type Observation, type ObservationStatus } from '../domain/series.ts';
import { FREQ_ORDER, periodBounds, periodOf, shiftPeriod, dayNumber } from './periods.ts';

export type AggregationMethod = 'avg' | 'eop';
export type AverageBasis = 'announcement' | 'calendar';

export interface Point {
  date: string;
  value: number | null;
  /** Absent: actual (or missing). */
  status?: ObservationStatus;
}

function statusOf(obs: Observation[]): ObservationStatus | undefined {
  return obs.reduce<ObservationStatus | undefined>((s, o) => worstStatus(s, o.status), undefined);
}

function point(date: string, value: number | null, status: ObservationStatus | undefined): Point {
  return value !== null && status && status !== 'actual' ? { date, value, status } : { date, value };
}

/** Daily → month, quarter or year: every period from the first to the last observation's. */
function fromDaily(obs: Observation[], to: Frequency, method: AggregationMethod, basis: AverageBasis): Point[] {
  const first = obs[0].date;
  const last = obs[obs.length - 1].date;
  const out: Point[] = [];
  let j = 0; // first observation not yet passed
  let inForce: number | undefined; // the rate in force before the current period
  for (let p = periodOf(first, to); p <= periodOf(last, to); p = shiftPeriod(p, to, 1)) {
    const [start, end] = periodBounds(p, to);
    const inside: Observation[] = [];
    while (j < obs.length && obs[j].date <= end) inside.push(obs[j++]);
    const carried = inForce;
    if (inside.length) inForce = inside[inside.length - 1].value;
    if (!(first <= start && last >= end)) {
      out.push({ date: p, value: null });
      continue;
    }
    let value: number | null;
    // The observations the value is made of: the one in force at the end (eop), those inside
    // (announcements), or those inside plus the one carried in (calendar days).
    const used = method === 'eop' ? obs.slice(j - 1, j) : basis === 'announcement' ? inside : obs.slice(Math.max(0, j - inside.length - 1), j);
    if (method === 'eop') value = inForce ?? null;
    else if (basis === 'announcement') value = inside.length ? inside.reduce((s, o) => s + o.value, 0) / inside.length : null;
    else {
      // Weight each rate by the calendar days it was in force within the period.
      let sum = 0;
      let cur = inside[0]?.date === start ? inside[0].value : carried!;
      let day = dayNumber(start);
      for (const o of inside) {
        const d = dayNumber(o.date);
        sum += cur * (d - day);
        cur = o.value;
        day = d;
      }
      sum += cur * (dayNumber(end) + 1 - day);
      value = sum / (dayNumber(end) + 1 - dayNumber(start));
    }
    out.push(point(p, value, statusOf(used)));
  }
  return out;
}

/** Monthly → quarterly/annual, quarterly → annual: every sub-period present, else missing. */
function fromRegular(obs: Observation[], from: Frequency, to: Frequency, method: AggregationMethod): Point[] {
  const groups = new Map<string, Observation[]>();
  for (const o of obs) {
    const p = periodOf(o.date, to);
    const g = groups.get(p);
    if (g) g.push(o);
    else groups.set(p, [o]);
  }
  const need = from === 'monthly' ? (to === 'quarterly' ? 3 : 12) : 4;
  return [...groups.keys()].sort().map((p) => {
    const g = groups.get(p)!;
    if (g.length !== need) return { date: p, value: null };
    return point(p, method === 'eop' ? g[g.length - 1].value : g.reduce((s, o) => s + o.value, 0) / g.length, statusOf(method === 'eop' ? g.slice(-1) : g));
  });
}

export function aggregate(obs: Observation[], from: Frequency, to: Frequency, method: AggregationMethod, basis: AverageBasis = 'announcement'): Point[] {
  if (FREQ_ORDER.indexOf(to) < FREQ_ORDER.indexOf(from)) throw new Error(`cannot disaggregate ${from} data to ${to}`);
  if (to === from || obs.length === 0) return obs.map((o) => point(o.date, o.value, o.status));
  return from === 'daily' ? fromDaily(obs, to, method, basis) : fromRegular(obs, from, to, method);
}
