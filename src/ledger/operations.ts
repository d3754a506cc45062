// The recipe operations, on plain observations. Dates in a recipe pick the value in force on
// that date (the last observation on or before it), so a weekend date reads Friday's rate.
import type { Observation } from '../domain/series.ts';
import { MissingData, phrase } from './explanation.ts';

export { MissingData };

export function valueAt(obs: Observation[], date: string): number {
  if (date.length === 4 && obs[0]?.date.length === 4) {
    const o = obs.find((x) => x.date === date);
    if (!o) throw new MissingData(phrase('noValueFor', { date }));
    return o.value;
  }
  let found: Observation | undefined;
  for (const o of obs) {
    if (o.date <= date) found = o;
    else break;
  }
  if (!found || (found.date.length === date.length && Date.parse(date) - Date.parse(found.date) > 10 * 86_400_000)) throw new MissingData(phrase('noValueInForce', { date }));
  return found.value;
}

export function between(obs: Observation[], from: string, to: string): Observation[] {
  return obs.filter((o) => o.date >= from && o.date <= to);
}

export const pctChange = (a: number, b: number) => (b / a - 1) * 100;
/** A currency's fall in value when its price in tenge per dollar goes from a to b. */
export const pctFallOfInverse = (a: number, b: number) => (1 - a / b) * 100;

export function compound(rates: Observation[], from: string, to: string): number {
  const years = Number(to) - Number(from) + 1;
  const rs = between(rates, from, to);
  if (rs.length !== years) throw new MissingData(phrase('needsRates', { years, from, to, found: rs.length }));
  return (rs.reduce((p, o) => p * (1 + o.value / 100), 1) - 1) * 100;
}

export function sum(obs: Observation[], from: string, to: string): number {
  const rs = between(obs, from, to);
  if (!rs.length) throw new MissingData(phrase('noValuesBetween', { from, to }));
  return rs.reduce((s, o) => s + o.value, 0);
}

/** Rounding-aware: a printed 4.9 with 1 decimal stands for [4.85, 4.95). */
export function matchesPrinted(value: number, printed: number, decimals: number): boolean {
  const half = 0.5 * 10 ** -decimals;
  // A tiny epsilon keeps float noise at an exact boundary (4.85 stored as 4.8499999…) on the printed side.
  const eps = 1e-9 * Math.max(1, Math.abs(printed));
  return value >= printed - half - eps && value < printed + half - eps;
}
