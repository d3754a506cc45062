// The trials `npm run check:reliability` adds for the hardening issue, each bounded and on
// loopback: a 300 MB answer, a full disk and its recovery, 20 refresh requests while the CLI
// holds the lock, and the heavy CSV API hammered while cached pages are measured.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { copyDataDir, processedBytes, REPO, tempDataDir, testConfig } from '../tests/support/data-dir.ts';
import { rebuildAll } from '../src/runner/rebuild.ts';
import { jobNamed } from '../pipelines/index.ts';
import { readRuns, runLogPath } from '../src/runner/run-log.ts';
import { acquireLock } from '../src/runner/lock.ts';

const run = promisify(execFile);
const cli = path.join(REPO, 'src/cli/refresh.ts');

/** A provider whose answer for one date is the recorded XML followed by `padMb` MB of spaces, streamed. */
async function bigAnswerServer(padMb: number): Promise<{ url: string; close(): Promise<void> }> {
  const xml = (await fs.readFile(path.join(REPO, 'tests/fixtures/nbk/get_rates_fdate=2026-04-02.xml'), 'utf8')).replace('</rates>', '');
  const chunk = Buffer.alloc(1_000_000, 0x20);
  const server = http.createServer(async (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.write(xml);
    for (let i = 0; i < padMb && !res.destroyed; i++) if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    res.end('</rates>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** Peak RSS (MB) and output of `npm run refresh` in a child, via GNU time. */
async function refreshChild(dataDir: string, env: Record<string, string>, args: string[]): Promise<{ code: number; rssMb: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB %M', process.execPath, '--import', 'tsx', cli, ...args], { cwd: REPO, env: { ...process.env, DATA_DIR: dataDir, HTTP_RETRIES: '0', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, rssMb: Math.round(Number(/PEAK_RSS_KB (\d+)/.exec(out)?.[1] ?? 0) / 1024), out }));
  });
}

export async function hugeAnswerTrial() {
  const provider = await bigAnswerServer(300);
  const dir = await tempDataDir(['nbk/imported']);
  await rebuildAll(dir, [jobNamed('nbk', testConfig(dir))]);
  const before = await processedBytes(dir);
  const r = await refreshChild(dir, { NBK_RATES_URL: `${provider.url}/rss/get_rates.cfm` }, ['--source', 'nbk', '--from', '2026-04-02', '--to', '2026-04-02']);
  await provider.close();
  const rejected = await fs.readdir(path.join(dir, 'rejected'), { recursive: true }).catch(() => [] as string[]);
  return { answerMb: 300, exitCode: r.code, code: /\[(\w+)\]/.exec(r.out)?.[1] ?? null, peakRssMb: r.rssMb, processedUnchanged: JSON.stringify([...(await processedBytes(dir))]) === JSON.stringify([...before]), rejectedFiles: rejected.length };
}

export async function fullDiskTrial() {
  const mount = await fs.mkdtemp('/tmp/kz-fulldisk-');
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
  } catch (err) {
    return { skipped: `cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})` };
  }
  try {
    const src = await tempDataDir(['nbk/imported']);
    await rebuildAll(src, [jobNamed('nbk', testConfig(src))]);
    await fs.cp(src, mount, { recursive: true });
    // The recorded answer of 2 April re-dated to the day after the bundled history: a new date, so
    // the processed rates file (2 MB) is rewritten, and the disk runs out there.
    const xml = (await fs.readFile(path.join(REPO, 'tests/fixtures/nbk/get_rates_fdate=2026-04-02.xml'), 'utf8')).replace('<date>02.04.2026</date>', '<date>12.09.2026</date>');
    const provider = http.createServer((_q, s) => s.end(xml));
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
    const env = { NBK_RATES_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/rss/get_rates.cfm` };
    const args = ['--source', 'nbk', '--from', '2026-09-12', '--to', '2026-09-12'];
    // Fill the disk to within 500 kB.
    const { stdout } = await run('df', ['--output=avail', '-B1', mount]);
    const avail = Number(stdout.trim().split('\n')[1]);
    await fs.writeFile(path.join(mount, 'filler'), Buffer.alloc(Math.max(0, avail - 500_000)));
    const full = await refreshChild(mount, env, args);
    await fs.rm(path.join(mount, 'filler'));
    await run('mount', ['-o', 'remount,size=16m', mount]);
    const after = await refreshChild(mount, env, args);
    provider.close();
    const rebuilt = await copyDataDir(mount);
    await rebuildAll(rebuilt, [jobNamed('nbk', testConfig(rebuilt))]);
    const text = await fs.readFile(runLogPath(mount), 'utf8').catch(() => '');
    const lines = text.split('\n').filter((l) => l.trim());
    const torn = lines.filter((l) => { try { JSON.parse(l); return false; } catch { return true; } }).length;
    const temps = (await fs.readdir(path.join(mount, 'processed'))).filter((n) => n.includes('.tmp-')).length;
    return {
      fullDisk: { exitCode: full.code, code: /\[(\w+)\]/.exec(full.out)?.[1] ?? null },
      afterSpaceFreed: { exitCode: after.code, processedEqualsRebuild: JSON.stringify([...(await processedBytes(mount))]) === JSON.stringify([...(await processedBytes(rebuilt))]) },
      runLog: { records: (await readRuns(mount)).length, tornLines: torn },
      tempFilesLeft: temps,
    };
  } finally {
    await run('umount', [mount]).catch(() => undefined);
  }
}

export async function refusedRequestsTrial(url: string, token: string, dataDir: string) {
  const lock = await acquireLock(dataDir, 'cli refresh (reliability trial)');
  const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/api/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"source":"nbk"}' }).then((r) => r.status)));
  await lock.release();
  const refused = (await readRuns(dataDir)).filter((r) => r.outcome === 'refused').length;
  return { requests: 20, answered409: answers.filter((s) => s === 409).length, otherStatuses: answers.filter((s) => s !== 409), refusedRunsRecorded: refused };
}

function cannon(url: string, paths: string[], seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon({ url, connections: 25, duration: seconds, requests: paths.map((p) => ({ path: p })) }, (err, res) => (err ? reject(err) : resolve(res))));
}

export async function heavyEndpointTrial(url: string, seconds: number) {
  const pages = ['/series/nbk.USD', '/series/imf.NGDPD.KAZ', '/'];
  const alone = await cannon(url, pages, seconds);
  const heavy = Array.from({ length: 12 }, (_, i) => `/api/series/nbk.${['USD', 'EUR', 'RUB', 'CNY'][i % 4]}?format=csv&freq=${['m', 'q', 'a'][i % 3]}`);
  const [during] = await Promise.all([cannon(url, pages, seconds), cannon(url, heavy, seconds)]);
  return { cachedPagesAloneP99Ms: alone.latency.p99, cachedPagesDuringCsvHammerP99Ms: during.latency.p99, ratio: Math.round((during.latency.p99 / Math.max(1, alone.latency.p99)) * 100) / 100, errors: alone.errors + during.errors };
}
