// SIGTERM while a refresh runs: the server stops accepting, the job ends cleanly, the process
// exits, and no lock or torn file is left behind.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startReplayServer, type ReplayServer } from '../support/replay-server.ts';
import { REPO, tempDataDir, rawOnlyOf } from '../support/data-dir.ts';
import { readSourceFiles } from '../../src/store/processed-store.ts';
import { lockPath } from '../../src/runner/lock.ts';

let provider: ReplayServer;
afterAll(() => provider?.close());

describe('graceful stop', () => {
  it('exits on SIGTERM during a refresh, leaving parseable files and no lock', async () => {
    // Slow answers (for another date, so nothing is stored): the refresh is still running when the signal comes.
    provider = await startReplayServer({}, () => ({ delayMs: 300, body: Buffer.from('<?xml version="1.0"?><rates><date>01.01.2000</date></rates>') }));
    const dir = await tempDataDir();
    await fs.cp(path.join(REPO, 'data'), dir, { recursive: true, filter: rawOnlyOf('nbk') });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/main.ts')], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dir, PORT: '0', SCHEDULE: 'off', REFRESH_TOKEN: 'graceful-stop-test-token', NBK_RATES_URL: `${provider.url}/rss/get_rates.cfm`, HTTP_RETRIES: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    for (let i = 0; i < 300 && !out.includes('serving'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('serving');
    const port = /serving http:\/\/localhost:(\d+)/.exec(out)![1];
    const res = await fetch(`http://127.0.0.1:${port}/api/refresh`, { method: 'POST', headers: { Authorization: 'Bearer graceful-stop-test-token', 'Content-Type': 'application/json' }, body: JSON.stringify({ source: 'nbk' }) });
    expect(res.status).toBe(202);
    for (let i = 0; i < 300 && provider.hits.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(provider.hits.length).toBeGreaterThan(0); // the refresh is under way
    const t0 = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(out).toMatch(/SIGTERM: stopping/);
    await expect(fs.access(lockPath(dir))).rejects.toThrow();
    expect(await readSourceFiles(dir, 'nbk')).toBeDefined();
    const leftovers = (await fs.readdir(path.join(dir, 'processed'))).filter((n) => n.includes('.tmp-'));
    expect(leftovers).toEqual([]);
  }, 90_000);
});
