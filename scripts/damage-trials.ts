// The trials `npm run check:reliability` runs for files damaged at rest and for the lock, each
// bounded and on loopback:
//  - damage at rest: random damages (truncate, flip a byte or a digit, delete or garble a
//    sidecar, delete a body, a half-written or foreign-host lock, odd run-log lines), each met by
//    a server start, a refresh and a rebuild: no crash, no silent change to a published value,
//    every damage named with a code, and a rebuild that heals processed files byte for byte;
//  - the lock: pairs of processes told to take it at the same moment, counting overlaps;
//  - two servers on one folder: refreshes posted to both at 0, 0.2 and 1 s apart, each answer
//    checked against the run history.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { copyDataDir, processedBytes, REPO, tempDataDir, testConfig } from '../tests/support/data-dir.ts';
import { testApp } from '../tests/support/app.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';
import { rebuildAll } from '../src/runner/rebuild.ts';
import { refresh } from '../src/runner/refresh.ts';
import { jobNamed } from '../pipelines/index.ts';
import { lockPath } from '../src/runner/lock.ts';
import { readRuns } from '../src/runner/run-log.ts';
import type { ReplayServer } from '../tests/support/replay-server.ts';

type Random = () => number;
const SOURCES = ['nbk', 'worldbank'];
const pick = <T>(r: Random, xs: T[]): T => xs[Math.floor(r() * xs.length)];

async function filesUnder(dir: string, keep: (rel: string) => boolean): Promise<string[]> {
  const all = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return all.map((e) => path.relative(dir, path.join(e.parentPath, e.name))).filter(keep).sort();
}

/** One damage to a data folder: what kind, which file, and whether processed or raw data were hit. */
interface Damage {
  kind: string;
  file: string;
  layer: 'processed' | 'raw' | 'lock' | 'runlog';
}

