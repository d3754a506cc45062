// A deliberately plain reference for the views: it loops over calendar days and periods and
// shares no code with src/transform. It states the rules the product must follow:
// - daily → month/quarter/year: a period counts only when the data covers it from its first day
//   (a value in force then) to its last; "avg over calendar days" averages the rate in force on
//   each day, "avg over announcements" the announcements inside the period (none: missing);
//   "eop" is the rate in force on the period's last day;
// - monthly/quarterly → coarser: every sub-period present, else missing;
// - regular periods form a full grid from the first to the last, gaps missing;
// - units on the grid (FRED's order: aggregate, then transform), the window last.
type Freq = 'daily' | 'monthly' | 'quarterly' | 'annual';
export interface RefPoint {
  date: string;
  value: number | null;
}
export interface RefSpec {
  freq?: Freq;
  agg: 'avg' | 'eop';
  basis: 'calendar' | 'announcement';
  units: 'lin' | 'chg' | 'ch1' | 'pch' | 'pc1' | 'pca' | 'log' | 'index';
  indexDate?: string;
  from?: string;
  to?: string;
}

const ORDER: Freq[] = ['daily', 'monthly', 'quarterly', 'annual'];
const PER_YEAR = { daily: 365, monthly: 12, quarterly: 4, annual: 1 };

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
function daysFrom(a: string, b: string): number {
  let n = 0;
  for (let d = a; d < b; d = nextDay(d)) n++;
  return n;
}
function label(d: string, f: Freq): string {
  const y = d.slice(0, 4);
  const m = Number(d.slice(5, 7));
  if (f === 'annual') return y;
  if (f === 'quarterly') return d.includes('Q') ? d.slice(0, 7) : `${y}-Q${Math.ceil(m / 3)}`;
  if (f === 'monthly') return d.slice(0, 7);
  return d;
}
/** A period label as (year, index within the year): months 0–11, quarters 0–3, years 0. */
function parts(p: string, f: Freq): [number, number] {
  const y = Number(p.slice(0, 4));
  if (f === 'annual') return [y, 0];
  if (f === 'quarterly') return [y, Number(p[6]) - 1];
  return [y, Number(p.slice(5, 7)) - 1];
}
function make(y: number, i: number, f: Freq): string {
  const per = f === 'annual' ? 1 : f === 'quarterly' ? 4 : 12;
  const yy = y + Math.floor(i / per);
  const ii = ((i % per) + per) % per;
  if (f === 'annual') return String(yy);
  if (f === 'quarterly') return `${yy}-Q${ii + 1}`;
  return `${yy}-${String(ii + 1).padStart(2, '0')}`;
}
/** First and last calendar day of a period label. */
function bounds(p: string, f: Freq): [string, string] {
  if (f === 'daily') return [p, p];
  const [y, i] = parts(p, f);
  const months = f === 'annual' ? 12 : f === 'quarterly' ? 3 : 1;
  const m0 = f === 'annual' ? 0 : f === 'quarterly' ? i * 3 : i;
  const first = new Date(Date.UTC(y, m0, 1)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(y, m0 + months, 0)).toISOString().slice(0, 10);
  return [first, last];
}
/** Every calendar day of a period. */
function daysOf(p: string, f: Freq): string[] {
  const [first, last] = bounds(p, f);
  const out: string[] = [];
  for (let d = first; d <= last; d = nextDay(d)) out.push(d);
  return out;
}
function next(p: string, f: Freq): string {
  if (f === 'daily') return nextDay(p);
  const [y, i] = parts(p, f);
  return make(y, i + 1, f);
}
function back(p: string, f: Freq, n: number): string {
  const [y, i] = parts(p, f);
  return make(y, i - n, f);
}
/** The sub-periods (months or quarters) of a coarser period. */
function subPeriods(p: string, from: Freq, to: Freq): string[] {
  const [first, last] = bounds(p, to);
  const out: string[] = [];
  for (let q = label(first, from); q <= label(last, from); q = next(q, from)) out.push(q);
  return out;
}
function inForce(obs: RefPoint[], day: string): RefPoint | undefined {
  let found: RefPoint | undefined;
  for (const o of obs) if (o.date <= day) found = o;
  return found;
}

