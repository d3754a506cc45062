// The app over a data folder, without a port.
import { createApp } from '../../src/server/app.ts';
import { loadContent } from '../../src/server/content.ts';
import { DataRepository } from '../../src/store/repository.ts';
import { RefreshController } from '../../src/server/refresh-controller.ts';
import { allJobs } from '../../pipelines/index.ts';
import { vocabularyOf } from '../../src/runner/job.ts';
import { testConfig, REPO } from './data-dir.ts';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const WORKER_URL = pathToFileURL(path.join(REPO, 'src/workers/refresh-worker-bootstrap.mjs'));

export async function testApp(dataDir: string, env: Record<string, string> = {}, clock?: () => number) {
  const config = testConfig(dataDir, env);
  const jobs = allJobs(config);
  const names = jobs.map((j) => j.name);
  const repo = new DataRepository(config.dataDir, names, clock);
  await repo.load();
  const controller = new RefreshController(config, names, WORKER_URL, () => repo.refreshIfChanged());
  const content = await loadContent(config.dataDir);
  const app = createApp({ config, jobs, repo, controller, content, nextRun: () => null, now: () => new Date('2026-11-28T12:00:00Z') });
  return { app, repo, controller, config, jobs, vocabulary: vocabularyOf(jobs) };
}

const shared = new Map<string, ReturnType<typeof testApp>>();

/** One app per data folder and settings, for tests that only read (or are refused before
 *  anything runs): loading the data is most of a server test's time. */
export function sharedApp(dataDir: string, env: Record<string, string> = {}): ReturnType<typeof testApp> {
  const key = JSON.stringify([dataDir, env]);
  let app = shared.get(key);
  if (!app) shared.set(key, (app = testApp(dataDir, env)));
  return app;
}
