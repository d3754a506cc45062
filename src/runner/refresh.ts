// Run a set of jobs under the shared lock and record each run in the history. Used by the
// CLI, the scheduler and the refresh endpoint alike, so they behave the same way. One run id
// names the whole request, from the endpoint's answer to every line it adds to the history.
import type { Config } from '../config.ts';
import { createHttpClient, type FetchFn } from '../http/http-client.ts';
import type { FetchOptions } from '../sources/connector.ts';
import { fileEffects, realSleep } from './effects.ts';
import { PipelineError } from '../domain/errors.ts';
import { acquireLock, type HeldLock, type LockInfo } from './lock.ts';
import type { JobDefinition } from './job.ts';
import { appendRun, newRunId, type RunRecord, type Trigger } from './run-log.ts';
import { runSource } from './run-source.ts';
import type { ParseCache } from './parse.ts';
import { emptySummary } from './run-summary.ts';

/** What a caller adds to a job's record once it has run (e.g. the ledger verdicts that changed). */
export type AfterJob = (record: RunRecord) => Promise<Pick<RunRecord, 'ledgerChanges'> & { notes?: string[] }>;

export interface RefreshRequest {
  config: Config;
  jobs: JobDefinition[];
  trigger: Trigger;
  runId?: string;
  options?: FetchOptions;
  signal?: AbortSignal;
  fetch?: FetchFn;
  parseCache?: ParseCache;
  onStart?: (job: string, runId: string) => void;
  onProgress?: (job: string, done: number, total: number, label: string) => void;
  /** Called after each job, before its record is written and the next job starts. */
  afterJob?: AfterJob;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** An operator's word that an implausible answer or revision is real. */
  allowImplausible?: boolean;
  /** The caller already holds the lock for this run (the server takes it before answering). */
  lockHeld?: boolean;
}

/** Record, for each job, a run that could not start because another refresh held the lock. */
export async function recordRefused(dataDir: string, id: string, trigger: Trigger, jobs: string[], holder: LockInfo | undefined, at: Date = new Date()): Promise<RunRecord[]> {
  const by = holder ? `${holder.holder} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})` : 'another process';
  const records: RunRecord[] = jobs.map((job) => ({
    ...emptySummary(job, at.toISOString()),
    id,
    trigger,
    outcome: 'refused',
    error: { code: 'LOCKED', message: `not started: a refresh was already running: ${by}`, context: { holder: holder ?? null } },
  }));
  for (const r of records) await appendRun(dataDir, r);
  return records;
}

export async function refresh(req: RefreshRequest): Promise<RunRecord[]> {
  const now = req.now ?? (() => new Date());
  const id = req.runId ?? newRunId(req.trigger, now());
  let lock: HeldLock | undefined;
  try {
    if (!req.lockHeld) lock = await acquireLock(req.config.dataDir, `${req.trigger} refresh ${id} of ${req.jobs.map((j) => j.name).join(', ')}`);
  } catch (err) {
    // Refused runs leave a trace: the history and the status page say who held the lock.
    if (err instanceof PipelineError && err.code === 'LOCKED') return recordRefused(req.config.dataDir, id, req.trigger, req.jobs.map((j) => j.name), err.context.holder as LockInfo | undefined, now());
    throw err;
  }
  const sleep = req.sleep ?? realSleep;
  const http = createHttpClient({ fetch: req.fetch, userAgent: req.config.userAgent, timeoutMs: req.config.httpTimeoutMs, retries: req.config.httpRetries, maxBodyBytes: req.config.httpMaxBodyBytes, sleep });
  const effects = fileEffects(req.config.dataDir, { http, sleep, now });
  const records: RunRecord[] = [];
  try {
    for (const job of req.jobs) {
      if (req.signal?.aborted) break;
      req.onStart?.(job.name, id);
      const summary = await runSource(job.connector, effects, {
        fetch: true,
        options: req.options,
        signal: req.signal,
        parseCache: req.parseCache,
        allowImplausible: req.allowImplausible,
        onProgress: (d, t, l) => req.onProgress?.(job.name, d, t, l),
      });
      const record: RunRecord = { id, trigger: req.trigger, ...summary };
      if (req.afterJob) {
        const extra = await req.afterJob(record);
        if (extra.ledgerChanges) record.ledgerChanges = extra.ledgerChanges;
        record.notes.push(...(extra.notes ?? []));
      }
      await appendRun(req.config.dataDir, record);
      records.push(record);
    }
  } finally {
    await lock?.release();
  }
  return records;
}
