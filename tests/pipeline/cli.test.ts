// The refresh command as a person runs it: exit code 0 only if every requested source
// succeeded, and a summary that names the error code, the source and the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startReplayServer, type ReplayServer } from '../support/replay-server.ts';
import { fixture, processedBytes, REPO, tempDataDir, testConfig } from '../support/data-dir.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { jobNamed } from '../../pipelines/index.ts';

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer({
    '/ok/get_rates.cfm?fdate=01.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-01.xml') },
    '/down/get_rates.cfm?fdate=01.04.2026': { status: 503, body: 'Service Unavailable' },
  });
});
afterAll(() => server.close());

function cli(dataDir: string, feed: string, args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/cli/refresh.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, NBK_RATES_URL: `${server.url}/${feed}/get_rates.cfm`, HTTP_RETRIES: '1' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('npm run refresh', () => {
  it('exits 0 with a summary when the source succeeds', async () => {
    const dir = await tempDataDir(['nbk/imported']);
    const r = await cli(dir, 'ok', ['--source', 'nbk', '--from', '2026-04-01', '--to', '2026-04-01']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/nbk: SUCCESS/);
    expect(r.out).toMatch(/fetched 1 answer\(s\), stored 1 new raw snapshot\(s\)/);
  });

  it('exits 1 and names the code, source and URL when the provider is down; processed files unchanged', async () => {
    const dir = await tempDataDir(['nbk/imported']);
    await rebuildAll(dir, [jobNamed('nbk', testConfig(dir))]);
    const before = await processedBytes(dir);
    const r = await cli(dir, 'down', ['--source', 'nbk', '--from', '2026-04-01', '--to', '2026-04-01']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ERROR \[HTTP_SERVER_ERROR\] nbk answered HTTP 503 after 2 attempt\(s\)/);
    expect(r.out).toMatch(/where: source=nbk url=http:\/\/127\.0\.0\.1:\d+\/down\/get_rates\.cfm\?fdate=01\.04\.2026/);
    expect(r.out).toMatch(/last good processed data was left unchanged/);
    expect(await processedBytes(dir)).toEqual(before);
  });

  it('refuses an unknown source or a malformed date with exit code 2', async () => {
    const dir = await tempDataDir();
    // Refused before any work: the three can run at once.
    const [source, date, unknown] = await Promise.all([
      cli(dir, 'ok', ['--source', 'nope']),
      cli(dir, 'ok', ['--source', 'nbk', '--from', '1.4.2026']),
      cli(dir, 'ok', ['--sauce', 'nbk']),
    ]);
    expect(source.code).toBe(2);
    expect(source.out).toMatch(/unknown source nope; choose from imf, nbk, worldbank, imts, bns, comtrade, wiiw, eurostat or all/);
    expect(date.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(/unknown argument "--sauce"/);
  });
});
