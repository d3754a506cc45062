// Decimal arithmetic for numbers an economist copies from a table: sums of published figures,
// figures scaled from thousands or millions, shares and gaps. Each input is read as its shortest
// decimal text (what the source printed), the arithmetic is exact (or, for a division, correct to
// 40 digits), and the result is the double nearest the exact decimal, so it prints as that
// decimal ("26972021445.17", never "26972021445.170002").
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 40 });

/** The exact sum of published values. */
export function exactSum(values: readonly number[]): number {
  let s = new D(0);
  for (let i = 0; i < values.length; i++) s = s.plus(values[i]);
  return s.toNumber();
}

/** a − b, exactly. */
export function exactDifference(a: number, b: number): number {
  return new D(a).minus(b).toNumber();
}

/** A published figure in thousands or millions, in units (or units in billions: factor 1e-9);
 *  with `decimals`, rounded to the publication's precision (half away from zero). */
export function scaled(value: number, factor: number, decimals?: number): number {
  const v = new D(value).times(factor);
  return (decimals === undefined ? v : v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP)).toNumber();
}

/** part / whole × 100, or null when the whole is zero or missing. */
export function percentOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return new D(part).times(100).div(whole).toNumber();
}

/** (a / b − 1) × 100: how far a is above b, in percent. */
export function percentGap(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return new D(a).div(b).minus(1).times(100).toNumber();
}

/** Σ (part / whole × 100)²: the Herfindahl–Hirschman index of the parts, on a 0–10,000 scale. */
export function sumOfSquaredPercents(parts: readonly number[], whole: number): number {
  let s = new D(0);
  for (let i = 0; i < parts.length; i++) s = s.plus(new D(parts[i]).pow(2));
  return s.times(10_000).div(new D(whole).pow(2)).toNumber();
}
