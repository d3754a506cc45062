// Runs refreshes inside the server process: one at a time (plus the file lock shared with
// the CLI), with progress that the status page can show, and a stop that lets a running job
// end cleanly before its write.
import type { Config } from '../config.ts';
import type { FetchFn } from '../http/http-client.ts';
import type { JobDefinition } from '../pipeline/job.ts';
import { refresh } from '../pipeline/refresh.ts';
import type { ParseCache } from '../pipeline/run-job.ts';
import type { RunRecord, Trigger } from '../pipeline/run-log.ts';
import { afterRefresh } from '../ledger/recheck.ts';

export interface RunningRefresh {
  id: string;
  jobs: string[];
  trigger: Trigger;
  startedAt: string;
  currentJob?: string;
  progress?: { done: number; total: number; label: string };
}

export class RefreshController {
  running: RunningRefresh | undefined;
  private promise: Promise<RunRecord[]> | undefined;
  private abort = new AbortController();
  private parseCache: ParseCache = new Map();
  lastError: string | undefined;

  constructor(
    private config: Config,
    private jobs: JobDefinition[],
    private onDone: () => Promise<void> = async () => {},
    private fetchImpl?: FetchFn,
  ) {}

  /** Start a refresh unless one is running; either way return the id of the run in progress. */
  start(jobNames: string[], trigger: Trigger): { id: string; started: boolean } {
    if (this.running) return { id: this.running.id, started: false };
    const jobs = this.jobs.filter((j) => jobNames.includes(j.name));
    const startedAt = new Date().toISOString();
    const id = `${startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${trigger}`;
    this.running = { id, jobs: jobs.map((j) => j.name), trigger, startedAt };
    this.promise = refresh({
      config: this.config,
      jobs,
      trigger,
      signal: this.abort.signal,
      fetch: this.fetchImpl,
      parseCache: this.parseCache,
      onStart: (job) => {
        if (this.running) this.running.currentJob = job;
      },
      onProgress: (_job, done, total, label) => {
        if (this.running) this.running.progress = { done, total, label };
      },
      afterJob: (r) => afterRefresh(this.config.dataDir, r),
    })
      .catch((err) => {
        this.lastError = err instanceof Error ? err.message : String(err);
        return [] as RunRecord[];
      })
      .finally(async () => {
        this.running = undefined;
        await this.onDone().catch(() => undefined);
      });
    return { id, started: true };
  }

  /** Wait for the run in progress, if any (tests, graceful stop). */
  async settle(): Promise<RunRecord[]> {
    return (await this.promise) ?? [];
  }

  /** Ask a running job to stop before its next write, then wait for it. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.promise?.catch(() => undefined);
  }
}
