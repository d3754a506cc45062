import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseWbPage } from '../../src/sources/worldbank/api.ts';
import { copyDataDir, fixture, noSleep, processedBytes, tempDataDir, testConfig } from '../support/data-dir.ts';
import { startReplayServer, type Handler, type ReplayServer } from '../support/replay-server.ts';
import { refresh } from '../../src/runner/refresh.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { WB_CODES } from '../../pipelines/worldbank.ts';
import { jobNamed } from '../../pipelines/index.ts';

const REAL = 'worldbank/v2_countries_US_indicators_NY.GNP.PCAP.CD_1990-1997_lastupdated-2020-07-01.json';
// Error bodies as quoted from real answers in docs/sources.md §4.
const ERROR_120 = '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]';
const ERROR_175 = '[{"message":[{"id":"175","key":"Invalid format","value":"The indicator was not found. It may have been deleted or archived."}]}]';

describe('World Bank parser', () => {
  it('reads a real recorded page: newest first in, ascending out, lastupdated as the vintage', async () => {
    const p = parseWbPage(await fixture(REAL), { url: 'u' }, ['USA']);
    expect(p).toMatchObject({ page: 1, pages: 1, lastUpdated: '2020-07-01' });
    expect(p.series).toHaveLength(1);
    expect(p.series[0].id).toBe('wb.NY.GNP.PCAP.CD.USA');
    expect(p.series[0].vintage).toEqual({ key: '2020-07-01', label: 'WDI, last updated 2020-07-01' });
    expect(p.series[0].observations[0]).toEqual({ date: '1990', value: 24060 });
    expect(p.series[0].observations.at(-1)).toEqual({ date: '1997', value: 31270 });
  });
  it.each([[ERROR_120, /120 Invalid value/], [ERROR_175, /175 Invalid format: The indicator was not found/]])('turns an error answered with 200 into a failure with the provider message', (body, msg) => {
    expect(() => parseWbPage(Buffer.from(body), { url: 'u' }, ['KAZ'])).toThrowError(msg);
  });
  it('treats null values as missing years, not zeros', async () => {
    const j = JSON.parse((await fixture(REAL)).toString());
    j[1][0].value = null;
    const p = parseWbPage(Buffer.from(JSON.stringify(j)), { url: 'u' }, ['USA']);
    expect(p.series[0].observations.map((o) => o.date)).not.toContain('1997');
    expect(p.series[0].observations).toHaveLength(7);
  });
});

describe('World Bank connector through the replay server', () => {
  let template: string;
  let before: Map<string, string>;
  let server: ReplayServer | undefined;
  beforeAll(async () => {
    template = await tempDataDir(['worldbank']);
    await rebuildAll(template, [jobNamed('worldbank', testConfig(template))]);
    before = await processedBytes(template);
  });
  afterEach(async () => server?.close());

  // A KAZ page built from the real recorded page's shape, relabelled (see test name).
  async function kazPage(code: string, page: number, pages: number, years: Array<[string, number | null]>) {
    const j = JSON.parse((await fixture(REAL)).toString());
    const row = j[1][0];
    j[0] = { ...j[0], page, pages, lastupdated: '2026-07-01' };
    j[1] = years.map(([date, value]) => ({ ...row, indicator: { id: code, value: code }, country: { id: 'KZ', value: 'Kazakhstan' }, countryiso3code: 'KAZ', date, value }));
    return JSON.stringify(j);
  }

  async function run(routes: (code: string) => Handler) {
    server = await startReplayServer({}, (url) => {
      const code = decodeURIComponent(url.pathname.split('/').pop()!);
      const h = routes(code);
      return typeof h === 'function' ? h(url) : Array.isArray(h) ? h[0] : h;
    });
    const dir = await copyDataDir(template);
    const config = testConfig(dir, { WORLDBANK_API_URL: `${server.url}/v2` });
    const [r] = await refresh({ config, jobs: [jobNamed('worldbank', config)], trigger: 'cli', sleep: noSleep });
    return { r, dir };
  }

  it('follows pages and records lastupdated as a new vintage', async () => {
    const bodies: Record<string, string> = {};
    for (const code of WB_CODES) bodies[code] = await kazPage(code, 1, 1, [['2024', 1.5]]);
    const page2 = await kazPage('NY.GDP.MKTP.CD', 2, 2, [['2023', 261840000000], ['2022', null]]);
    const page1 = await kazPage('NY.GDP.MKTP.CD', 1, 2, [['2024', 262000000000]]);
    const { r } = await run((code) => (url: URL) =>
      code === 'NY.GDP.MKTP.CD' ? { body: url.searchParams.get('page') === '2' ? page2 : page1 } : { body: bodies[code] });
    expect(r.outcome).toBe('success');
    expect(server!.hits.filter((h) => h.includes('NY.GDP.MKTP.CD?'))).toHaveLength(2);
    expect(server!.hits[0]).toMatch(/\/v2\/country\/KAZ;RUS;CHN;UZB;KGZ;TJK;TKM;AZE\/indicator\/NY.GDP.MKTP.CD\?format=json&per_page=1000&page=1/);
    expect(r.changes.find((c) => c.series === 'wb.NY.GDP.MKTP.CD.KAZ')).toBeDefined();
  });

  it.each([
    ['an error answered with 200', () => ({ body: ERROR_175 }), 'WB_API_ERROR'],
    ['HTML with 200', () => ({ body: '<html><body>503 Service Unavailable</body></html>' }), 'HTML_INSTEAD_OF_DATA'],
    ['500 forever', () => ({ status: 500 }), 'HTTP_SERVER_ERROR'],
    ['truncated JSON', () => ({ body: ERROR_175.slice(0, 30) }), 'BAD_JSON'],
    ['a schema change (object instead of [meta, rows])', () => ({ body: '{"data":[]}' }), 'WB_SCHEMA_CHANGED'],
    ['a timeout', () => ({ delayMs: 1500, body: '[]' }), 'HTTP_TIMEOUT'],
  ])('on %s: coded error, processed files unchanged', async (_n, reply, code) => {
    const { r, dir } = await run(() => reply());
    expect(r.outcome).toBe('failed');
    expect(r.error?.code).toBe(code);
    expect(String(r.error?.context.url)).toContain('/indicator/');
    expect(await processedBytes(dir)).toEqual(before);
  });

  it('on empty data (no rows for our countries): the build keeps the bundled series', async () => {
    const { r, dir } = await run(() => ({ body: `[{"page":1,"pages":1,"per_page":1000,"total":0,"sourceid":"2","lastupdated":"2026-07-01"},null]` }));
    expect(r.outcome).toBe('success');
    expect(r.changes).toEqual([]);
    expect(await processedBytes(dir)).toEqual(before);
  });
});
