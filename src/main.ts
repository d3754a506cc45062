// Entry point: load the bundled (or refreshed) data, start the schedules, listen, and stop
// gracefully: stop accepting, let a running refresh end after the requests in flight (what it
// fetched and validated by then is kept), exit.
import { allJobs, loadJobConfig } from '../pipelines/index.ts';
import { createApp } from './server/app.ts';
import { loadContent } from './server/content.ts';
import { RefreshController } from './server/refresh-controller.ts';
import { startScheduler, type Scheduler } from './server/scheduler.ts';
import { DataRepository } from './store/repository.ts';
import { recoverAfterCrash } from './runner/crash-recovery.ts';

let config: ReturnType<typeof loadJobConfig>;
try {
  config = loadJobConfig();
} catch (err) {
  // A bad setting is the operator's to fix: say which, without a stack.
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
const jobs = allJobs(config);
const names = jobs.map((j) => j.name);

// After a SIGKILL: temp files of an interrupted write, and a lock of a dead process, go.
for (const note of (await recoverAfterCrash(config.dataDir)).notes) console.warn(`note: ${note}`);

const repo = new DataRepository(config.dataDir, names);
await repo.load();
const content = await loadContent(config.dataDir);
const controller = new RefreshController(config, names, new URL('./workers/refresh-worker-bootstrap.mjs', import.meta.url), () => repo.refreshIfChanged());
let scheduler: Scheduler | undefined;
if (config.schedule) scheduler = startScheduler(jobs, controller);

const app = createApp({ config, jobs, repo, controller, content, nextRun: (job) => scheduler?.nextRun(job) ?? null });
const server = app.listen(config.port, () => {
  const port = (server.address() as import('node:net').AddressInfo).port;
  console.log(`kz-indicators: ${repo.list().length} series from ${config.dataDir}, serving http://localhost:${port}`);
  console.log(`schedules ${config.schedule ? 'on' : 'off'}; manual refresh ${config.refreshToken ? 'on (POST /api/refresh with a bearer token)' : 'off (set REFRESH_TOKEN)'}`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping (a running refresh ends after the requests in flight and keeps what they brought)…`);
  await scheduler?.stop();
  server.close();
  server.closeIdleConnections?.();
  await controller.stop();
  server.closeAllConnections?.();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
