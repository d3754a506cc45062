// npm run bench:pipeline — prints JSON and a short table:
//  1. rebuild of all processed data from the bundled raw snapshot (median of 5, peak RSS);
//  2. NBK rebuilds with 1×, 10× and 100× synthetic feed snapshots generated from the recorded
//     XML template (to show cost grows linearly);
//  3. an NBK backfill of 20 years of dates against a loopback replay server, 4 in flight:
//     requests/s and the share of wall time spent parsing.
// Synthetic data lives in temporary folders only, never in data/.
import fs from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { jobNamed, loadJobConfig } from '../pipelines/index.ts';
import { nbkOptions } from '../pipelines/nbk.ts';
import { rebuildAll } from '../src/runner/rebuild.ts';
import { refresh } from '../src/runner/refresh.ts';
import { createNbk } from '../src/sources/nbk/index.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { addDays, isoToNbk } from '../src/sources/nbk/dates.ts';
import { startReplayServer } from '../tests/support/replay-server.ts';
import { median, table, mb } from './stats.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const template = await fs.readFile(path.join(REPO, 'tests/fixtures/nbk/get_rates_fdate=2026-04-01.xml'), 'utf8');

/** The recorded answer re-dated, with every rate nudged by a date-dependent factor so no day is a carried day. */
function synthetic(date: string, i: number): Buffer {
  const f = 1 + ((i % 97) - 48) / 10_000;
  return Buffer.from(
    template
      .replace('<date>01.04.2026</date>', `<date>${isoToNbk(date)}</date>`)
      .replace(/<description>([\d.]+)<\/description>/g, (_m, v) => `<description>${(Number(v) * f).toFixed(2)}</description>`),
  );
}

async function tmp(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'kz-bench-'));
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

// 1. Full rebuild of the bundled snapshot, each run in a fresh process for a clean peak RSS.
const rebuildTimes: number[] = [];
const rebuildRss: number[] = [];
for (let i = 0; i < 5; i++) {
  const dir = await tmp();
  await fs.cp(path.join(REPO, 'data/raw'), path.join(dir, 'raw'), { recursive: true });
  // A processed folder as committed, so the run also does its change detection.
  await fs.cp(path.join(REPO, 'data/processed'), path.join(dir, 'processed'), { recursive: true });
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench/rebuild-once.ts'), dir], { cwd: REPO, encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRssBytes: number };
  rebuildTimes.push(r.ms);
  rebuildRss.push(r.maxRssBytes);
  await fs.rm(dir, { recursive: true, force: true });
}
const rebuildPeakRss = Math.max(...rebuildRss);
const baselineRss = Number(execFileSync(process.execPath, ['--import', 'tsx', '-e', 'console.log(process.resourceUsage().maxRSS * 1024)'], { cwd: REPO, encoding: 'utf8' }).trim());

// 2. Scaling with synthetic feed snapshots.
const scaling: Array<{ snapshots: number; ms: number; perSnapshotMs: number }> = [];
for (const n of [60, 600, 6000]) {
  const dir = await tmp();
  const store = new RawStore(dir);
  const existing = new Map();
  let d = '2000-01-01';
  for (let i = 0; i < n; i++, d = addDays(d, 1)) {
    await store.put({ source: 'nbk', kind: 'http', parser: 'get-rates', key: `get_rates/${d}`, retrievedAt: '2026-11-28T00:00:00Z', connectorVersion: 'bench', request: { date: d }, url: `http://bench/get_rates?fdate=${isoToNbk(d)}`, status: 200, contentType: 'text/xml' }, synthetic(d, i), 'xml', existing);
  }
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const [ms, res] = await timed(() => rebuildAll(dir, [{ ...jobNamed('nbk', loadJobConfig({ DATA_DIR: dir })), connector: createNbk({ ...nbkOptions(loadJobConfig({ DATA_DIR: dir }).settings), currencies: ['USD', 'EUR', 'RUB', 'CNY'] }) }]));
    if (res[0].outcome !== 'success') throw new Error(`scaling rebuild failed: ${res[0].error?.message}`);
    times.push(ms);
  }
  const ms = median(times);
  scaling.push({ snapshots: n, ms: Math.round(ms), perSnapshotMs: Math.round((ms / n) * 1000) / 1000 });
  await fs.rm(dir, { recursive: true, force: true });
}

