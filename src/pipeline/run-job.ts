// Run one source's job: fetch → raw snapshot → parse → build → validate → write.
// Nothing is written unless the whole build validates; a failure leaves the last good
// processed files byte-for-byte as they were and says which source, URL and what went wrong.
import { PipelineError, asPipelineError } from '../errors.ts';
import { RawStore, type Snapshot } from '../store/raw-store.ts';
import fs from 'node:fs/promises';
import { parseSeriesCsv, processedPaths, readSourceMeta, renderSourceFiles, writeSourceFiles, type SourceFileMeta } from '../store/processed-store.ts';
import type { Candidate, FetchOptions, ParseResult, SourceConnector } from '../sources/connector.ts';
import type { HttpClient } from '../http/http-client.ts';
import { buildSeries, currentVintage, type BuiltSeries, type Conflict, type Contribution } from './build.ts';
import { validateBuilt } from './validate.ts';
import type { Observation, SeriesMeta } from '../series.ts';

export interface SeriesChange {
  series: string;
  added: number;
  revised: number;
  removed: number;
}

export interface RunSummary {
  job: string;
  startedAt: string;
  endedAt: string;
  outcome: 'success' | 'failed';
  /** Requests answered and accepted this run. */
  fetched: number;
  /** Raw snapshot files written (identical bodies are not stored twice). */
  snapshotsWritten: string[];
  changes: SeriesChange[];
  conflicts: Conflict[];
  notes: string[];
  error?: { code: string; message: string; context: Record<string, unknown> };
}

/** Parse results by sha256+parser, so repeated builds in one process do not re-parse old raw files. */
export type ParseCache = Map<string, ParseResult>;

