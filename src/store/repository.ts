// The read model of the processed data: every series in memory, looked up by series id only.
// Loaded from data/processed and reloaded when a refresh rewrites a source's metadata file.
// The server shows it; the ledger recomputes the paper's numbers from it.
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { processedPaths, readSourceFiles, type SourceFileMeta } from './processed-store.ts';
import type { Observation, SeriesMeta } from '../domain/series.ts';
import { asPipelineError } from '../domain/errors.ts';

export interface SeriesEntry {
  meta: SeriesMeta;
  observations: Observation[];
  earlier: Map<string, Observation[]>;
  /** Changes whenever the source's processed files change: a strong validator for HTTP caching. */
  etag: string;
  lastModified: Date;
}

/** A series' values in one edition: its current values when that edition is the current one (or
 *  none is asked), else the earlier edition's; undefined where the series has no such edition. */
export function editionObservations(entry: Pick<SeriesEntry, 'meta' | 'observations' | 'earlier'>, vintage?: string): Observation[] | undefined {
  return vintage === undefined || entry.meta.vintage.key === vintage ? entry.observations : entry.earlier.get(vintage);
}

/** A source whose processed files could not be read: what the status pages say, and the cure. */
export interface DamagedSource {
  source: string;
  file: string;
  code: string;
  message: string;
  heal: string;
}

export interface EventInfo {
  id: string;
  start: string;
  end: string;
  label: string;
  citation: string;
  /** The official source's address (a legal act, a statement). */
  url?: string;
  /** The views that mark it (e.g. rerouting); absent: every chart whose range holds it. */
  views?: string[];
}

export class DataRepository {
  private series = new Map<string, SeriesEntry>();
  private sourceMeta = new Map<string, SourceFileMeta>();
  private stamps = new Map<string, string>();
  private damage = new Map<string, DamagedSource>();
  private lastCheck = 0;
  private loading: Promise<void> | undefined;
  events: EventInfo[] = [];
  /** Goes up whenever any source is (re)loaded: part of every cached page's key. */
  version = 0;
  private sourceVersions = new Map<string, number>();

  constructor(
    readonly dataDir: string,
    readonly sources: string[],
    /** Milliseconds clock for the once-a-second check (a fake one in tests). */
    private clock: () => number = Date.now,
  ) {}

  /** Changes when the metadata or the checksums (written last) are rewritten. */
  private async stamp(source: string): Promise<string> {
    const p = processedPaths(this.dataDir, source);
    const one = (file: string) => fs.stat(file).then((st) => `${st.mtimeMs}:${st.size}`, () => 'none');
    return `${await one(p.meta)}|${await one(p.sums)}`;
  }

  async load(): Promise<void> {
    for (const source of this.sources) await this.loadSource(source);
    try {
      this.events = (JSON.parse(await fs.readFile(path.join(this.dataDir, 'events.json'), 'utf8')) as { events: EventInfo[] }).events;
    } catch {
      this.events = [];
    }
    this.lastCheck = this.clock();
  }

  /**
   * Load one source. A damaged file is named (`damaged()`) and the source keeps what it served
   * before (nothing, at start): one bad file never takes the other sources down.
   */
  private async loadSource(source: string): Promise<void> {
    const stamp = await this.stamp(source);
    let files: Awaited<ReturnType<typeof readSourceFiles>>;
    try {
      files = await readSourceFiles(this.dataDir, source);
    } catch (err) {
      const e = asPipelineError(err, 'PROCESSED_DAMAGED', { source });
      this.damage.set(source, { source, file: String(e.context.file ?? `processed/${source}.*`), code: e.code, message: e.message, heal: 'npm run rebuild' });
      this.stamps.set(source, stamp);
      return;
    }
    this.damage.delete(source);
    this.version++;
    this.sourceVersions.set(source, this.version);
    const fresh = new Map<string, SeriesEntry>();
    if (files) {
      const st = await fs.stat(processedPaths(this.dataDir, source).csv);
      const etag = `"${crypto.createHash('sha1').update(`${source}:${stamp}:${st.mtimeMs}:${st.size}`).digest('hex').slice(0, 16)}"`;
      for (const [id, s] of files.series) {
        fresh.set(id, { meta: s.meta, observations: s.observations, earlier: s.earlier, etag, lastModified: new Date(Math.floor(st.mtimeMs / 1000) * 1000) });
      }
    }
    // Swap in one synchronous step: a request never sees the source half loaded.
    for (const [id, e] of this.series) if (e.meta.source.job === source && !fresh.has(id)) this.series.delete(id);
    for (const [id, e] of fresh) this.series.set(id, e);
    this.stamps.set(source, stamp);
    if (files) this.sourceMeta.set(source, files.fileMeta);
    else this.sourceMeta.delete(source);
  }

  /** Reload sources whose files changed (checked at most once a second; cheap stat calls). */
  async refreshIfChanged(): Promise<void> {
    if (this.clock() - this.lastCheck < 1000) return;
    if (this.loading) return this.loading;
    this.lastCheck = this.clock();
    this.loading = (async () => {
      for (const source of this.sources) if ((await this.stamp(source)) !== this.stamps.get(source)) await this.loadSource(source);
    })().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** A key that changes only when a source these series come from is reloaded (for downloads). */
  versionOf(ids: string[]): string {
    const jobs = [...new Set(ids.map((id) => this.series.get(id)?.meta.source.job ?? '?'))].sort();
    return jobs.map((j) => `${j}:${this.sourceVersions.get(j) ?? 0}`).join(',');
  }

  /** Sources whose processed files could not be read at the last look, with the file and the cure. */
  damaged(): DamagedSource[] {
    return [...this.damage.values()];
  }

  get(id: string): SeriesEntry | undefined {
    return this.series.get(id);
  }

  has(id: string): boolean {
    return this.series.has(id);
  }

  list(): SeriesEntry[] {
    return [...this.series.values()].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  }

  source(name: string): SourceFileMeta | undefined {
    return this.sourceMeta.get(name);
  }
}
