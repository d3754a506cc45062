// Rebuild every source's processed files from raw snapshots alone (no network), under the lock.
import path from 'node:path';
import { removeStaleTempFiles } from '../store/atomic-write.ts';
import { fileEffects } from './effects.ts';
import type { JobDefinition } from './job.ts';
import { acquireLock } from './lock.ts';
import type { ParseCache } from './parse.ts';
import type { RunSummary } from './run-summary.ts';
import { runSource } from './run-source.ts';

export async function rebuildAll(dataDir: string, jobs: JobDefinition[], parseCache?: ParseCache): Promise<RunSummary[]> {
  const lock = await acquireLock(dataDir, 'rebuild');
  try {
    await removeStaleTempFiles(path.join(dataDir, 'processed'));
    const effects = fileEffects(dataDir);
    const out: RunSummary[] = [];
    for (const job of jobs) out.push(await runSource(job.connector, effects, { fetch: false, parseCache }));
    return out;
  } finally {
    await lock.release();
  }
}
