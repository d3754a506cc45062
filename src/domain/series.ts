// The shared vocabulary: series ids, frequencies, ISO dates and series metadata.

export type Frequency = 'daily' | 'monthly' | 'quarterly' | 'annual';

export const DATE_PATTERN: Record<Frequency, RegExp> = {
  daily: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  monthly: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarterly: /^\d{4}-Q[1-4]$/,
  annual: /^\d{4}$/,
};

/** Series ids are `<source>.<code>[.<country>]`: letters, digits, '_' and '.' only. */
export const SERIES_ID = /^[a-z]+(\.[A-Za-z0-9_]+)+$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(date: string, freq: Frequency): boolean {
  if (!DATE_PATTERN[freq].test(date)) return false;
  if (freq !== 'daily') return true;
  // The day exists in that month (no Date object: this runs for every stored value).
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return Number(date.slice(8, 10)) <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

/** A date a person may ask for: YYYY, YYYY-MM or YYYY-MM-DD, a month and day that exist. */
export function isCalendarDate(v: string): boolean {
  return isValidDate(v, v.length === 4 ? 'annual' : v.length === 7 ? 'monthly' : 'daily');
}

/** Where a raw snapshot's bytes came from: a file imported from a repository copy, an answer
 *  recorded by someone else (kept in a repository), or an answer this product retrieved. */
export function snapshotOrigin(s: SnapshotRef | undefined): 'imported' | 'recorded' | 'retrieved' {
  if (s?.kind === 'imported-file' || (s?.repository && !s.url)) return 'imported';
  return s?.repository ? 'recorded' : 'retrieved';
}

export interface Publisher {
  name: string;
  url: string;
  licence: string;
  citation: string;
}

export interface Vintage {
  /** Sortable key: '2024-04' (WEO April 2024), '2026-01-30' (WB lastupdated), 'official' (NBK). */
  key: string;
  label: string;
}

export interface SnapshotRef {
  file: string;
  sha256: string;
  retrievedAt: string;
  kind: 'http' | 'imported-file';
  url?: string;
  publisher?: string;
  repository?: string;
  commit?: string;
}

export interface SeriesDescription {
  title: string;
  unit: string;
  /** e.g. 'billions', 'units'; the unit text already says it in words. */
  scale: string;
  frequency: Frequency;
  country?: string;
  notes?: string[];
  /** Years after this are projections (IMF WEO), when the provider says so. */
  lastActualYear?: number;
  /** How dates are to be read, e.g. NBK's announcement-day convention. */
  dateConvention?: string;
}

export interface VintageInfo extends Vintage {
  retrievedAt: string;
  rows: number;
  start: string | null;
  end: string | null;
  lastActualYear?: number;
  /** Dates whose value the source flags as an estimate, in this vintage. */
  estimates?: string[];
}

export interface SeriesMeta extends SeriesDescription {
  id: string;
  source: { job: string; name: string; url: string; licence: string; citation: string };
  vintage: Vintage;
  retrievedAt: string;
  coverage: { start: string | null; end: string | null; rows: number };
  /** Every vintage the raw store holds for this series, oldest first; the last is current. */
  vintages: VintageInfo[];
  rawSnapshots: SnapshotRef[];
  /** Dates whose current value the source flags as an estimate (the CSV keeps values only). */
  estimates?: string[];
}

/** What a value is: as measured, an estimate (e.g. DOTS "e"), or a projection (IMF years after the last actual). */
export type ObservationStatus = 'actual' | 'estimate' | 'projection';
const STATUS_RANK: Record<ObservationStatus, number> = { actual: 0, estimate: 1, projection: 2 };

/** The status of a value computed from several: the least certain of them. */
export function worstStatus(a: ObservationStatus | undefined, b: ObservationStatus | undefined): ObservationStatus | undefined {
  if (!a) return b;
  if (!b) return a;
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}

export interface Observation {
  date: string;
  value: number;
  /** Absent: actual. */
  status?: ObservationStatus;
}
