// Money is read in billions of its currency on the pages: a trade flow published in thousands of US
// dollars (27,054,449.63674) is drawn and tabled as 27.05444963674 billions of US dollars, and Comext's
// whole euros as billions of euros. Only pages scale; stored values, downloads and the API keep the
// source's own unit, so a number copied from a CSV is the source's cell.
import type { SeriesMeta } from './series.ts';

const SCALE_EXPONENT: Record<string, number> = { units: 0, thousands: 3, millions: 6, billions: 9 };
/** An amount of a currency, with or without its scale word: "US dollars", "thousands of US dollars". */
const MONEY = /^(?:(?:thousands|millions|billions) of )?(US dollars|euros)$/;

export interface DisplayScale {
  /** The unit the page shows: "billions of US dollars". */
  unit: string;
  /** Powers of ten the stored value is divided by. */
  shift: number;
}

/** How a page shows a series' values, or null where it shows them as stored. */
export function displayScale(meta: Pick<SeriesMeta, 'unit' | 'scale'>): DisplayScale | null {
  const currency = MONEY.exec(meta.unit)?.[1];
  const exponent = SCALE_EXPONENT[meta.scale];
  if (!currency || exponent === undefined || exponent === 9) return null;
  return { unit: `billions of ${currency}`, shift: 9 - exponent };
}
