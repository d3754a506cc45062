// Entry point: load the bundled (or refreshed) data, start the schedules, listen, and stop
// gracefully: stop accepting, let a running job end before its write, exit.
import { loadConfig } from './config.ts';
import { allJobs } from '../pipelines/index.ts';
import { DataRepository } from './server/repository.ts';
import { RefreshController } from './server/refresh-controller.ts';
import { startScheduler, type Scheduler } from './server/scheduler.ts';
import { createApp } from './server/app.ts';
import { removeStaleTempFiles } from './store/atomic-write.ts';
import { readLock, processAlive, lockPath } from './pipeline/lock.ts';
import fs from 'node:fs/promises';
import path from 'node:path';

const config = loadConfig();
const jobs = allJobs(config);

// After a SIGKILL: temp files of an interrupted write, and a lock of a dead process, go.
const lock = await readLock(config.dataDir);
if (!lock || !processAlive(lock.pid)) {
  await removeStaleTempFiles(path.join(config.dataDir, 'processed'));
  if (lock) await fs.rm(lockPath(config.dataDir), { force: true });
}

const repo = new DataRepository(config.dataDir, jobs.map((j) => j.name));
await repo.load();
const controller = new RefreshController(config, jobs, () => repo.refreshIfChanged());
let scheduler: Scheduler | undefined;
if (config.schedule) scheduler = startScheduler(jobs, controller);

const app = createApp({ config, jobs, repo, controller, nextRun: (job) => scheduler?.nextRun(job) ?? null });
const server = app.listen(config.port, () => {
  const count = repo.list().length;
  console.log(`kz-indicators: ${count} series from ${config.dataDir}, serving http://localhost:${config.port}`);
  console.log(`schedules ${config.schedule ? 'on' : 'off'}; manual refresh ${config.refreshToken ? 'on (POST /api/refresh with a bearer token)' : 'off (set REFRESH_TOKEN)'}`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping (a running refresh ends before its write)…`);
  await scheduler?.stop();
  server.close();
  server.closeIdleConnections?.();
  await controller.stop();
  setTimeout(() => process.exit(0), 5000).unref();
  server.closeAllConnections?.();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