function aggregateRef(obs: RefPoint[], native: Freq, f: Freq, spec: RefSpec): RefPoint[] {
  if (!obs.length) return [];
  if (native === 'daily' && f === 'daily') return obs; // announcement days, not a calendar grid
  const out: RefPoint[] = [];
  const first = obs[0].date;
  const last = obs[obs.length - 1].date;
  for (let p = label(first, f); p <= label(last, f); p = next(p, f)) {
    if (native === f) {
      out.push({ date: p, value: obs.find((o) => o.date === p)?.value ?? null });
      continue;
    }
    if (native === 'daily') {
      const days = daysOf(p, f);
      const complete = first <= days[0] && last >= days[days.length - 1];
      let value: number | null = null;
      if (complete && spec.agg === 'eop') value = inForce(obs, days[days.length - 1])!.value;
      else if (complete && spec.basis === 'calendar') value = days.reduce((s, d) => s + inForce(obs, d)!.value!, 0) / days.length;
      else if (complete) {
        const inside = obs.filter((o) => o.date >= days[0] && o.date <= days[days.length - 1]);
        value = inside.length ? inside.reduce((s, o) => s + o.value!, 0) / inside.length : null;
      }
      out.push({ date: p, value });
      continue;
    }
    const subs = subPeriods(p, native, f).map((s) => obs.find((o) => o.date === s));
    const complete = subs.every((s) => s !== undefined);
    let value: number | null = null;
    if (complete && spec.agg === 'eop') value = subs[subs.length - 1]!.value;
    else if (complete) value = subs.reduce((s, o) => s + o!.value!, 0) / subs.length;
    out.push({ date: p, value });
  }
  return out;
}

/** The same calendar date a year earlier; 29 February becomes 28 February. */
function yearBefore(date: string): string {
  const d = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d ? d : `${d.slice(0, 4)}-02-28`;
}

function unitsRef(points: RefPoint[], f: Freq, spec: RefSpec): RefPoint[] {
  const u = spec.units;
  const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  if (u === 'lin') return points;
  if (u === 'log') return points.map((p) => ({ date: p.date, value: p.value !== null && p.value > 0 ? Math.log(p.value) : null }));
  if (u === 'index') {
    let base: number | null = null;
    if (spec.indexDate) {
      if (f === 'daily') {
        const last = points[points.length - 1]?.date;
        if (last && spec.indexDate <= last) base = inForce(points, spec.indexDate)?.value ?? null;
      } else base = points.find((p) => p.date === label(spec.indexDate!.length === 4 ? `${spec.indexDate}-01-01` : spec.indexDate!.length === 7 ? `${spec.indexDate}-01` : spec.indexDate!, f))?.value ?? null;
    } else return points;
    return points.map((p) => ({ date: p.date, value: base === null || base === 0 || p.value === null ? null : (p.value / base) * 100 }));
  }
  const yearAgo = u === 'ch1' || u === 'pc1';
  return points.map((p, i) => {
    let e: RefPoint | undefined;
    if (f !== 'daily') e = points.find((q) => q.date === back(p.date, f, yearAgo ? PER_YEAR[f] : 1));
    else if (!yearAgo) e = points[i - 1];
    else e = inForce(points, yearBefore(p.date));
    if (p.value === null || !e || e.value === null) return { date: p.date, value: null };
    const x = p.value;
    const y = e.value;
    if (u === 'chg' || u === 'ch1') return { date: p.date, value: finite(x - y) };
    if (y === 0) return { date: p.date, value: null };
    if (u === 'pch' || u === 'pc1') return { date: p.date, value: finite((x / y - 1) * 100) };
    const n = f === 'daily' ? 365 / daysFrom(e.date, p.date) : PER_YEAR[f];
    return { date: p.date, value: finite(((x / y) ** n - 1) * 100) };
  });
}

export function referenceView(obs: RefPoint[], native: Freq, spec: RefSpec): { freq: Freq; points: RefPoint[] } {
  const f = spec.freq && ORDER.indexOf(spec.freq) >= ORDER.indexOf(native) ? spec.freq : native;
  const points = unitsRef(aggregateRef(obs, native, f, spec), f, spec);
  const from = spec.from;
  const to = spec.to;
  return {
    freq: f,
    points: points.filter((p) => {
      const [first, last] = bounds(p.date, f);
      return (!from || last >= from) && (!to || first <= to);
    }),
  };
}
