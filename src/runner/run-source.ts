// Run one source: load and parse what raw holds, fetch new answers (when asked), commit them
// (build → validate → write raw → publish). Nothing is written unless the whole build
// validates; a failure leaves the last good processed files byte-for-byte as they were and
// says which source, URL and what went wrong. A stop request ends the fetch after the requests
// in flight; what was fetched and validated by then is committed, so a rerun resumes.
import { asPipelineError, PipelineError } from '../domain/errors.ts';
import type { FetchContext, FetchOptions, SourceConnector } from '../sources/connector.ts';
import type { SourceFileMeta } from '../store/processed-store.ts';
import { forEachConcurrent } from './concurrency.ts';
import type { RunEffects } from './effects.ts';
import type { ParseCache } from './parse.ts';
import { emptySummary, type RunSummary } from './run-summary.ts';
import { Staging } from './staging.ts';
import { loadStored, type StoredData } from './stored-snapshots.ts';

export interface RunOptions {
  /** false: rebuild from raw only, no network. */
  fetch: boolean;
  /** An operator's word that an implausible answer or revision is real (e.g. a redenomination). */
  allowImplausible?: boolean;
  options?: FetchOptions;
  signal?: AbortSignal;
  parseCache?: ParseCache;
  onProgress?: (done: number, total: number, label: string) => void;
}

function latestDate(meta: SourceFileMeta | undefined): string | undefined {
  const ends = Object.values(meta?.series ?? {}).map((m) => m.coverage.end ?? '').filter(Boolean).sort();
  return ends[ends.length - 1];
}

async function fetchAndCommit(connector: SourceConnector, effects: RunEffects, stored: StoredData, staging: Staging, run: RunOptions, summary: RunSummary, signal: AbortSignal) {
  if (!effects.http) throw new Error('runSource: fetch requested without an HTTP client');
  const ctx: FetchContext = {
    http: effects.http,
    options: run.options ?? {},
    stored: stored.latest,
    latestProcessedDate: latestDate(await effects.processed.readMeta(connector.name)),
    accept: (answer) => staging.accept(answer),
    checkpoint: async () => {
      if (staging.pendingCount && !signal.aborted) await staging.commit();
    },
    forEach: (items, concurrency, fn) => forEachConcurrent(items, concurrency, signal, fn),
    note: (m) => summary.notes.push(m),
    progress: (d, t, l) => run.onProgress?.(d, t, l),
    signal,
    sleep: (ms) => effects.sleep(ms),
  };
  let fetchError: unknown;
  try {
    await connector.fetch(ctx);
  } catch (err) {
    fetchError = err;
  }
  if (signal.aborted) {
    const kept = staging.pendingCount;
    if (kept) await staging.commit();
    throw new PipelineError('INTERRUPTED', `${connector.name}: stopped on request; ${kept} answer(s) fetched before the stop were kept, run again to resume`, { source: connector.name });
  }
  if (fetchError) throw fetchError;
  if (!staging.pendingCount) summary.notes.push(`${connector.name}: nothing new from the provider`);
  // Commit even with nothing new: processed data must equal a rebuild from raw, and a snapshot
  // stored by a run that failed after its raw write is published now (rewritten only if it differs).
  await staging.commit();
}

export async function runSource(connector: SourceConnector, effects: RunEffects, run: RunOptions): Promise<RunSummary> {
  const summary = emptySummary(connector.name, effects.now().toISOString());
  const signal = run.signal ?? new AbortController().signal;
  try {
    const stored = await loadStored(connector, effects.raw, run.parseCache);
    const staging = new Staging(connector, effects, stored, summary, signal, run.allowImplausible ?? false);
    if (run.fetch) await fetchAndCommit(connector, effects, stored, staging, run, summary, signal);
    else if (stored.count === 0) summary.notes.push(`${connector.name}: no raw snapshots yet; nothing to build (a refresh with a network brings them)`);
    else await staging.commit();
  } catch (err) {
    const e = asPipelineError(err, 'JOB_FAILED', { source: connector.name });
    summary.outcome = 'failed';
    summary.error = { code: e.code, message: e.message, context: e.context };
  }
  summary.endedAt = effects.now().toISOString();
  return summary;
}
