// Runs refreshes for the server: one at a time (plus the file lock shared with the CLI), in a
// worker thread so pages keep being served while a source is rebuilt, with progress the status
// page can show. A stop ends the fetch after the requests in flight; what was fetched and
// validated by then is kept (see runner/run-source.ts). The run id made here is the one the
// run history records, so the endpoint's answer and the status page name the same run.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { newRunId, type RunRecord, type Trigger } from '../runner/run-log.ts';
import { acquireLock, type HeldLock, type LockInfo } from '../runner/lock.ts';
import { PipelineError } from '../domain/errors.ts';
import { recordRefused } from '../runner/refresh.ts';

export interface RunningRefresh {
  id: string;
  jobs: string[];
  trigger: Trigger;
  startedAt: string;
  currentJob?: string;
  progress?: { done: number; total: number; label: string };
}

/** What the worker is given: the entry point decides which module runs the jobs. */
export interface RefreshWorkerData {
  config: Config;
  jobNames: string[];
  trigger: Trigger;
  runId: string;
  /** The server took the lock before starting the worker (and releases it when the worker ends). */
  lockHeld: boolean;
}

/** What a start request came to: started, joined the run already going here, or refused (another process holds the lock; the refusal is in the run history). */
export interface StartResult {
  id: string;
  started: boolean;
  refused?: { message: string; holder: LockInfo | undefined };
}

type WorkerMessage =
  | { type: 'start'; job: string; runId: string }
  | { type: 'progress'; job: string; done: number; total: number; label: string }
  | { type: 'done'; records: RunRecord[] }
  | { type: 'error'; message: string };

export class RefreshController {
  running: RunningRefresh | undefined;
  private promise: Promise<RunRecord[]> | undefined;
  private worker: Worker | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private config: Config,
    private jobNames: string[],
    /** The worker module (an entry point that knows the jobs). */
    private workerUrl: URL,
    private onDone: () => Promise<void> = async () => {},
  ) {}

  /**
   * Start a refresh unless one is running. The lock is taken here, before anyone is answered, so
   * the answer and the run history always agree: a run another process holds the lock against is
   * refused and recorded as such, never announced as started.
   */
  async start(jobNames: string[], trigger: Trigger): Promise<StartResult> {
    // One start at a time: a request arriving while another waits for the lock learns its
    // outcome first (joins the run it started, or tries, and is refused, on its own record).
    while (this.starting) await this.starting;
    if (this.running) return { id: this.running.id, started: false };
    const attempt = this.tryStart(jobNames, trigger);
    this.starting = attempt.then(() => undefined, () => undefined);
    try {
      return await attempt;
    } finally {
      this.starting = undefined;
    }
  }

  private async tryStart(jobNames: string[], trigger: Trigger): Promise<StartResult> {
    const names = this.jobNames.filter((j) => jobNames.includes(j));
    const id = newRunId(trigger);
    let lock: HeldLock;
    try {
      lock = await acquireLock(this.config.dataDir, `${trigger} refresh ${id} of ${names.join(', ')}`);
    } catch (err) {
      if (!(err instanceof PipelineError && err.code === 'LOCKED')) throw err;
      const holder = err.context.holder as LockInfo | undefined;
      const [refused] = await recordRefused(this.config.dataDir, id, trigger, names, holder);
      return { id, started: false, refused: { message: refused.error!.message, holder } };
    }
    this.running = { id, jobs: names, trigger, startedAt: new Date().toISOString() };
    this.runWorker(id, names, trigger, lock);
    return { id, started: true };
  }

  private runWorker(id: string, names: string[], trigger: Trigger, lock: HeldLock): void {
    const data: RefreshWorkerData = { config: { ...this.config }, jobNames: names, trigger, runId: id, lockHeld: true };
    const worker = new Worker(this.workerUrl, { workerData: data });
    this.worker = worker;
    this.promise = new Promise<RunRecord[]>((resolve) => {
      let records: RunRecord[] = [];
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'start' && this.running) this.running.currentJob = m.job;
        else if (m.type === 'progress' && this.running) this.running.progress = { done: m.done, total: m.total, label: m.label };
        else {
          if (m.type === 'done') records = m.records;
          else if (m.type === 'error') console.error(`refresh ${id}: ${m.message}`);
          // The loader's helper process keeps a finished worker alive; end it once it has reported.
          void worker.terminate();
        }
      });
      worker.on('error', (err) => console.error(`refresh ${id}: ${err.message}`));
      worker.on('exit', () => resolve(records));
    }).finally(async () => {
      await lock.release().catch(() => undefined);
      this.running = undefined;
      this.worker = undefined;
      await this.onDone().catch(() => undefined);
    });
  }

  /** Wait for the run in progress, if any (tests, graceful stop). */
  async settle(): Promise<RunRecord[]> {
    return (await this.promise) ?? [];
  }

  /** Ask a running job to stop after the requests in flight, then wait for it. */
  async stop(): Promise<void> {
    this.worker?.postMessage('abort');
    await this.promise?.catch(() => undefined);
  }
}
