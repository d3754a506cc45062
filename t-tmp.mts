import { spawn } from 'node:child_process';
import path from 'node:path';
import { startReplayServer } from '/work/main/tests/support/replay-server.ts';
import { copyDataDir, fixture, tempDataDir, testConfig, REPO } from '/work/main/tests/support/data-dir.ts';
import { rebuildAll } from '/work/main/src/runner/rebuild.ts';
import { jobNamed } from '/work/main/pipelines/index.ts';
const server = await startReplayServer({
  '/rss/get_rates.cfm?fdate=01.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-01.xml') },
  '/rss/get_rates.cfm?fdate=02.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-02.xml') },
});
const template = await tempDataDir(['nbk/imported']);
await rebuildAll(template, [jobNamed('nbk', testConfig(template))]);
const dir = await copyDataDir(template);
const t0 = performance.now();
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', path.join(REPO, 'src/cli/refresh.ts'), '--source', 'nbk', '--from', '2026-04-01', '--to', '2026-04-02'], { cwd: REPO, env: { ...process.env, DATA_DIR: dir, HTTP_RETRIES: '0', NBK_RATES_URL: `${server.url}/rss/get_rates.cfm` }, stdio: 'inherit' });
await new Promise((r) => child.once('exit', r));
console.log('child', (performance.now() - t0).toFixed(0), 'ms');
server.close();
