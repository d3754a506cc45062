// Holes the fault probe found in the data path (issue "Hardening"), each a test that failed
// before its fix, with real recorded NBK answers over the loopback replay server.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startReplayServer, type Handler, type ReplayServer } from '../support/replay-server.ts';
import { copyDataDir, fixture, noSleep, processedBytes, tempDataDir, testConfig } from '../support/data-dir.ts';
import { refresh } from '../../src/runner/refresh.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { jobNamed } from '../../pipelines/index.ts';
import { appendRun, readRuns, runLogPath, type RunRecord } from '../../src/runner/run-log.ts';
import { emptySummary } from '../../src/runner/run-summary.ts';
import { writeFileAtomic } from '../../src/store/atomic-write.ts';
import { runSource } from '../../src/runner/run-source.ts';
import type { ParseCache } from '../../src/runner/parse.ts';
import { memoryEffects, memoryHttp } from '../support/memory-effects.ts';
import type { SourceConnector } from '../../src/sources/connector.ts';

let server: ReplayServer | undefined;
const parseCache: ParseCache = new Map();
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

let template: string;
beforeAll(async () => {
  template = await tempDataDir(['nbk/imported']);
  await rebuildAll(template, [jobNamed('nbk', testConfig(template))], parseCache);
});

async function runNbk(dataDir: string, routes: Record<string, Handler>, options: { from?: string; to?: string; today?: string }, env: Record<string, string> = {}) {
  server = await startReplayServer(routes);
  const config = testConfig(dataDir, { NBK_RATES_URL: `${server.url}/rss/get_rates.cfm`, ...env });
  const [record] = await refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options, sleep: noSleep, parseCache });
  await server.close();
  server = undefined;
  return record;
}
const april2 = async () => ({ '/rss/get_rates.cfm?fdate=02.04.2026': { body: await fixture('nbk/get_rates_fdate=2026-04-02.xml') } });

describe('processed data always equals a rebuild from raw', () => {
  it('a snapshot stored by a run whose processed write failed is published by the next run, with no manual step', async () => {
    const dir = await copyDataDir(template);
    // The disk fills between the raw write and the processed write.
    const real = fs.open;
    vi.spyOn(fs, 'open').mockImplementation(async (p, ...rest) => {
      if (String(p).includes(`${path.sep}processed${path.sep}`)) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return real(p, ...(rest as []));
    });
    const failed = await runNbk(dir, await april2(), { from: '2026-04-02', to: '2026-04-02' });
    expect(failed.outcome).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/no space left/) });
    vi.restoreAllMocks();
    expect((await fs.readdir(path.join(dir, 'processed'))).filter((n) => n.includes('.tmp-'))).toEqual([]); // no temp file left
    // Space is back: an ordinary refresh (the date is stored, nothing to fetch) publishes it.
    const next = await runNbk(dir, await april2(), { from: '2026-04-02', to: '2026-04-02' });
    expect(next.outcome).toBe('success');
    expect((await fs.readFile(path.join(dir, 'processed/nbk.csv'), 'utf8'))).toContain('nbk.USD,2026-04-02,475.09');
    const rebuilt = await copyDataDir(dir);
    await rebuildAll(rebuilt, [jobNamed('nbk', testConfig(rebuilt))], parseCache);
    expect(await processedBytes(dir)).toEqual(await processedBytes(rebuilt));
  });

  it('a write that fails leaves no temp file and says which file, as a coded error', async () => {
    const dir = await tempDataDir();
    const target = path.join(dir, 'processed', 'x.csv');
    const real = fs.open;
    vi.spyOn(fs, 'open').mockImplementation(async (p, ...rest) => {
      const fh = await real(p, ...(rest as []));
      if (String(p).includes('.tmp-')) vi.spyOn(fh, 'writeFile').mockRejectedValue(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }));
      return fh;
    });
    await expect(writeFileAtomic(target, 'a,b\n')).rejects.toMatchObject({ code: 'NOT_WRITABLE', context: { file: target } });
    expect(await fs.readdir(path.join(dir, 'processed'))).toEqual([]);
  });
});

