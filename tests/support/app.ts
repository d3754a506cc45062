// The app over a data folder, without a port.
import { createApp } from '../../src/server/app.ts';
import { DataRepository } from '../../src/server/repository.ts';
import { RefreshController } from '../../src/server/refresh-controller.ts';
import { allJobs } from '../../pipelines/index.ts';
import { testConfig } from './data-dir.ts';

export async function testApp(dataDir: string, env: Record<string, string> = {}) {
  const config = testConfig(dataDir, env);
  const jobs = allJobs(config);
  const repo = new DataRepository(config.dataDir, jobs.map((j) => j.name));
  await repo.load();
  const controller = new RefreshController(config, jobs, () => repo.refreshIfChanged());
  const app = createApp({ config, jobs, repo, controller, nextRun: () => null, now: () => new Date('2026-11-28T12:00:00Z') });
  return { app, repo, controller, config, jobs };
}
