// Runs refreshes for the server: one at a time (plus the file lock shared with the CLI), in a
// worker thread so pages keep being served while a source is rebuilt, with progress the status
// page can show, and a stop that lets a running job end cleanly before its write.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { JobDefinition } from '../pipeline/job.ts';
import type { RunRecord, Trigger } from '../pipeline/run-log.ts';

export interface RunningRefresh {
  id: string;
  jobs: string[];
  trigger: Trigger;
  startedAt: string;
  currentJob?: string;
  progress?: { done: number; total: number; label: string };
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
  lastError: string | undefined;

  constructor(
    private config: Config,
    private jobs: JobDefinition[],
    private onDone: () => Promise<void> = async () => {},
  ) {}

  /** Start a refresh unless one is running; either way return the id of the run in progress. */
  start(jobNames: string[], trigger: Trigger): { id: string; started: boolean } {
    if (this.running) return { id: this.running.id, started: false };
    const names = this.jobs.filter((j) => jobNames.includes(j.name)).map((j) => j.name);
    const startedAt = new Date().toISOString();
    const id = `${startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${trigger}`;
    this.running = { id, jobs: names, trigger, startedAt };
    const worker = new Worker(new URL('./refresh-worker-bootstrap.mjs', import.meta.url), {
      workerData: { config: { ...this.config }, jobNames: names, trigger },
    });
    this.worker = worker;
    this.promise = new Promise<RunRecord[]>((resolve) => {
      let records: RunRecord[] = [];
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'start' && this.running) this.running.currentJob = m.job;
        else if (m.type === 'progress' && this.running) this.running.progress = { done: m.done, total: m.total, label: m.label };
        else {
          if (m.type === 'done') records = m.records;
          else if (m.type === 'error') this.lastError = m.message;
          // The loader's helper process keeps a finished worker alive; end it once it has reported.
          void worker.terminate();
        }
      });
      worker.on('error', (err) => (this.lastError = err.message));
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

  /** Ask a running job to stop before its next write, then wait for it. */
  async stop(): Promise<void> {
    this.worker?.postMessage('abort');
    await this.promise?.catch(() => undefined);
  }
}
