// What /status and the stale banners say about each source: last attempt and success, the
// outcome, the next scheduled run, and how fresh the data is against the expected cadence,
// telling "the provider published nothing new" apart from "our fetch failed".
import type { SeriesMeta } from '../domain/series.ts';
import type { JobDefinition } from '../runner/job.ts';
import { readRuns, type RunRecord } from '../runner/run-log.ts';
import type { DataRepository } from '../store/repository.ts';
import type { AppContext } from './context.ts';
import type { RunningRefresh } from './refresh-controller.ts';

export interface SourceStatus {
  job: string;
  title: string;
  schedule: string;
  nextRun: string | null;
  series: number;
  latestObservation: string | null;
  latestRetrieval: string | null;
  /** How the data got here: bundled from a repository copy, or retrieved from the provider. */
  provenance: string;
  dataAgeDays: number | null;
  expectedCadenceDays: number;
  stale: boolean;
  lastAttempt: RunRecord | null;
  lastSuccess: RunRecord | null;
  /** 'ok', 'no-data', 'stale', 'failing': the last attempt failed (its error is in lastAttempt). */
  state: 'ok' | 'stale' | 'failing' | 'no-data';
  message: string;
  running: RunningRefresh | null;
}

function lastActualDate(m: SeriesMeta): string | null {
  const end = m.coverage.end;
  if (!end || m.lastActualYear === undefined || Number(end.slice(0, 4)) <= m.lastActualYear) return end;
  return String(m.lastActualYear);
}

function days(fromIso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(fromIso.length === 10 ? `${fromIso}T00:00:00Z` : fromIso)) / 86_400_000);
}

export function sourceStatuses(
  repo: DataRepository,
  jobs: JobDefinition[],
  runs: RunRecord[],
  now: Date,
  nextRun: (job: string) => Date | null,
  running: RunningRefresh | undefined,
): SourceStatus[] {
  return jobs.map((job) => {
    const series = repo.list().filter((s) => s.meta.source.job === job.name);
    // The latest *actual* value: IMF projections run years ahead and say nothing about freshness.
    const ends = series.map((s) => lastActualDate(s.meta)).filter((d): d is string => !!d).sort();
    const retrievals = series.map((s) => s.meta.retrievedAt).sort();
    const latestObservation = ends[ends.length - 1] ?? null;
    const latestRetrieval = retrievals[retrievals.length - 1] ?? null;
    const daily = series.some((s) => s.meta.frequency === 'daily');
    // Daily rates age with their last date; annual releases with when we last fetched them.
    const ageFrom = daily ? latestObservation : latestRetrieval;
    const dataAgeDays = ageFrom ? days(ageFrom, now) : null;
    const stale = dataAgeDays !== null && dataAgeDays > job.expectedCadenceDays;
    const mine = runs.filter((r) => r.job === job.name);
    const lastAttempt = mine[mine.length - 1] ?? null;
    const lastSuccess = [...mine].reverse().find((r) => r.outcome === 'success') ?? null;
    let state: SourceStatus['state'] = 'ok';
    let message: string;
    if (!series.length) {
      state = 'no-data';
      message = 'No data yet: it appears after the first refresh with a network.';
    } else if (lastAttempt?.outcome === 'refused') {
      message = `The last refresh could not start (${lastAttempt.error?.message}); the pages show the data of the run before.`;
    } else if (lastAttempt?.outcome === 'failed') {
      state = 'failing';
      message = `The last refresh failed (${lastAttempt.error?.code}: ${lastAttempt.error?.message}); the pages show the last good data.`;
    } else if (stale) {
      state = 'stale';
      message = daily
        ? `The latest value is for ${latestObservation}, ${dataAgeDays} days ago (expected every ${job.expectedCadenceDays} days or less).`
        : `Last retrieved ${latestRetrieval?.slice(0, 10)}, ${dataAgeDays} days ago (expected every ${job.expectedCadenceDays} days or less).`;
    } else if (lastAttempt && lastAttempt.snapshotsWritten.length === 0) {
      message = 'The last refresh worked; the provider had published nothing new.';
    } else message = lastAttempt ? 'The last refresh worked and brought new data.' : 'Bundled data; no refresh has run here yet.';
    const next = nextRun(job.name);
    return {
      job: job.name,
      title: job.connector.title,
      schedule: job.schedule ? `${job.schedule.description} (${job.schedule.cron}, ${job.schedule.timezone})` : 'none: imported from a published table (no provider API is read)',
      nextRun: next ? next.toISOString() : null,
      series: series.length,
      latestObservation,
      latestRetrieval,
      provenance: series.some((s) => s.meta.rawSnapshots[0]?.kind === 'http' && !s.meta.rawSnapshots[0]?.repository)
        ? `retrieved from the provider, latest ${latestRetrieval?.slice(0, 10)}`
        : series.length
          ? `imported with the bundled snapshot (${[...new Set(series.map((s) => s.meta.rawSnapshots[0]?.repository).filter(Boolean))].join(', ')})`
          : 'none yet',
      dataAgeDays,
      expectedCadenceDays: job.expectedCadenceDays,
      stale,
      lastAttempt,
      lastSuccess,
      state,
      message,
      running: running && running.jobs.includes(job.name) ? running : null,
    };
  });
}

/** Statuses for pages; pass `runs` when the caller already read the history (the status page shows it too). */
export async function statuses(ctx: AppContext, runs?: RunRecord[]): Promise<SourceStatus[]> {
  return sourceStatuses(ctx.repo, ctx.jobs, runs ?? (await readRuns(ctx.config.dataDir)), ctx.now(), ctx.nextRun, ctx.controller.running);
}

/** Banners for the pages that show series from these sources. */
export function bannersFor(all: SourceStatus[], jobs: string[]): Array<{ job: string; state: string; message: string }> {
  return all.filter((s) => jobs.includes(s.job) && (s.state === 'stale' || s.state === 'failing')).map((s) => ({ job: s.job, state: s.state, message: `${s.title}: ${s.message}` }));
}
