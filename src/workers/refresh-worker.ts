// A refresh run off the server's event loop: building and validating a source's data takes
// hundreds of milliseconds of CPU, which in the server's own thread stalled every page.
// An entry point (like the CLI): it knows the registered jobs; the server does not.
import { parentPort, workerData } from 'node:worker_threads';
import { allJobs } from '../../pipelines/index.ts';
import { refresh } from '../runner/refresh.ts';
import { ledgerAfterJob } from '../ledger/recheck.ts';
import type { RefreshWorkerData } from '../server/refresh-controller.ts';

const { config, jobNames, trigger, runId, lockHeld } = workerData as RefreshWorkerData;
const abort = new AbortController();
parentPort!.on('message', (m) => {
  if (m === 'abort') abort.abort();
});
try {
  const jobs = allJobs(config);
  const records = await refresh({
    config,
    jobs: jobs.filter((j) => jobNames.includes(j.name)),
    trigger,
    runId,
    lockHeld,
    signal: abort.signal,
    onStart: (job, id) => parentPort!.postMessage({ type: 'start', job, runId: id }),
    onProgress: (job, done, total, label) => parentPort!.postMessage({ type: 'progress', job, done, total, label }),
    afterJob: ledgerAfterJob(config.dataDir, jobs.map((j) => j.name)),
  });
  parentPort!.postMessage({ type: 'done', records });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
