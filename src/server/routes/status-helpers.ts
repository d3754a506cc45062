// Source statuses for pages (banners) and the status page, computed from the run history.
import { readRuns, type RunRecord } from '../../pipeline/run-log.ts';
import { sourceStatuses, type SourceStatus } from '../status.ts';
import type { AppContext } from '../app.ts';

/** `runs` when the caller already read the history (the status page shows it too). */
export async function statuses(ctx: AppContext, runs?: RunRecord[]): Promise<SourceStatus[]> {
  return sourceStatuses(ctx.repo, ctx.jobs, runs ?? (await readRuns(ctx.config.dataDir)), ctx.now(), ctx.nextRun, ctx.controller.running);
}

/** Banners for the pages that show series from these sources. */
export function bannersFor(all: SourceStatus[], jobs: string[]): Array<{ job: string; state: string; message: string }> {
  return all.filter((s) => jobs.includes(s.job) && (s.state === 'stale' || s.state === 'failing')).map((s) => ({ job: s.job, state: s.state, message: `${s.title}: ${s.message}` }));
}