export interface RunOptions {
  dataDir: string;
  http?: HttpClient;
  fetch: boolean;
  options?: FetchOptions;
  signal?: AbortSignal;
  parseCache?: ParseCache;
  onProgress?: (done: number, total: number, label: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

const MAX_LISTED_SNAPSHOTS = 50;
const RAW_WRITE_CONCURRENCY = 16;

async function parseSnapshot(connector: SourceConnector, snapshot: Snapshot, bytes: Buffer, cache?: ParseCache): Promise<ParseResult> {
  const key = `${snapshot.meta.sha256}:${snapshot.meta.parser}:${JSON.stringify(snapshot.meta.request ?? {})}:${snapshot.meta.vintage ?? ''}`;
  const hit = cache?.get(key);
  if (hit) return hit;
  const result = await connector.parse(snapshot.meta, bytes);
  cache?.set(key, result);
  return result;
}

function diff(before: Observation[] | undefined, after: Observation[]): Omit<SeriesChange, 'series'> {
  const old = new Map((before ?? []).map((o) => [o.date, o.value]));
  let added = 0;
  let revised = 0;
  for (const o of after) {
    const v = old.get(o.date);
    if (v === undefined) added++;
    else if (v !== o.value) revised++;
    old.delete(o.date);
  }
  return { added, revised, removed: old.size };
}

export function seriesMeta(job: string, connector: SourceConnector, s: BuiltSeries): SeriesMeta {
  const cur = currentVintage(s);
  const obs = cur.observations;
  const snapshots = [...cur.snapshots].sort((a, b) => b.retrievedAt.localeCompare(a.retrievedAt) || a.file.localeCompare(b.file));
  const meta: SeriesMeta = {
    id: s.id,
    ...s.description,
    source: { job, name: connector.publisher.name, url: connector.publisher.url, licence: connector.publisher.licence, citation: connector.publisher.citation },
    vintage: cur.vintage,
    retrievedAt: cur.retrievedAt,
    coverage: { start: obs[0]?.date ?? null, end: obs[obs.length - 1]?.date ?? null, rows: obs.length },
    vintages: s.vintages.map((v) => ({
      ...v.vintage,
      retrievedAt: v.retrievedAt,
      rows: v.observations.length,
      start: v.observations[0]?.date ?? null,
      end: v.observations[v.observations.length - 1]?.date ?? null,
    })),
    rawSnapshots: snapshots.slice(0, MAX_LISTED_SNAPSHOTS),
  };
  if (snapshots.length > MAX_LISTED_SNAPSHOTS) {
    meta.notes = [...(meta.notes ?? []), `${snapshots.length} raw snapshots contribute; the ${MAX_LISTED_SNAPSHOTS} newest are listed.`];
  }
  return meta;
}

export async function runJob(connector: SourceConnector, run: RunOptions): Promise<RunSummary> {
  const now = run.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const raw = new RawStore(run.dataDir);
  const summary: RunSummary = {
    job: connector.name,
    startedAt,
    endedAt: startedAt,
    outcome: 'success',
    fetched: 0,
    snapshotsWritten: [],
    changes: [],
    conflicts: [],
    notes: [],
  };
  const signal = run.signal ?? new AbortController().signal;
  try {
    const existing = await raw.list(connector.name);
    if (!run.fetch && existing.length === 0) {
      summary.notes.push(`${connector.name}: no raw snapshots yet; nothing to build (a refresh with a network brings them)`);
      summary.endedAt = now().toISOString();
      return summary;
    }
    const contributions: Contribution[] = [];
    for (const snap of existing) {
      let parsed: ParseResult;
      try {
        parsed = await parseSnapshot(connector, snap, await raw.read(snap), run.parseCache);
      } catch (err) {
        throw asPipelineError(err, 'RAW_UNPARSEABLE', { source: connector.name, file: snap.file });
      }
      for (const s of parsed.series) contributions.push({ snapshot: snap, series: s });
    }
    const latest = RawStore.latestByKey(existing);
    let pending: Array<{ candidate: Candidate; parsed: ParseResult }> = [];

    const commit = async () => {
      // Each answer's snapshot as it will be stored (or the identical one already stored), so one
      // build both validates and carries the real file names and sha256 into the metadata.
      const planned = pending.map(({ candidate, parsed }) => ({ candidate, parsed, ...raw.plan(candidate.meta, candidate.body, candidate.ext, latest) }));
      // An answer identical to a stored snapshot adds nothing: that snapshot is already built in.
      const staged: Contribution[] = planned.filter((p) => p.stored).flatMap(({ snapshot, parsed }) => parsed.series.map((s) => ({ snapshot, series: s })));
      const final = buildSeries([...contributions, ...staged]);
      connector.finish?.(final.series);
      const issues = validateBuilt(connector, final.series);
      if (issues.length) {
        const first = issues[0];
        throw new PipelineError(
          'VALIDATION_FAILED',
          `${connector.name}: ${issues.length} problem(s) in the data, nothing written. First: [${first.code}] ${first.message}`,
          { source: connector.name, series: first.series, date: first.date, issues: issues.slice(0, 20) },
        );
      }
      // Raw first: processed data must always be reproducible from what raw holds.
      // Distinct request keys, so the writes are independent: overlap their fsyncs.
      const toWrite = planned.filter((p) => p.stored);
      for (let i = 0; i < toWrite.length; i += RAW_WRITE_CONCURRENCY) {
        await Promise.all(toWrite.slice(i, i + RAW_WRITE_CONCURRENCY).map((p) => raw.write(p.snapshot, p.candidate.body)));
      }
      for (const p of toWrite) {
        latest.set(p.snapshot.meta.key, p.snapshot);
        summary.snapshotsWritten.push(p.snapshot.file);
      }
      contributions.push(...staged);
      pending = [];

      const current = new Map<string, Observation[]>();
      const earlier = new Map<string, Map<string, Observation[]>>();
      const metas: Record<string, SeriesMeta> = {};
      for (const [id, s] of final.series) {
        current.set(id, currentVintage(s).observations);
        if (s.vintages.length > 1) earlier.set(id, new Map(s.vintages.slice(0, -1).map((v) => [v.vintage.key, v.observations])));
        metas[id] = seriesMeta(connector.name, connector, s);
      }
      const fileMeta: SourceFileMeta = {
        source: connector.name,
        title: connector.title,
        connectorVersion: connector.version,
        conflicts: final.conflicts.length,
        series: metas,
      };
      const files = renderSourceFiles(fileMeta, current, earlier);
      // What changed, against the file being replaced; an identical file needs no parsing.
      const csvPath = processedPaths(run.dataDir, connector.name).csv;
      const oldCsv = await fs.readFile(csvPath, 'utf8').catch(() => undefined);
      if (oldCsv !== files.csv) {
        const before = oldCsv ? parseSeriesCsv(oldCsv, csvPath) : new Map<string, Observation[]>();
        summary.changes = [...current]
          .map(([id, obs]) => ({ series: id, ...diff(before.get(id), obs) }))
          .filter((c) => c.added || c.revised || c.removed);
      } else summary.changes = [];
      await writeSourceFiles(run.dataDir, connector.name, files);
      summary.conflicts = final.conflicts;
    };

    if (run.fetch) {
      if (!run.http) throw new Error('runJob: fetch requested without an HTTP client');
      const processed = await readSourceMeta(run.dataDir, connector.name).catch(() => undefined);
      const ends = Object.values(processed?.series ?? {}).map((m) => m.coverage.end ?? '').filter(Boolean).sort();
      let fetchError: unknown;
      try {
        await connector.fetch({
          processedEnd: ends[ends.length - 1],
          http: run.http,
          options: run.options ?? {},
          stored: latest,
          signal,
          sleep: run.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
          note: (m) => summary.notes.push(m),
          progress: (d, t, l) => run.onProgress?.(d, t, l),
          async accept(candidate) {
            if (signal.aborted) throw new PipelineError('INTERRUPTED', `${connector.name}: stopped on request`, { source: connector.name });
            let parsed: ParseResult;
            try {
              parsed = await connector.parse({ ...candidate.meta, bytes: candidate.body.byteLength, sha256: '' }, candidate.body);
            } catch (err) {
              const e = asPipelineError(err, 'PARSE_FAILED', { source: connector.name, url: candidate.meta.url });
              if (!e.context.url && candidate.meta.url) e.context.url = candidate.meta.url;
              await raw.putRejected(candidate.meta, candidate.body, candidate.ext, e.describe()).catch(() => undefined);
              throw e;
            }
            summary.fetched++;
            summary.notes.push(...parsed.notes);
            pending.push({ candidate, parsed });
            return parsed;
          },
          checkpoint: async () => {
            if (pending.length && !signal.aborted) await commit();
          },
        });
      } catch (err) {
        fetchError = err;
      }
      if (signal.aborted) {
        // Interrupted: keep what was fetched and validated so a rerun resumes from there.
        const kept = pending.length;
        if (kept) await commit();
        throw new PipelineError('INTERRUPTED', `${connector.name}: stopped on request; ${kept} answer(s) fetched before the stop were kept, run again to resume`, { source: connector.name });
      }
      if (fetchError) throw fetchError;
      if (pending.length) await commit();
      else summary.notes.push(`${connector.name}: nothing new from the provider`);
    } else {
      await commit();
    }
  } catch (err) {
    const e = asPipelineError(err, 'JOB_FAILED', { source: connector.name });
    summary.outcome = 'failed';
    summary.error = { code: e.code, message: e.message, context: e.context };
  }
  summary.endedAt = now().toISOString();
  return summary;
}
