// npm run check:reliability — bounded in time, loopback only.
//  (1) 100 trials of SIGKILL at a random moment of a refresh against the replay server: after
//      each, every processed file parses and is the old or the new version, and the lock left by
//      the killed process does not block the next run.
//  (2) 50 connections for 30 s on series pages and CSV downloads while refreshes run: requests,
//      errors, non-2xx, p99.
//  (3) a 300 MB answer (peak RSS of the CLI), (4) a full disk (a 4 MB tmpfs) during a refresh,
//      then space freed and one ordinary refresh, (5) 20 refresh requests while the CLI holds the
//      lock, (6) the CSV API hammered while cached pages are measured (scripts/reliability-trials.ts),
//  (7) 200 random damages to files at rest, each met by a server start, a refresh and a rebuild,
//      (8) 500 pairs of processes taking the lock at once, (9) two servers on one folder asked at
//      0, 0.2 and 1 s apart (scripts/damage-trials.ts).
// Targets: 0 torn files, 0 errors, 0 5xx; peak RSS ≤ 300 MB; processed = rebuild after a full
// disk; every refused request 409 and recorded; cached p99 ≤ 2× alone; 0 crashes, 0 silent
// changes, every data damage named with a code, every processed damage healed by a rebuild;
// 0 lock overlaps; every answer of the two servers agrees with the run history. Exit code 1 if missed.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../tests/support/seeded-random.ts';
import autocannon from 'autocannon';
import { startReplayServer } from '../tests/support/replay-server.ts';
import { copyDataDir, REPO, tempDataDir, testConfig } from '../tests/support/data-dir.ts';
import { hashes, killTrial, runRefreshChild } from '../tests/support/kill-trials.ts';
import { rebuildAll } from '../src/runner/rebuild.ts';
import { jobNamed } from '../pipelines/index.ts';
import { fullDiskTrial, heavyEndpointTrial, hugeAnswerTrial, refusedRequestsTrial } from './reliability-trials.ts';
import { damageAtRestTrial, lockRaceTrial, twoServerTrial } from './damage-trials.ts';

const TRIALS = Number(process.env.TRIALS ?? 100);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const template = await fs.readFile(path.join(REPO, 'tests/fixtures/nbk/get_rates_fdate=2026-04-01.xml'), 'utf8');
// Real answers for the two recorded dates; the bundled history already holds both, so the
// "new" version differs from the old in its metadata (raw snapshots, retrieval time).
const provider = await startReplayServer({}, (url) => {
  // A provider that is down, for the two-server trial: its runs end quickly, and fail.
  if (url.pathname.startsWith('/down/')) return { delayMs: 300, status: 503, body: 'down' };
  const fdate = url.searchParams.get('fdate')!;
  return { delayMs: 20, body: Buffer.from(template.replace('<date>01.04.2026</date>', `<date>${fdate}</date>`)) };
});
const env = { NBK_RATES_URL: `${provider.url}/rss/get_rates.cfm` };
const args = ['--source', 'nbk', '--from', '2026-03-20', '--to', '2026-04-01'];

// (1) SIGKILL trials.
const base = await tempDataDir(['nbk/imported']);
await rebuildAll(base, [jobNamed('nbk', testConfig(base))]);
const before = await hashes(base);
const full = await copyDataDir(base);
const child = runRefreshChild(full, env, args);
await new Promise((r) => child.once('exit', r));
const after = await hashes(full);
let torn = 0;
let neither = 0;
let stuck = 0;
const started = Date.now();
const random = seededRandom(Number(process.env.SEED ?? 1));
for (let i = 0; i < TRIALS; i++) {
  const r = await killTrial(base, env, args, before, after, Math.floor(random() * 2500));
  torn += r.torn;
  neither += r.neither.length;
  if (r.stuckLock) stuck++;
  if (r.torn || r.neither.length || r.stuckLock) console.log(`trial ${i}: killed at ${r.killedAtMs} ms: ${JSON.stringify(r)}`);
  if ((i + 1) % 10 === 0) process.stderr.write(`  ${i + 1}/${TRIALS} kill trials\n`);
}
const killSeconds = Math.round((Date.now() - started) / 1000);

