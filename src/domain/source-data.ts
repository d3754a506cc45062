// What flows between the layers: raw snapshot metadata, what a parser reads out of a snapshot,
// and the series the runner builds from them. Types only, shared by sources, store and runner.
import type { Observation, SeriesDescription, SnapshotRef, Vintage } from './series.ts';

interface RawMetaBase {
  source: string;
  /** Which of the source's parsers reads this file. */
  parser: string;
  /** The request this answers, e.g. 'datamapper/PCPIPCH' or 'get_rates/2026-04-01'. */
  key: string;
  retrievedAt: string;
  bytes: number;
  sha256: string;
  connectorVersion: string;
  /** What was asked, e.g. { date: '2026-04-01' }; parsers check the answer against it. */
  request?: Record<string, string>;
  /** Provider's vintage label when the answer does not carry it (IMF DataMapper: from /indicators). */
  vintage?: string;
  // Where bytes recorded or published elsewhere came from (imported files, recorded answers).
  publisher?: string;
  repository?: string;
  commit?: string;
  originalPath?: string;
  licence?: string;
  notes?: string;
}

/** A provider's answer, stored as received. */
export interface HttpRawMeta extends RawMetaBase {
  kind: 'http';
  url: string;
  status: number;
  contentType: string;
}

/** A file of the bundled snapshot: published data copied from a public repository. */
export interface ImportedRawMeta extends RawMetaBase {
  kind: 'imported-file';
  url?: undefined;
  status?: undefined;
  contentType?: undefined;
}

export type RawMeta = HttpRawMeta | ImportedRawMeta;
/** A snapshot's metadata before its body is hashed. */
export type RawMetaDraft = Omit<HttpRawMeta, 'bytes' | 'sha256'> | Omit<ImportedRawMeta, 'bytes' | 'sha256'>;

export interface Snapshot {
  /** Path relative to the data folder, e.g. 'raw/nbk/get_rates/2026-04-01/20260408T134325Z-1a2b3c4d.xml'. */
  file: string;
  meta: RawMeta;
}

export interface ParsedSeries {
  id: string;
  description: SeriesDescription;
  vintage: Vintage;
  /** Where two snapshots give the same date in the same vintage, the higher precedence wins. */
  precedence: number;
  /** `status` flags a value as the source flags it (DOTS "0.14 e" is an estimate). The build keeps
   *  these objects (it copies none it need not), so nothing may change them after parsing. */
  observations: Observation[];
}

export interface ParseResult {
  series: ParsedSeries[];
  /** Things worth telling a person that do not make the answer unusable. */
  notes: string[];
  /** For paged answers: how many pages the provider says there are (read once, with the page). */
  pages?: number;
}

export interface BuiltVintage {
  vintage: Vintage;
  /** This vintage's own last year of actual data (IMF WEO): later years are its projections. */
  lastActualYear?: number;
  retrievedAt: string;
  observations: Observation[];
  snapshots: SnapshotRef[];
}

export interface BuiltSeries {
  id: string;
  description: SeriesDescription;
  /** Oldest first; the last one is current. */
  vintages: BuiltVintage[];
}

export interface ValidationIssue {
  code: string;
  message: string;
  series?: string;
  date?: string;
}

export function currentVintage(s: BuiltSeries): BuiltVintage {
  return s.vintages[s.vintages.length - 1];
}
