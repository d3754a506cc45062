// npm run refresh -- [--source <job>[,<job>]|all] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--allow-implausible]
// Fetch, store, process. Exit code 0 only if every requested source succeeded.
import { allJobs, loadJobConfig } from '../../pipelines/index.ts';
import type { Config } from '../config.ts';
import { refresh } from '../runner/refresh.ts';
import { PipelineError } from '../domain/errors.ts';
import { parseArgs } from './args.ts';
import { createProgressBar } from './progress-bar.ts';
import { formatRun } from './summary.ts';
import { ledgerAfterJob } from '../ledger/recheck.ts';

async function main(): Promise<number> {
  let args: Record<string, string>;
  try {
    args = parseArgs(process.argv.slice(2), ['source', 'from', 'to'], ['allow-implausible']);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  let config: Config;
  try {
    config = loadJobConfig();
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const jobs = allJobs(config);
  const wanted = (args.source ?? 'all').split(',');
  const selected = wanted.includes('all') ? jobs : jobs.filter((j) => wanted.includes(j.name));
  const unknown = wanted.filter((w) => w !== 'all' && !jobs.some((j) => j.name === w));
  if (unknown.length || !selected.length) {
    console.error(`unknown source ${unknown.join(', ')}; choose from ${jobs.map((j) => j.name).join(', ')} or all`);
    return 2;
  }
  for (const [k, v] of Object.entries({ from: args.from, to: args.to })) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      console.error(`--${k} must be YYYY-MM-DD, got ${v}`);
      return 2;
    }
  }
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    console.error('\nstopping after the requests in flight (Ctrl-C again to quit at once)…');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const bars = new Map<string, ReturnType<typeof createProgressBar>>();
  try {
    const records = await refresh({
      config,
      jobs: selected,
      trigger: 'cli',
      options: { from: args.from, to: args.to },
      signal: controller.signal,
      allowImplausible: args['allow-implausible'] === 'yes',
      onProgress: (job, d, t, l) => {
        if (!bars.has(job)) bars.set(job, createProgressBar());
        bars.get(job)!.update(d, t, `${job} ${l}`);
      },
      afterJob: ledgerAfterJob(config.dataDir, jobs.map((j) => j.name)),
    });
    for (const r of records) console.log(formatRun(r));
    return records.length === selected.length && records.every((r) => r.outcome === 'success') ? 0 : 1;
  } catch (err) {
    if (err instanceof PipelineError) console.error(err.describe());
    else console.error(err);
    return 1;
  }
}

process.exitCode = await main();
