// SIGKILL a refresh at random moments: processed files always parse and are the old or new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../support/replay-server.ts';
import { copyDataDir, fixture, tempDataDir, testConfig } from '../support/data-dir.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { jobNamed } from '../../pipelines/index.ts';
import { hashes, killTrial, runRefreshChild } from '../support/kill-trials.ts';
import { seededRandom } from '../support/seeded-random.ts';

let server: ReplayServer;
let template: string;
let before: Map<string, string>;
let after: Map<string, string>;
const args = ['--source', 'nbk', '--from', '2026-04-01', '--to', '2026-04-02'];
let env: Record<string, string>;

beforeAll(async () => {
  server = await startReplayServer({
    '/rss/get_rates.cfm?fdate=01.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-01.xml') },
    '/rss/get_rates.cfm?fdate=02.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-02.xml') },
  });
  env = { NBK_RATES_URL: `${server.url}/rss/get_rates.cfm` };
  template = await tempDataDir(['nbk/imported']);
  await rebuildAll(template, [jobNamed('nbk', testConfig(template))]);
  before = await hashes(template);
  const full = await copyDataDir(template);
  const child = runRefreshChild(full, env, args);
  const code = await new Promise((r) => child.once('exit', r));
  expect(code).toBe(0);
  after = await hashes(full);
  // The run really changes files, so "old or new" is a real distinction.
  expect([...after].some(([n, h]) => before.get(n) !== h)).toBe(true);
}, 60_000);
afterAll(() => server.close());

describe('SIGKILL during a refresh', () => {
  it('never leaves a torn or mixed processed file, nor a lock that blocks', async () => {
    // Six kill points, one in each sixth of the run's first 2.5 s (stratified: an even spread, seeded).
    const random = seededRandom(20261201);
    const trials = 6;
    for (let i = 0; i < trials; i++) {
      const r = await killTrial(template, env, args, before, after, Math.floor(((i + random()) / trials) * 2500));
      expect({ ...r, killedAtMs: undefined }, `trial ${i} killed at ${r.killedAtMs} ms: ${JSON.stringify(r)}`).toMatchObject({ torn: 0, neither: [], stuckLock: false });
    }
  }, 120_000);
});