describe('the run history', () => {
  it('a torn last line (a crash mid-append) is never merged with the next record', async () => {
    const dir = await tempDataDir();
    const record = (id: string): RunRecord => ({ ...emptySummary('nbk', '2026-12-01T00:00:00Z'), id, trigger: 'cli' });
    await appendRun(dir, record('first'));
    await fs.appendFile(runLogPath(dir), '{"id":"torn","job":"nb'); // ENOSPC mid-append
    await appendRun(dir, record('second'));
    expect((await readRuns(dir)).map((r) => r.id)).toEqual(['first', 'second']);
  });
});

describe('NBK refresh twice on one day', () => {
  it('a run after tomorrow is already processed, with no --from, finds nothing to fetch and succeeds (not BAD_RANGE)', async () => {
    const dir = await copyDataDir(template);
    // The bundled history ends 2026-09-11: "today" 2026-09-10 is the second run of that day.
    const second = await runNbk(dir, await april2(), { today: '2026-09-10' });
    expect(second).toMatchObject({ outcome: 'success', fetched: 0 });
    expect(second.notes.join(' ')).toMatch(/already reach 2026-09-11/);
  });
});

describe('bounded and plausible answers', () => {
  it('an answer larger than the cap is cut off while streaming: coded error, only a prefix kept, processed unchanged', async () => {
    const dir = await copyDataDir(template);
    const before = await processedBytes(dir);
    const body = Buffer.concat([await fixture('nbk/get_rates_fdate=2026-04-02.xml'), Buffer.alloc(3_000_000, 0x20)]);
    const r = await runNbk(dir, { '/rss/get_rates.cfm?fdate=02.04.2026': { body } }, { from: '2026-04-02', to: '2026-04-02' }, { HTTP_MAX_BODY_MB: '1' });
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatchObject({ code: 'HTTP_BODY_TOO_LARGE', context: { source: 'nbk', url: expect.stringContaining('fdate=02.04.2026') } });
    expect(await processedBytes(dir)).toEqual(before);
  });

  it('a rejected answer is kept as a small prefix with its full length and sha256', async () => {
    const dir = await copyDataDir(template);
    const body = Buffer.from((await fixture('nbk/get_rates_fdate=2026-04-02.xml')).toString().replace('<description>475.09</description>', '<description>n/a</description>') + ' '.repeat(200_000));
    const r = await runNbk(dir, { '/rss/get_rates.cfm?fdate=02.04.2026': { body } }, { from: '2026-04-02', to: '2026-04-02' });
    expect(r.error?.code).toBe('NBK_BAD_RATE');
    const folder = path.join(dir, 'rejected/nbk/get_rates/2026-04-02');
    const [file] = (await fs.readdir(folder)).filter((n) => !n.endsWith('.meta.json'));
    expect((await fs.stat(path.join(folder, file))).size).toBeLessThanOrEqual(65_536);
    const side = JSON.parse(await fs.readFile(path.join(folder, `${file}.meta.json`), 'utf8'));
    expect(side).toMatchObject({ bytes: body.byteLength, keptBytes: 65_536, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), error: expect.stringMatching(/NBK_BAD_RATE/) });
  });

  it('an NBK answer without the US dollar is refused (and the date is not counted as stored)', async () => {
    const dir = await copyDataDir(template);
    const body = (await fixture('nbk/get_rates_fdate=2026-04-02.xml')).toString().replace(/<item>\s*<fullname>[^<]*<\/fullname>\s*<title>USD<\/title>[\s\S]*?<\/item>/, '');
    expect(body).not.toMatch(/<title>USD<\/title>/);
    const r = await runNbk(dir, { '/rss/get_rates.cfm?fdate=02.04.2026': { body } }, { from: '2026-04-02', to: '2026-04-02' });
    expect(r.error?.code).toBe('NBK_CURRENCY_MISSING');
    expect(r.snapshotsWritten).toEqual([]);
  });

  it('every value revised ×1000 across the board fails the run unless an operator allows it', async () => {
    const connector = (scale: number): SourceConnector => ({
      name: 'toy', title: 'Toy', version: '1', words: { title: () => undefined }, publisher: { name: 't', url: 'http://t', licence: 'l', citation: 'c' }, expectedSeries: () => [],
      parsers: {
        lines: (b) => ({ notes: [], series: [{ id: 'toy.A', description: { title: 'A', unit: 'u', scale: 'units', frequency: 'annual' }, vintage: { key: b.toString().trim(), label: 'v' }, precedence: 1, observations: [{ date: '2001', value: 1 * scale }, { date: '2002', value: 2 * scale }, { date: '2003', value: 3 * scale }, { date: '2004', value: 4 * scale }] }] }),
      },
      fetch: async (ctx) => void (await ctx.accept({ response: await ctx.http.get('http://toy/now', { source: 'toy' }), parser: 'lines', key: 'k', ext: 'txt' })),
    });
    const e = memoryEffects(memoryHttp({ 'http://toy/now': 'v1' }));
    expect((await runSource(connector(1), e, { fetch: true })).outcome).toBe('success');
    e.http = memoryHttp({ 'http://toy/now': 'v2' });
    const bad = await runSource(connector(1000), e, { fetch: true });
    expect(bad.error).toMatchObject({ code: 'IMPLAUSIBLE_REVISION', message: expect.stringMatching(/toy\.A: 4 of 4 values change by ×10 or more \(2001: 1 → 1000\)/) });
    const allowed = await runSource(connector(1000), e, { fetch: true, allowImplausible: true });
    expect(allowed.outcome).toBe('success');
  });
});

