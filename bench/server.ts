// npm run bench:server — load on loopback, bounded in time. For the overview, a series page
// with twenty years of daily rates, and a full CSV download: requests/s and p50/p99 latency at
// 50 connections, and the same for Express serving a static file of the same bytes (with the
// same compression) as a ratio; bytes on a first and a repeat page load; server RSS after.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import autocannon from 'autocannon';
import { table, mb } from './stats.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;

function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (/serving|listening/.test(out)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headerBytes: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const headerBytes = res.rawHeaders.reduce((n, h) => n + h.length + 2, 0) + 17;
        resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headerBytes, headers: res.headers });
      });
    }).on('error', reject);
  });
}

async function load(url: string) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { 'accept-encoding': 'gzip' } });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const appPort = 4100 + Math.floor(Math.random() * 500);
const staticPort = appPort + 1;
// The same V8 flag as `npm start` (package.json): a smaller young generation keeps RSS under 200 MB.
const app = await start(['src/main.ts'], { PORT: String(appPort), SCHEDULE: 'off', NODE_OPTIONS: '--max-semi-space-size=8' });
const base = `http://127.0.0.1:${appPort}`;
const targets = [
  { name: 'overview', path: '/' },
  { name: 'series page, nbk.USD (20 years daily)', path: '/series/nbk.USD' },
  { name: 'full CSV download, nbk.USD', path: '/series/nbk.USD/full.csv' },
  // Every kind of GET (hardening: each served from the response cache).
  { name: 'API CSV, nbk.USD monthly', path: '/api/series/nbk.USD?format=csv&freq=m' },
  { name: 'API JSON, imf.NGDPD.KAZ', path: '/api/series/imf.NGDPD.KAZ' },
  { name: 'forecast history, imf.NGDP_RPCH.KAZ', path: '/series/imf.NGDP_RPCH.KAZ/vintages?target=2022' },
  { name: 'the paper (ledger)', path: '/paper' },
  { name: 'compare, fx', path: '/compare?concept=fx' },
  { name: 'partners', path: '/partners' },
  // The same pages in Russian: served from the same cache, at the same speed.
  { name: 'overview, Russian', path: '/ru/' },
  { name: 'series page, nbk.USD, Russian', path: '/ru/series/nbk.USD' },
  { name: 'partners, Russian', path: '/ru/partners' },
  { name: 'partners CSV, mirror', path: '/partners/mirror.csv' },
  { name: 'rerouting view', path: '/partners/rerouting' },
  { name: 'rerouting view, Russian, log scale', path: '/ru/partners/rerouting?scale=log' },
  { name: 'rerouting CSV, index', path: '/partners/rerouting-index.csv' },
];

// Static twins: the same bytes, served by express.static with the same compression middleware.
const staticDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kz-static-'));
for (const [i, t] of targets.entries()) await fs.writeFile(path.join(staticDir, `t${i}.bin`), (await get(base + t.path)).body);
const staticServer = await start(['bench/static-server.ts', staticDir, String(staticPort)], { NODE_OPTIONS: '' });

const rows: Array<Record<string, string | number>> = [];
const results: Record<string, unknown> = {};
for (const [i, t] of targets.entries()) {
  const ours = await load(base + t.path);
  const twin = await load(`http://127.0.0.1:${staticPort}/t${i}.bin`);
  results[t.name] = { app: ours, staticTwin: twin, throughputRatio: Math.round((ours.rps / twin.rps) * 100) / 100 };
  rows.push({ target: t.name, 'req/s': ours.rps, p50: `${ours.p50} ms`, p99: `${ours.p99} ms`, 'static req/s': twin.rps, ratio: (ours.rps / twin.rps).toFixed(2), 'errors/non-2xx': `${ours.errors}/${ours.non2xx}` });
}

// Calibration: what this machine gives for the smallest possible answer (a 3-byte static file).
await fs.writeFile(path.join(staticDir, 'tiny.txt'), 'hi\n');
const tiny = await load(`http://127.0.0.1:${staticPort}/tiny.txt`);
results['calibration: 3-byte static file'] = tiny;
rows.push({ target: 'calibration: Express static, 3-byte file', 'req/s': tiny.rps, p50: `${tiny.p50} ms`, p99: `${tiny.p99} ms`, 'static req/s': '', ratio: '', 'errors/non-2xx': `${tiny.errors}/${tiny.non2xx}` });

// Bytes on a first load (page + every asset it references, gzip) and on a repeat load
// (the page revalidated with its ETag; versioned assets are immutable, so not asked for).
async function pageLoad(pagePath: string) {
  const page = await get(base + pagePath, { 'accept-encoding': 'gzip' });
  const html = (await get(base + pagePath)).body.toString();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  let first = page.body.length + page.headerBytes;
  for (const a of assets) {
    const r = await get(base + a, { 'accept-encoding': 'gzip' });
    first += r.body.length + r.headerBytes;
  }
  const again = await get(base + pagePath, { 'accept-encoding': 'gzip', 'if-none-match': String(page.headers.etag) });
  return { firstKb: Math.round(first / 1024), repeatKb: Math.round(((again.body.length + again.headerBytes) / 1024) * 10) / 10, repeatStatus: again.status, assets: assets.length };
}
const firstLoad = { overview: await pageLoad('/'), series: await pageLoad('/series/nbk.USD') };

// Each page's transferred bytes (gzip) in English and in Russian: a Russian page may be at most 10 % larger.
const pages = ['/', '/data', '/status', '/partners', '/compare', '/paper', '/api', '/series/nbk.USD', '/series/imf.NGDP_RPCH.KAZ/vintages?target=2022'];
const languageSizes: Array<Record<string, string | number>> = [];
for (const p of pages) {
  const en = (await get(base + p, { 'accept-encoding': 'gzip' })).body.length;
  const ru = (await get(base + (p === '/' ? '/ru/' : `/ru${p}`), { 'accept-encoding': 'gzip' })).body.length;
  languageSizes.push({ page: p, 'English (gzip bytes)': en, 'Russian (gzip bytes)': ru, 'Russian / English': (ru / en).toFixed(3), 'within 10 %': ru <= en * 1.1 ? 'yes' : 'NO' });
}
const status = await fs.readFile(`/proc/${app.pid}/status`, 'utf8');
const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);

app.kill('SIGTERM');
staticServer.kill('SIGTERM');
await fs.rm(staticDir, { recursive: true, force: true });

console.log(JSON.stringify({ durationSeconds: DURATION, connections: CONNECTIONS, results, firstLoad, languageSizes, serverRssMb: mb(rssKb * 1024) }, null, 2));
console.log();
console.log(table(rows));
console.log();
console.log(table(languageSizes));
console.log();
console.log(table([
  { measure: 'first load of the overview (page + CSS + JS + Plotly, gzip)', value: `${firstLoad.overview.firstKb} KB`, target: '≤ 500 KB' },
  { measure: 'first load of the series page', value: `${firstLoad.series.firstKb} KB`, target: '≤ 500 KB' },
  { measure: 'repeat load of the series page', value: `${firstLoad.series.repeatKb} KB (HTTP ${firstLoad.series.repeatStatus})`, target: '≤ 30 KB' },
  { measure: 'server RSS after the run', value: `${mb(rssKb * 1024)} MB`, target: '≤ 200 MB' },
]));
