// How the outlook moved across WEO editions: the forecast of one target year by edition, and
// forecast errors by horizon. An edition's value for a year is a forecast when the year is
// after that edition's last actual year. Horizons: the current-year forecast is made in the
// target year (spring = April edition, autumn = October), the year-ahead forecast the year
// before. The error is forecast − actual (positive: the IMF forecast too high), against the
// first published actual (the first edition in which the year is actual) and the latest one.
import type { Observation } from '../domain/series.ts';

export interface Edition {
  /** 'YYYY-MM' (WEO April 2022 = '2022-04'). */
  key: string;
  label: string;
  lastActualYear?: number;
  observations: Observation[];
}

export type Horizon = 'current-spring' | 'current-autumn' | 'ahead-spring' | 'ahead-autumn';
export const HORIZONS: Horizon[] = ['current-spring', 'current-autumn', 'ahead-spring', 'ahead-autumn'];

export interface PathPoint {
  edition: string;
  label: string;
  value: number;
  status: 'projection' | 'actual';
}

export interface ForecastError {
  target: string;
  horizon: Horizon;
  edition: string;
  forecast: number;
  firstActual: number | null;
  latestActual: number | null;
  errorFirst: number | null;
  errorLatest: number | null;
}

export interface HorizonSummary {
  horizon: Horizon;
  /** Target years with both a forecast and an actual. */
  n: number;
  meanErrorFirst: number | null;
  meanAbsErrorFirst: number | null;
  meanErrorLatest: number | null;
  meanAbsErrorLatest: number | null;
}

const isActual = (e: Edition, year: number) => e.lastActualYear !== undefined && year <= e.lastActualYear;
const valueIn = (e: Edition, year: string) => e.observations.find((o) => o.date === year)?.value;

/** The value of `year` in every edition that has one, oldest edition first. */
export function forecastPath(editions: Edition[], year: string): PathPoint[] {
  const y = Number(year);
  const sorted = [...editions].sort((a, b) => a.key.localeCompare(b.key));
  const out: PathPoint[] = [];
  for (const e of sorted) {
    const v = valueIn(e, year);
    if (v !== undefined) out.push({ edition: e.key, label: e.label, value: v, status: isActual(e, y) ? 'actual' : 'projection' });
  }
  return out;
}

/** The first and the latest published actual of a year, if any edition has it as actual. */
export function actuals(path: PathPoint[]): { first?: PathPoint; latest?: PathPoint } {
  const actual = path.filter((p) => p.status === 'actual');
  return { first: actual[0], latest: actual[actual.length - 1] };
}

function horizonOf(editionKey: string, target: number): Horizon | undefined {
  const year = Number(editionKey.slice(0, 4));
  const season = editionKey.slice(5, 7) === '04' ? 'spring' : editionKey.slice(5, 7) === '10' ? 'autumn' : undefined;
  if (!season) return undefined;
  if (year === target) return `current-${season}`;
  if (year === target - 1) return `ahead-${season}`;
  return undefined;
}

export function forecastErrors(editions: Edition[]): { rows: ForecastError[]; summary: HorizonSummary[] } {
  const years = [...new Set(editions.flatMap((e) => e.observations.map((o) => o.date)))].sort();
  const rows: ForecastError[] = [];
  for (const year of years) {
    const path = forecastPath(editions, year);
    const { first, latest } = actuals(path);
    for (const p of path) {
      const horizon = horizonOf(p.edition, Number(year));
      if (!horizon || p.status !== 'projection') continue;
      rows.push({
        target: year,
        horizon,
        edition: p.edition,
        forecast: p.value,
        firstActual: first?.value ?? null,
        latestActual: latest?.value ?? null,
        errorFirst: first ? p.value - first.value : null,
        errorLatest: latest ? p.value - latest.value : null,
      });
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const summary = HORIZONS.map((horizon) => {
    const mine = rows.filter((r) => r.horizon === horizon);
    const first = mine.map((r) => r.errorFirst).filter((e): e is number => e !== null);
    const latest = mine.map((r) => r.errorLatest).filter((e): e is number => e !== null);
    return {
      horizon,
      n: first.length,
      meanErrorFirst: mean(first),
      meanAbsErrorFirst: mean(first.map(Math.abs)),
      meanErrorLatest: mean(latest),
      meanAbsErrorLatest: mean(latest.map(Math.abs)),
    };
  });
  return { rows, summary };
}
