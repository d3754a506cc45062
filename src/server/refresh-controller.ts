// Runs refreshes for the server: one at a time (plus the file lock shared with the CLI), in a
// worker thread so pages keep being served while a source is rebuilt, with progress the status
// page can show. A stop ends the fetch after the requests in flight; what was fetched and
// validated by then is kept (see runner/run-source.ts). The run id made here is the one the
// run history records, so the endpoint's answer and the status page name the same run.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { newRunId, type RunRecord, type Trigger } from '../runner/run-log.ts';

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

  constructor(
    private config: Config,
    private jobNames: string[],
    /** The worker module (an entry point that knows the jobs). */
    private workerUrl: URL,
    private onDone: () => Promise<void> = async () => {},
  ) {}

  /** Start a refresh unless one is running; either way return the id of the run in progress. */
  start(jobNames: string[], trigger: Trigger): { id: string; started: boolean } {
    if (this.running) return { id: this.running.id, started: false };
    const names = this.jobNames.filter((j) => jobNames.includes(j));
    const id = newRunId(trigger);
    this.running = { id, jobs: names, trigger, startedAt: new Date().toISOString() };
    const data: RefreshWorkerData = { config: { ...this.config }, jobNames: names, trigger, runId: id };
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
      this.running = undefined;
      this.worker = undefined;
      await this.onDone().catch(() => undefined);
    });
    return { id, started: true };
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
