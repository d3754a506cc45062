// What one run of one source did, as the CLI prints it and the run history keeps it.
import type { Conflict } from './build.ts';

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
  /** 'refused': the run could not start (another refresh held the lock); nothing was fetched. */
  outcome: 'success' | 'failed' | 'refused';
  /** Requests answered and accepted this run. */
  fetched: number;
  /** Raw snapshot files written (identical bodies are not stored twice). */
  snapshotsWritten: string[];
  changes: SeriesChange[];
  conflicts: Conflict[];
  notes: string[];
  error?: { code: string; message: string; context: Record<string, unknown> };
}

export function emptySummary(job: string, at: string): RunSummary {
  return { job, startedAt: at, endedAt: at, outcome: 'success', fetched: 0, snapshotsWritten: [], changes: [], conflicts: [], notes: [] };
}
