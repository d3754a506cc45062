// Calendar periods for ISO dates: which period a date falls in, and where periods start and end.
import type { Frequency } from '../domain/series.ts';

export function periodOf(date: string, freq: Frequency): string {
  switch (freq) {
    case 'daily':
      return date.slice(0, 10);
    case 'monthly':
      return date.slice(0, 7);
    case 'quarterly': {
      if (/Q/.test(date)) return date;
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    }
    case 'annual':
      return date.slice(0, 4);
  }
}

/** First and last calendar day of a period. */
export function periodBounds(period: string, freq: Frequency): [string, string] {
  const y = Number(period.slice(0, 4));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  switch (freq) {
    case 'daily':
      return [period, period];
    case 'monthly': {
      const m = Number(period.slice(5, 7));
      return [iso(new Date(Date.UTC(y, m - 1, 1))), iso(new Date(Date.UTC(y, m, 0)))];
    }
    case 'quarterly': {
      const q = Number(period.slice(6, 7));
      return [iso(new Date(Date.UTC(y, (q - 1) * 3, 1))), iso(new Date(Date.UTC(y, q * 3, 0)))];
    }
    case 'annual':
      return [`${y}-01-01`, `${y}-12-31`];
  }
}

/** The period n steps after `period` (n may be negative). */
export function shiftPeriod(period: string, freq: Frequency, n: number): string {
  const y = Number(period.slice(0, 4));
  switch (freq) {
    case 'annual':
      return String(y + n);
    case 'quarterly': {
      const k = y * 4 + Number(period.slice(6, 7)) - 1 + n;
      return `${Math.floor(k / 4)}-Q${(k % 4 + 4) % 4 + 1}`;
    }
    case 'monthly': {
      const k = y * 12 + Number(period.slice(5, 7)) - 1 + n;
      return `${Math.floor(k / 12)}-${String(((k % 12) + 12) % 12 + 1).padStart(2, '0')}`;
    }
    case 'daily': {
      const d = new Date(`${period}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    }
  }
}

/** Periods per year, FRED's n for year-ago and annualised units. */
export const PER_YEAR: Record<Frequency, number> = { daily: 365, monthly: 12, quarterly: 4, annual: 1 };

export const FREQ_ORDER: Frequency[] = ['daily', 'monthly', 'quarterly', 'annual'];

/** A representative calendar date for plotting a period (its first day). */
export function periodStartDate(period: string, freq: Frequency): string {
  return periodBounds(period, freq)[0];
}

/** Days since 1970-01-01 of an ISO day (for spans between days). */
export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}
