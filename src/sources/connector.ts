// The small interface every source implements (in the spirit of Singer taps): it knows how
// to fetch its provider's bytes and how to parse them; the pipeline does everything else.
import type { RawMeta } from '../store/raw-store.ts';
import type { HttpClient } from '../http/http-client.ts';
import type { Publisher, SeriesDescription, Vintage } from '../series.ts';
import type { BuiltSeries } from '../pipeline/build.ts';

export interface ParsedSeries {
  id: string;
  description: SeriesDescription;
  vintage: Vintage;
  /** Where two snapshots give the same date in the same vintage, the higher precedence wins. */
  precedence: number;
  observations: Array<[date: string, value: number]>;
}

export interface ParseResult {
  series: ParsedSeries[];
  /** Things worth telling a person that do not make the answer unusable. */
  notes: string[];
}

export interface FetchOptions {
  from?: string;
  to?: string;
  /** "today" in the provider's time zone, injectable for tests. */
  today?: string;
}

export interface Candidate {
  meta: Omit<RawMeta, 'bytes' | 'sha256'>;
  body: Buffer;
  ext: string;
}

export interface FetchContext {
  http: HttpClient;
  options: FetchOptions;
  /** What the raw store already holds for this source, latest per request key. */
  stored: Map<string, { meta: RawMeta }>;
  /** Last date in this source's processed data, if any: where an incremental refresh starts. */
  processedEnd?: string;
  /** Parse an answer now (throws a coded error if it is unusable) and queue it for the commit. */
  accept(candidate: Candidate): Promise<ParseResult>;
  /** Commit what has been accepted so far (build, validate, write): lets a long backfill resume. */
  checkpoint(): Promise<void>;
  note(message: string): void;
  progress(done: number, total: number, label: string): void;
  signal: AbortSignal;
  sleep(ms: number): Promise<void>;
}

export interface ValidationIssue {
  code: string;
  message: string;
  series?: string;
  date?: string;
}

export interface SourceConnector {
  /** Folder under data/raw and file stem under data/processed. */
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly publisher: Publisher;
  parse(meta: RawMeta, bytes: Buffer): Promise<ParseResult>;
  fetch(ctx: FetchContext): Promise<void>;
  /** Derive or tidy series after merging (e.g. NBK cross rates). Pure. */
  finish?(series: Map<string, BuiltSeries>): void;
  /** Source-specific checks on the built data; any issue aborts the write. */
  validate?(series: Map<string, BuiltSeries>): ValidationIssue[];
  /** Series that must exist after a build; a missing one aborts the write. */
  expectedSeries(): string[];
}
