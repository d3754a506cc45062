// What /status and the stale banners say about each source: last attempt and success, the
// outcome, the next scheduled run, and how fresh the data is against the expected cadence,
// telling "the provider published nothing new" apart from "our fetch failed".
import { DEFAULT_LANGUAGE, translator } from './i18n.ts';
import { snapshotOrigin, type SeriesMeta } from '../domain/series.ts';
import type { JobDefinition } from '../runner/job.ts';
import { readRuns, type RunRecord } from '../runner/run-log.ts';
import type { DataRepository, SeriesEntry } from '../store/repository.ts';
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
  /** How the data got here: bundled from a repository copy, or retrieved from the provider (in English; pages use the key). */
  provenance: string;
  provenanceKey: string;
  provenanceParams: Record<string, string>;
  dataAgeDays: number | null;
  expectedCadenceDays: number;
  stale: boolean;
  lastAttempt: RunRecord | null;
  lastSuccess: RunRecord | null;
  /** 'ok', 'no-data', 'stale', 'failing': the last attempt failed (its error is in lastAttempt). */
  state: 'ok' | 'stale' | 'failing' | 'no-data';
  /** In English (the API); pages say messageKey with messageParams in their own language. */
  message: string;
  messageKey: string;
  messageParams: Record<string, string | number>;
  running: RunningRefresh | null;
}

/** A job that can fetch but has only bundled data has not yet been seen working against the real service: say so. */
function provenanceOf(series: Array<{ meta: SeriesMeta }>, latestRetrieval: string | null, fetches: boolean): { provenance: string; provenanceKey: string; provenanceParams: Record<string, string> } {
  let key: string;
  let params: Record<string, string> = {};
  if (series.some((s) => s.meta.rawSnapshots[0] && snapshotOrigin(s.meta.rawSnapshots[0]) === 'retrieved')) {
    key = 'status.provenance.retrieved';
    params = { date: latestRetrieval?.slice(0, 10) ?? '' };
  } else if (series.length) {
    key = fetches ? 'status.provenance.importedNotLive' : 'status.provenance.imported';
    params = { repositories: [...new Set(series.map((s) => s.meta.rawSnapshots[0]?.repository).filter(Boolean))].join(', ') };
  } else key = 'status.provenance.none';
  return { provenance: translator(DEFAULT_LANGUAGE)(key, params), provenanceKey: key, provenanceParams: params };
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
    const fresh = freshness(series, job, now);
    const mine = runs.filter((r) => r.job === job.name);
    const lastAttempt = mine[mine.length - 1] ?? null;
    const lastSuccess = [...mine].reverse().find((r) => r.outcome === 'success') ?? null;
    const { state, said } = stateOf(series.length, fresh, lastAttempt, job);
    const next = nextRun(job.name);
    return {
      job: job.name,
      title: job.connector.title,
      schedule: job.schedule ? `${job.schedule.description} (${job.schedule.cron}, ${job.schedule.timezone})` : 'none: imported from a published table (no provider API is read)',
      nextRun: next ? next.toISOString() : null,
      series: series.length,
      latestObservation: fresh.latestObservation,
      latestRetrieval: fresh.latestRetrieval,
      ...provenanceOf(series, fresh.latestRetrieval, job.schedule !== undefined),
      dataAgeDays: fresh.dataAgeDays,
      expectedCadenceDays: job.expectedCadenceDays,
      stale: fresh.stale,
      lastAttempt,
      lastSuccess,
      state,
      message: translator(DEFAULT_LANGUAGE)(`status.message.${said.key}`, said.params ?? {}),
      messageKey: `status.message.${said.key}`,
      messageParams: said.params ?? {},
      running: running && running.jobs.includes(job.name) ? running : null,
    };
  });
}

interface Freshness {
  latestObservation: string | null;
  latestRetrieval: string | null;
  daily: boolean;
  dataAgeDays: number | null;
  stale: boolean;
}

/** How old a source's data is. Daily rates age with their last date; annual releases with when we
 *  last fetched them; the latest *actual* value counts (IMF projections say nothing about freshness). */
function freshness(series: SeriesEntry[], job: JobDefinition, now: Date): Freshness {
  const ends = series.map((s) => lastActualDate(s.meta)).filter((d): d is string => !!d).sort();
  const retrievals = series.map((s) => s.meta.retrievedAt).sort();
  const latestObservation = ends[ends.length - 1] ?? null;
  const latestRetrieval = retrievals[retrievals.length - 1] ?? null;
  const daily = series.some((s) => s.meta.frequency === 'daily');
  const ageFrom = daily ? latestObservation : latestRetrieval;
  const dataAgeDays = ageFrom ? days(ageFrom, now) : null;
  return { latestObservation, latestRetrieval, daily, dataAgeDays, stale: dataAgeDays !== null && dataAgeDays > job.expectedCadenceDays };
}

/** The state and what it means, as a message key and its values: pages say it in their language. */
function stateOf(seriesCount: number, f: Freshness, lastAttempt: RunRecord | null, job: JobDefinition): { state: SourceStatus['state']; said: { key: string; params?: Record<string, string | number> } } {
  if (!seriesCount) return { state: 'no-data', said: { key: 'noData' } };
  if (lastAttempt?.outcome === 'refused') return { state: 'ok', said: { key: 'refused', params: { reason: lastAttempt.error?.message ?? '' } } };
  if (lastAttempt?.outcome === 'failed') return { state: 'failing', said: { key: 'failed', params: { code: lastAttempt.error?.code ?? '', reason: lastAttempt.error?.message ?? '' } } };
  if (f.stale) {
    const params = { days: f.dataAgeDays ?? 0, cadence: job.expectedCadenceDays };
    return { state: 'stale', said: f.daily ? { key: 'staleDaily', params: { date: f.latestObservation ?? '', ...params } } : { key: 'staleRetrieved', params: { date: f.latestRetrieval?.slice(0, 10) ?? '', ...params } } };
  }
  if (lastAttempt && lastAttempt.snapshotsWritten.length === 0) return { state: 'ok', said: { key: 'nothingNew' } };
  return { state: 'ok', said: { key: lastAttempt ? 'newData' : 'bundled' } };
}

/** Statuses for pages; pass `runs` when the caller already read the history (the status page shows it too). */
export async function statuses(ctx: AppContext, runs?: RunRecord[]): Promise<SourceStatus[]> {
  return sourceStatuses(ctx.repo, ctx.jobs, runs ?? (await readRuns(ctx.config.dataDir)), ctx.now(), ctx.nextRun, ctx.controller.running);
}

/** Banners for the pages that show series from these sources. */
export function bannersFor(all: SourceStatus[], jobs: string[]): Array<{ job: string; state: string; title: string; messageKey: string; messageParams: Record<string, string | number> }> {
  return all.filter((s) => jobs.includes(s.job) && (s.state === 'stale' || s.state === 'failing')).map((s) => ({ job: s.job, state: s.state, title: s.title, messageKey: s.messageKey, messageParams: s.messageParams }));
}