// (2) Load while refreshing.
const dir = await tempDataDir();
await fs.cp(path.join(REPO, 'data'), dir, { recursive: true });
const port = 4700 + Math.floor(seededRandom(Number(process.env.SEED ?? 1))() * 200);
const token = 'reliability-check-token-0123456789';
const server = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/main.ts')], {
  cwd: REPO,
  env: { ...process.env, ...env, DATA_DIR: dir, PORT: String(port), SCHEDULE: 'off', REFRESH_TOKEN: token },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.on('data', (d) => /serving/.test(String(d)) && resolve()));
const url = `http://127.0.0.1:${port}`;
let refreshes = 0;
const kick = setInterval(async () => {
  // Each refresh fetches the dates after the last one stored, so it writes new processed files.
  const res = await fetch(`${url}/api/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ source: 'nbk' }) }).catch(() => undefined);
  if (res?.status === 202 && (await res.json()).started) refreshes++;
}, 1000);
const statuses = new Map<number, number>();
const load = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon({
    url,
    connections: 50,
    duration: LOAD_SECONDS,
    headers: { 'accept-encoding': 'gzip' },
    requests: [
      { path: '/series/nbk.USD' },
      { path: '/series/nbk.USD/full.csv' },
      { path: '/series/nbk.RUB?freq=m' },
      { path: '/series/nbk.EUR/view.csv?freq=a' },
      { path: '/series/imf.NGDPD.KAZ?units=pc1' },
      { path: '/' },
    ],
  }, (err, res) => (err ? reject(err) : resolve(res)));
  instance.on('response', (_client, status) => {
    if (status >= 300) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
});
clearInterval(kick);
const status = await (await fetch(`${url}/api/status`)).json() as { sources: Array<{ job: string; lastAttempt: { outcome: string } | null }> };
await new Promise((r) => setTimeout(r, 3000)); // let a refresh in flight finish before the lock trial
const refused = await refusedRequestsTrial(url, token, dir);
const heavy = await heavyEndpointTrial(url, Number(process.env.HEAVY_SECONDS ?? 10));
server.kill('SIGTERM');
const damages = await damageAtRestTrial(Number(process.env.DAMAGES ?? 200), provider, Number(process.env.SEED ?? 1));
const lockRace = await lockRaceTrial(Number(process.env.LOCK_PAIRS ?? 500));
const twoServers = await twoServerTrial(provider, Number(process.env.TWO_SERVER_ROUNDS ?? 3));
await provider.close();
const huge = await hugeAnswerTrial();
const disk = await fullDiskTrial();

const result = {
  killTrials: { trials: TRIALS, seconds: killSeconds, tornFiles: torn, filesNeitherOldNorNew: neither, stuckLocks: stuck },
  loadDuringRefresh: {
    seconds: LOAD_SECONDS,
    connections: 50,
    requests: load.requests.total,
    errors: load.errors,
    timeouts: load.timeouts,
    non2xx: load.non2xx,
    non2xxByStatus: Object.fromEntries(statuses),
    p50Ms: load.latency.p50,
    p99Ms: load.latency.p99,
    refreshesStarted: refreshes,
    nbkLastAttempt: status.sources.find((s) => s.job === 'nbk')?.lastAttempt?.outcome ?? null,
  },
  hugeAnswer: huge,
  fullDisk: disk,
  refusedWhileLocked: refused,
  heavyEndpoint: heavy,
  damageAtRest: damages,
  lockRace,
  twoServers,
};
console.log(JSON.stringify(result, null, 2));
const diskOk = 'skipped' in disk || (disk.afterSpaceFreed.processedEqualsRebuild && disk.runLog.tornLines === 0 && disk.tempFilesLeft === 0);
const ok =
  torn === 0 && neither === 0 && stuck === 0 && load.errors === 0 && load.non2xx === 0 && refreshes > 0 &&
  huge.peakRssMb <= 300 && huge.processedUnchanged && diskOk && refused.answered409 === 20 && refused.refusedRunsRecorded >= 20 && heavy.ratio <= 2 &&
  damages.crashes === 0 && damages.silentChanges === 0 && damages.uncoded === 0 && damages.notHealed === 0 && damages.dataDamagesNamed === damages.dataDamages &&
  lockRace.overlaps === 0 && twoServers.disagreements === 0;
console.log(ok ? 'reliability: all targets met' : 'reliability: TARGET MISSED');
process.exit(ok ? 0 : 1);
