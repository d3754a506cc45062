// Rebuild every source's processed files from raw snapshots alone (no network), under the lock.
import { acquireLock } from './lock.ts';
import type { JobDefinition } from './job.ts';
import { runJob, type ParseCache, type RunSummary } from './run-job.ts';
import { removeStaleTempFiles } from '../store/atomic-write.ts';
import path from 'node:path';

export async function rebuildAll(dataDir: string, jobs: JobDefinition[], parseCache?: ParseCache): Promise<RunSummary[]> {
  const lock = await acquireLock(dataDir, 'rebuild');
  try {
    await removeStaleTempFiles(path.join(dataDir, 'processed'));
    const out: RunSummary[] = [];
    for (const job of jobs) out.push(await runJob(job.connector, { dataDir, fetch: false, parseCache }));
    return out;
  } finally {
    await lock.release();
  }
}
