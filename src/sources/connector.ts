// The small interface every source implements (in the spirit of Singer taps): it declares its
// parsers and knows how to ask its provider; the runner does everything else (snapshot
// metadata, dispatch to parsers, concurrency, building, validation, writing).
import type { HttpClient, HttpResponse } from '../http/http-client.ts';
import type { Publisher } from '../domain/series.ts';
import type { SourceWords } from '../domain/source-words.ts';
import type { BuiltSeries, ParseResult, RawMeta, Snapshot, ValidationIssue } from '../domain/source-data.ts';

export type Parser = (bytes: Buffer, meta: RawMeta) => ParseResult | Promise<ParseResult>;

export interface FetchOptions {
  from?: string;
  to?: string;
  /** "today" in the provider's time zone, injectable for tests. */
  today?: string;
}

/** One provider answer to keep: the runner turns it into a raw snapshot with its sidecar. */
export interface Answer {
  response: HttpResponse;
  /** Which of the connector's parsers reads it. */
  parser: string;
  /** The request key (one folder per key under data/raw/<source>/). */
  key: string;
  ext: string;
  request?: Record<string, string>;
  vintage?: string;
}

export interface FetchContext {
  http: HttpClient;
  options: FetchOptions;
  /** What the raw store already holds for this source, latest per request key. */
  stored: ReadonlyMap<string, Snapshot>;
  /** Last date in this source's processed data, if any: where an incremental refresh can start. */
  latestProcessedDate?: string;
  /** Parse an answer now (a coded error if it is unusable) and queue it for the next commit. */
  accept(answer: Answer): Promise<ParseResult>;
  /** Commit what has been accepted so far (build, validate, write): lets a long backfill resume. */
  checkpoint(): Promise<void>;
  /** Run `fn` over the items, at most `concurrency` at once; stops early on a stop request or a failure. */
  forEach<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void>;
  note(message: string): void;
  progress(done: number, total: number, label: string): void;
  signal: AbortSignal;
  sleep(ms: number): Promise<void>;
}

export interface SourceConnector {
  /** Folder under data/raw and file stem under data/processed. */
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly publisher: Publisher;
  /** Its id scheme and the phrases for its titles, units and vintages (words.ts in its folder). */
  readonly words: SourceWords;
  readonly parsers: Readonly<Record<string, Parser>>;
  fetch(ctx: FetchContext): Promise<void>;
  /** Derive or tidy series after merging (e.g. NBK cross rates). Pure. */
  finish?(series: Map<string, BuiltSeries>): void;
  /** Source-specific checks on the built data; any issue aborts the write. */
  validate?(series: Map<string, BuiltSeries>): ValidationIssue[];
  /** Series that must exist after a build; a missing one aborts the write. */
  expectedSeries(): string[];
}