async function damage(dir: string, r: Random): Promise<Damage> {
  const processed = await filesUnder(dir, (f) => f.startsWith('processed/') && !path.basename(f).startsWith('.'));
  const raw = await filesUnder(dir, (f) => f.startsWith('raw/') && !f.endsWith('.md') && !f.includes('/original/'));
  const bodies = raw.filter((f) => !f.endsWith('.meta.json'));
  const sidecars = raw.filter((f) => f.endsWith('.meta.json'));
  const edit = async (rel: string, fn: (b: Buffer) => Buffer) => fs.writeFile(path.join(dir, rel), fn(await fs.readFile(path.join(dir, rel))));
  const truncate = (b: Buffer) => b.subarray(0, Math.floor(r() * b.length));
  const flipByte = (b: Buffer) => {
    const c = Buffer.from(b);
    const i = Math.floor(r() * c.length);
    c[i] ^= 1 + Math.floor(r() * 255);
    return c;
  };
  const flipDigit = (b: Buffer) => {
    const c = Buffer.from(b);
    const digits = [];
    for (let i = 0; i < c.length && digits.length < 5000; i += 1 + Math.floor(r() * 40)) if (c[i] >= 0x30 && c[i] <= 0x39) digits.push(i);
    const i = digits.length ? pick(r, digits) : 0;
    c[i] = c[i] === 0x39 ? 0x30 : c[i] + 1;
    return c;
  };
  const kinds: Array<() => Promise<Damage>> = [
    async () => { const f = pick(r, processed); await edit(f, truncate); return { kind: 'truncate', file: f, layer: 'processed' }; },
    async () => { const f = pick(r, processed); await edit(f, flipByte); return { kind: 'flip a byte', file: f, layer: 'processed' }; },
    async () => { const f = pick(r, processed.filter((x) => x.endsWith('.csv'))); await edit(f, flipDigit); return { kind: 'flip a digit', file: f, layer: 'processed' }; },
    async () => { const f = pick(r, bodies); await edit(f, truncate); return { kind: 'truncate', file: f, layer: 'raw' }; },
    async () => { const f = pick(r, bodies); await edit(f, flipByte); return { kind: 'flip a byte', file: f, layer: 'raw' }; },
    async () => { const f = pick(r, bodies); await edit(f, flipDigit); return { kind: 'flip a digit', file: f, layer: 'raw' }; },
    async () => { const f = pick(r, sidecars); await fs.rm(path.join(dir, f)); return { kind: 'delete a sidecar', file: f, layer: 'raw' }; },
    async () => { const f = pick(r, sidecars); await edit(f, truncate); return { kind: 'garble a sidecar', file: f, layer: 'raw' }; },
    async () => { const f = pick(r, bodies); await fs.rm(path.join(dir, f)); return { kind: 'delete a body', file: f, layer: 'raw' }; },
    async () => {
      await fs.writeFile(lockPath(dir), '{"pid": 12'); // a writer of another version mid-write, or a crash
      if (r() < 0.5) await fs.utimes(lockPath(dir), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      return { kind: 'half-written lock', file: 'refresh.lock', layer: 'lock' };
    },
    async () => {
      await fs.writeFile(lockPath(dir), JSON.stringify({ pid: 1, host: `other-${os.hostname()}`, startedAt: '2026-01-01T00:00:00Z', holder: 'a server on another host' }) + '\n');
      return { kind: 'foreign-host lock', file: 'refresh.lock', layer: 'lock' };
    },
    async () => {
      const odd = pick(r, ['{"id":"hand","outcome":"success","job":"nbk"}', '[]', 'null', '{"id":', '"x"', '{"id":"a","trigger":"cli","job":"nbk","outcome":"success","changes":7}']);
      await fs.appendFile(path.join(dir, 'runs.jsonl'), odd + (r() < 0.5 ? '\n' : ''));
      return { kind: 'odd run-log line', file: 'runs.jsonl', layer: 'runlog' };
    },
  ];
  return pick(r, kinds)();
}

/** Every series' values as the repository serves them, by id (what "published" means). */
function published(repo: Awaited<ReturnType<typeof testApp>>['repo']): Map<string, string> {
  return new Map(repo.list().map((e) => [e.meta.id, JSON.stringify(e.observations)]));
}

interface Counts {
  damages: number;
  crashes: number;
  silentChanges: number;
  uncoded: number;
  notHealed: number;
  byKind: Record<string, number>;
  problems: string[];
}

export async function damageAtRestTrial(trials: number, provider: ReplayServer, seed: number): Promise<Counts & { dataDamages: number; dataDamagesNamed: number; seconds: number }> {
  const started = Date.now();
  const r = seededRandom(seed);
  const template = await tempDataDir(SOURCES);
  await rebuildAll(template, SOURCES.map((s) => jobNamed(s, testConfig(template))));
  for (const f of ['claims.json', 'headlines.json', 'comparisons.json', 'figures.json', 'events.json', 'indicator-titles.csv', 'ledger-verdicts.json']) await fs.cp(path.join(REPO, 'data', f), path.join(template, f));
  const goodBytes = await processedBytes(template);
  const good = published((await testApp(template)).repo);
  const env = { NBK_RATES_URL: `${provider.url}/rss/get_rates.cfm`, HTTP_RETRIES: '0' };
  const c: Counts = { damages: 0, crashes: 0, silentChanges: 0, uncoded: 0, notHealed: 0, byKind: {}, problems: [] };
  // Damages to data files that some phase named with a code (the rest must have left every value as it was).
  const coded = new Set<number>();
  let dataDamages = 0;
  const problem = (d: Damage, what: string) => {
    if (c.problems.length < 20) c.problems.push(`${d.kind} ${d.file}: ${what}`);
  };
  for (let i = 0; i < trials; i++) {
    const damaged = await copyDataDir(template);
    const d = await damage(damaged, r);
    c.damages++;
    if (d.layer === 'processed' || d.layer === 'raw') dataDamages++;
    c.byKind[`${d.layer}: ${d.kind}`] = (c.byKind[`${d.layer}: ${d.kind}`] ?? 0) + 1;
    // 1. A server start: every page answers, and a value served is the good one or its source is named damaged.
    const start = await copyDataDir(damaged);
    try {
      const { app, repo } = await testApp(start, env);
      for (const url of ['/status', '/api/status', '/', '/series/nbk.USD', '/series/wb.NY.GDP.MKTP.CD.KAZ']) {
        const res = await request(app).get(url);
        if (res.status >= 500) (c.crashes++, problem(d, `${url} answered ${res.status}`));
      }
      const named = new Set(repo.damaged().map((x) => x.source));
      for (const [id, values] of published(repo)) if (values !== good.get(id)) (c.silentChanges++, problem(d, `${id} served changed values at start`));
      for (const id of good.keys()) if (!repo.has(id) && !named.has(id.startsWith('nbk.') ? 'nbk' : 'worldbank')) (c.silentChanges++, problem(d, `${id} vanished without a word`));
      if (d.layer === 'processed' && named.size) coded.add(i);
    } catch (err) {
      c.crashes++;
      problem(d, `server start threw ${(err as Error).message}`);
    }
    // 2. A refresh (NBK, from the replay server) and 3. a rebuild, each on its own copy of the damage.
    for (const phase of ['refresh', 'rebuild'] as const) {
      const dir = await copyDataDir(damaged);
      const before = await processedBytes(dir);
      try {
        const config = testConfig(dir, env);
        const records = phase === 'refresh'
          ? await refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options: { from: '2026-04-01', to: '2026-04-01' }, now: () => new Date('2026-12-01T00:00:00Z') })
          : await rebuildAll(dir, SOURCES.map((s) => jobNamed(s, config)));
        const after = await processedBytes(dir);
        for (const rec of records) {
          if (rec.outcome === 'success') continue;
          if (d.layer === 'raw' && /^RAW_/.test(rec.error?.code ?? '')) coded.add(i);
          if (!/^(RAW_|LOCKED|PROCESSED_)/.test(rec.error?.code ?? '')) (c.uncoded++, problem(d, `${phase}: ${rec.job} failed with ${rec.error?.code} ${rec.error?.message}`));
          for (const f of [`${rec.job}.csv`, `${rec.job}.vintages.csv`, `${rec.job}.meta.json`]) if (after.get(f) !== before.get(f)) (c.silentChanges++, problem(d, `${phase}: ${f} changed by a failed run`));
        }
        if (phase === 'rebuild' && d.layer === 'processed' && [...goodBytes].some(([f, h]) => after.get(f) !== h)) (c.notHealed++, problem(d, 'the rebuild did not restore the processed files byte for byte'));
        if (phase === 'rebuild' && d.layer === 'raw' && records.every((x) => x.outcome === 'success')) (c.uncoded++, problem(d, 'the rebuild took a damaged raw file without a word'));
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (!/^(RAW_|LOCKED|PROCESSED_)/.test(code)) (c.crashes++, problem(d, `${phase} threw ${(err as Error).message}`));
      }
      await fs.rm(dir, { recursive: true, force: true });
    }
    await fs.rm(damaged, { recursive: true, force: true });
    await fs.rm(start, { recursive: true, force: true });
    if ((i + 1) % 20 === 0) process.stderr.write(`  ${i + 1}/${trials} damages\n`);
  }
  return { ...c, dataDamages, dataDamagesNamed: coded.size, seconds: Math.round((Date.now() - started) / 1000) };
}