// 3. Backfill of 20 years against the replay server, 4 in flight; then two years with a
//    simulated 50 ms answer time (loopback answers in well under a millisecond, the real NBK does not).
async function backfill(years: number, delayMs: number) {
  const days = years * 365 + Math.floor(years / 4);
  const start = '2005-01-01';
  const index = new Map<string, number>();
  for (let i = 0, d = start; i < days; i++, d = addDays(d, 1)) index.set(isoToNbk(d), i);
  const server = await startReplayServer({}, (url) => {
    const fdate = url.searchParams.get('fdate')!;
    const [dd, mm, yyyy] = fdate.split('.');
    return { delayMs, body: synthetic(`${yyyy}-${mm}-${dd}`, index.get(fdate) ?? 0), headers: { 'Content-Type': 'text/xml; charset=UTF-8' } };
  });
  const dir = await tmp();
  const config = loadJobConfig({ DATA_DIR: dir, NBK_RATES_URL: `${server.url}/rss/get_rates.cfm`, HTTP_RETRIES: '0' });
  const connector = createNbk({ ...nbkOptions(config.settings), feedArchiveStart: '1990-01-01', currencies: ['USD', 'EUR', 'RUB', 'CNY'] });
  let parseMs = 0;
  // Time every parser call: the share of wall time parsing takes.
  const timedConnector = {
    ...connector,
    parsers: Object.fromEntries(
      Object.entries(connector.parsers).map(([name, parse]) => [
        name,
        async (bytes: Buffer, meta: Parameters<typeof parse>[1]) => {
          const t = performance.now();
          try {
            return await parse(bytes, meta);
          } finally {
            parseMs += performance.now() - t;
          }
        },
      ]),
    ),
  };
  const [wallMs, records] = await timed(() =>
    refresh({ config, jobs: [{ ...jobNamed('nbk', config), connector: timedConnector }], trigger: 'cli', options: { from: start, to: addDays(start, days - 1) } }),
  );
  await server.close();
  if (records[0].outcome !== 'success') throw new Error(`backfill failed: ${records[0].error?.message}`);
  await fs.rm(dir, { recursive: true, force: true });
  return {
    dates: days,
    inFlight: 4,
    answerDelayMs: delayMs,
    wallMs: Math.round(wallMs),
    requestsPerSecond: Math.round((records[0].fetched / wallMs) * 1000),
    parseMsPerAnswer: Math.round((parseMs / records[0].fetched) * 1000) / 1000,
    parseSharePct: Math.round((parseMs / wallMs) * 1000) / 10,
  };
}
const loopback = await backfill(20, 0);
const latency = await backfill(2, 50);

const result = {
  machine: { cpus: os.cpus().length, node: process.version },
  rebuild: { runs: rebuildTimes.map(Math.round), medianMs: Math.round(median(rebuildTimes)), peakRssMb: mb(rebuildPeakRss), processBaselineRssMb: mb(baselineRss), targetMs: 2000, targetRssMb: 200 },
  scaling: { rows: scaling, ratio100xVs1x: Math.round((scaling[2].ms / scaling[0].ms) * 10) / 10, perSnapshotRatio100xVs1x: Math.round((scaling[2].perSnapshotMs / scaling[0].perSnapshotMs) * 100) / 100 },
  backfill: { loopback, simulatedLatency: latency, targetParseSharePct: 5 },
};
console.log(JSON.stringify(result, null, 2));
console.log();
console.log(table([
  { measure: 'rebuild bundled snapshot, median of 5', value: `${result.rebuild.medianMs} ms`, target: '≤ 1000 ms' },
  { measure: 'peak RSS of a rebuild process (max of 5)', value: `${result.rebuild.peakRssMb} MB (node+tsx alone: ${result.rebuild.processBaselineRssMb} MB)`, target: '≤ 200 MB' },
  ...scaling.map((s) => ({ measure: `NBK rebuild with ${s.snapshots} feed snapshots`, value: `${s.ms} ms (${s.perSnapshotMs} ms each)`, target: 'linear' })),
  { measure: 'NBK backfill, 20 years, 4 in flight, loopback', value: `${loopback.requestsPerSecond} req/s, ${Math.round(loopback.wallMs / 1000)} s`, target: '' },
  { measure: '  share of wall time parsing (loopback)', value: `${loopback.parseSharePct} % (${loopback.parseMsPerAnswer} ms per answer)`, target: '< 5 %' },
  { measure: 'NBK backfill, 2 years, answers take 50 ms', value: `${latency.requestsPerSecond} req/s, ${Math.round(latency.wallMs / 1000)} s`, target: '' },
  { measure: '  share of wall time parsing (50 ms answers)', value: `${latency.parseSharePct} %`, target: '< 5 %' },
]));