describe('a provider that never ends', () => {
  it('a World Bank answer claiming 100,000 pages is refused on the first page, not followed for hours', async () => {
    const dir = await tempDataDir(['worldbank']);
    const page = (await fixture('worldbank/v2_countries_US_indicators_NY.GNP.PCAP.CD_1990-1997_lastupdated-2020-07-01.json')).toString().replace('"pages":1', '"pages":100000');
    server = await startReplayServer({}, () => ({ body: page, headers: { 'Content-Type': 'application/json' } }));
    const config = testConfig(dir, { WORLDBANK_API_URL: server.url });
    const [r] = await refresh({ config, jobs: [jobNamed('worldbank', config)], trigger: 'cli', sleep: noSleep });
    expect(r.error).toMatchObject({ code: 'WB_TOO_MANY_PAGES', message: expect.stringMatching(/100000 pages/) });
    expect(server.hits).toHaveLength(1);
  });
  it('after one NBK date fails, no new date is asked for (only the requests in flight finish)', async () => {
    const dir = await copyDataDir(template);
    server = await startReplayServer({}, (url) => (url.search.includes('fdate=01.03.2026') ? { status: 404, body: 'gone' } : { delayMs: 20, body: 'x' }));
    const config = testConfig(dir, { NBK_RATES_URL: `${server.url}/rss/get_rates.cfm` });
    const [r] = await refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options: { from: '2026-03-01', to: '2026-06-30' }, sleep: noSleep, parseCache });
    expect(r.error?.code).toBe('HTTP_CLIENT_ERROR');
    expect(server.hits.length).toBeLessThanOrEqual(4); // the first date and the three in flight beside it
  });
});

describe('a run that cannot take the lock (the CLI or a schedule)', () => {
  it('is recorded as refused, naming the holder, and fetches nothing', async () => {
    const dir = await copyDataDir(template);
    const { acquireLock } = await import('../../src/runner/lock.ts');
    const held = await acquireLock(dir, 'manual refresh 20261201T000000Z-manual-abc123 of nbk');
    try {
      const r = await runNbk(dir, await april2(), { from: '2026-04-02', to: '2026-04-02' });
      expect(r).toMatchObject({ outcome: 'refused', fetched: 0, error: { code: 'LOCKED', message: expect.stringMatching(/manual refresh 20261201T000000Z-manual-abc123 of nbk/) } });
      expect((await readRuns(dir)).at(-1)).toMatchObject({ outcome: 'refused', job: 'nbk' });
    } finally {
      await held.release();
    }
  });
});
