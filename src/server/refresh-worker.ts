// A refresh run off the server's event loop: building and validating a source's data takes
// hundreds of milliseconds of CPU, which in the server's own thread stalled every page.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { allJobs } from '../../pipelines/index.ts';
import { refresh } from '../pipeline/refresh.ts';
import { afterRefresh } from '../ledger/recheck.ts';
import type { Trigger } from '../pipeline/run-log.ts';

const { config, jobNames, trigger } = workerData as { config: Config; jobNames: string[]; trigger: Trigger };
const abort = new AbortController();
parentPort!.on('message', (m) => {
  if (m === 'abort') abort.abort();
});
try {
  const records = await refresh({
    config,
    jobs: allJobs(config).filter((j) => jobNames.includes(j.name)),
    trigger,
    signal: abort.signal,
    onStart: (job, runId) => parentPort!.postMessage({ type: 'start', job, runId }),
    onProgress: (job, done, total, label) => parentPort!.postMessage({ type: 'progress', job, done, total, label }),
    afterJob: (r) => afterRefresh(config.dataDir, r),
  });
  parentPort!.postMessage({ type: 'done', records });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
