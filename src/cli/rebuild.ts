// npm run rebuild: rebuild all processed data from the raw snapshots, with no network.
import { allJobs, loadJobConfig } from '../../pipelines/index.ts';
import { rebuildAll } from '../runner/rebuild.ts';
import { PipelineError } from '../domain/errors.ts';

const config = loadJobConfig();
try {
  const results = await rebuildAll(config.dataDir, allJobs(config));
  let failed = 0;
  for (const r of results) {
    const series = r.changes.length ? `, ${r.changes.length} series changed` : ', no change';
    console.log(`${r.job}: ${r.outcome}${r.outcome === 'success' ? series : ''}${r.error ? ` [${r.error.code}] ${r.error.message}` : ''}`);
    for (const n of r.notes) console.log(`  note: ${n}`);
    if (r.conflicts.length) console.log(`  ${r.conflicts.length} disagreement(s) between snapshots for the same date`);
    if (r.outcome !== 'success') failed++;
  }
  process.exitCode = failed ? 1 : 0;
} catch (err) {
  console.error(err instanceof PipelineError ? err.describe() : err);
  process.exitCode = 1;
}
