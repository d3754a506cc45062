// Run a set of jobs under the shared lock and record each run in the history. Used by the
// CLI, the scheduler and the refresh endpoint alike, so they behave the same way.
import type { Config } from '../config.ts';
import { createHttpClient, type FetchFn } from '../http/http-client.ts';
import type { FetchOptions } from '../sources/connector.ts';
import { acquireLock } from './lock.ts';
import type { JobDefinition } from './job.ts';
import { appendRun, newRunId, type RunRecord, type Trigger } from './run-log.ts';
import { runJob, type ParseCache } from './run-job.ts';

export interface RefreshRequest {
  config: Config;
  jobs: JobDefinition[];
  trigger: Trigger;
  options?: FetchOptions;
  signal?: AbortSignal;
  fetch?: FetchFn;
  parseCache?: ParseCache;
  onStart?: (job: string, runId: string) => void;
  onProgress?: (job: string, done: number, total: number, label: string) => void;
  /** Called after each job with its record, before the next starts (e.g. to recompute the ledger). */
  afterJob?: (record: RunRecord) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export async function refresh(req: RefreshRequest): Promise<RunRecord[]> {
  const lock = await acquireLock(req.config.dataDir, `${req.trigger} refresh of ${req.jobs.map((j) => j.name).join(', ')}`);
  const http = createHttpClient({ fetch: req.fetch, userAgent: req.config.userAgent, timeoutMs: req.config.httpTimeoutMs, retries: req.config.httpRetries, sleep: req.sleep });
  const records: RunRecord[] = [];
  try {
    for (const job of req.jobs) {
      if (req.signal?.aborted) break;
      const id = newRunId(job.name);
      req.onStart?.(job.name, id);
      const summary = await runJob(job.connector, {
        dataDir: req.config.dataDir,
        http,
        fetch: true,
        options: req.options,
        signal: req.signal,
        parseCache: req.parseCache,
        sleep: req.sleep,
        onProgress: (d, t, l) => req.onProgress?.(job.name, d, t, l),
      });
      const record: RunRecord = { id, trigger: req.trigger, ...summary };
      await req.afterJob?.(record);
      await appendRun(req.config.dataDir, record);
      records.push(record);
    }
  } finally {
    await lock.release();
  }
  return records;
}