/** Pairs of processes told at the same moment to take the lock: how often both held it at once. */
export async function lockRaceTrial(pairs: number): Promise<{ pairs: number; overlaps: number; neither: number; seconds: number }> {
  const started = Date.now();
  const dir = await tempDataDir();
  const taker = path.join(REPO, 'scripts/lock-taker.ts');
  const children = [0, 1].map(() => fork(taker, [dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  await Promise.all(children.map((ch) => new Promise((res) => ch.once('message', res))));
  let overlaps = 0;
  let neither = 0;
  for (let i = 0; i < pairs; i++) {
    type Held = { held: boolean; from?: number; to?: number };
    const answers = children.map((ch) => new Promise<Held>((res) => ch.once('message', (m) => res(m as Held))));
    for (const ch of children) ch.send('take');
    const [a, b] = await Promise.all(answers);
    // Both may hold it one after the other (the second asked after the first let go); never at once.
    if (a.held && b.held && a.from! < b.to! && b.from! < a.to!) overlaps++;
    if (!a.held && !b.held) neither++;
  }
  for (const ch of children) ch.kill();
  return { pairs, overlaps, neither, seconds: Math.round((Date.now() - started) / 1000) };
}

/** Two server processes on one folder: POST a refresh to A, then to B after a delay; every answer must agree with the history. */
export async function twoServerTrial(provider: ReplayServer, rounds: number): Promise<{ requests: number; disagreements: number; byDelay: Record<string, string[]> }> {
  const dir = await tempDataDir();
  await fs.cp(path.join(REPO, 'data'), dir, { recursive: true });
  const token = 'two-server-trial-token-0123456789';
  const servers = await Promise.all([0, 1].map(async (n) => {
    const port = 4900 + n + Math.floor(Math.random() * 90) * 2;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'src/main.ts')], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dir, PORT: String(port), SCHEDULE: 'off', REFRESH_TOKEN: token, NBK_RATES_URL: `${provider.url}/down/get_rates.cfm`, HTTP_RETRIES: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((res) => child.stdout!.on('data', (b) => /serving/.test(String(b)) && res()));
    return { child, url: `http://127.0.0.1:${port}` };
  }));
  const post = (url: string) => fetch(`${url}/api/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"source":"nbk"}' }).then(async (res) => ({ status: res.status, body: (await res.json()) as { runId: string } }));
  const idle = async () => {
    for (let i = 0; i < 200; i++) {
      const running = await Promise.all(servers.map(async (s) => ((await (await fetch(`${s.url}/api/status`)).json()) as { running: unknown }).running));
      if (running.every((x) => x === null)) return;
      await new Promise((res) => setTimeout(res, 100));
    }
  };
  let requests = 0;
  let disagreements = 0;
  const byDelay: Record<string, string[]> = {};
  for (let i = 0; i < rounds; i++) {
    for (const delay of [0, 200, 1000]) {
      const first = post(servers[0].url);
      await new Promise((res) => setTimeout(res, delay));
      const answers = await Promise.all([first, post(servers[1].url)]);
      await idle();
      const runs = await readRuns(dir);
      for (const a of answers) {
        requests++;
        const outcomes = runs.filter((x) => x.id === a.body.runId).map((x) => x.outcome);
        const agrees = a.status === 409 ? outcomes.length === 1 && outcomes[0] === 'refused' : a.status === 202 && outcomes.length === 1 && outcomes[0] !== 'refused';
        if (!agrees) disagreements++;
      }
      (byDelay[`${delay} ms`] ??= []).push(answers.map((a) => a.status).join('/'));
    }
  }
  for (const s of servers) s.child.kill('SIGTERM');
  return { requests, disagreements, byDelay };
}
