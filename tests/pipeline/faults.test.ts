// Every way a provider misbehaves, through the real connectors and a loopback replay server:
// the run fails with a coded error naming the source and URL, and the last good processed
// files stay byte-for-byte the same.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startReplayServer, type Handler, type ReplayServer } from '../support/replay-server.ts';
import { copyDataDir, fixture, noSleep, processedBytes, tempDataDir, testConfig } from '../support/data-dir.ts';
import { refresh } from '../../src/runner/refresh.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { jobNamed } from '../../pipelines/index.ts';
import { IMF_INDICATORS } from '../../pipelines/imf.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import type { ParseCache } from '../../src/runner/parse.ts';

let server: ReplayServer | undefined;
// Parsing the 870 kB history once for the whole file keeps these tests quick.
const parseCache: ParseCache = new Map();
let dataDir: string;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function nbkBody(date: '2026-04-01' | '2026-04-02', edit: (s: string) => string = (s) => s): Promise<Buffer> {
  return Buffer.from(edit((await fixture(`nbk/get_rates_fdate=${date}.xml`)).toString('utf8')));
}

async function runNbk(routes: Record<string, Handler>, from = '2026-04-01', to = '2026-04-02') {
  server = await startReplayServer(routes);
  const config = testConfig(dataDir, { NBK_RATES_URL: `${server.url}/rss/get_rates.cfm` });
  const [record] = await refresh({ config, jobs: [jobNamed('nbk', config)], trigger: 'cli', options: { from, to }, sleep: noSleep, parseCache });
  return record;
}

describe('NBK feed through the replay server', () => {
  let before: Map<string, string>;
  let template: string;
  beforeAll(async () => {
    // The bundled history only: the two recorded April 2026 answers come over "the network".
    template = await tempDataDir(['nbk/imported']);
    await rebuildAll(template, [jobNamed('nbk', testConfig(template))], parseCache);
    before = await processedBytes(template);
  });
  beforeEach(async () => {
    dataDir = await copyDataDir(template);
  });

  it('stores recorded answers, agrees with the history, and a second run fetches nothing', async () => {
    const routes = {
      '/rss/get_rates.cfm?fdate=01.04.2026': { body: await nbkBody('2026-04-01'), headers: { 'Content-Type': 'text/xml; charset=UTF-8' } },
      '/rss/get_rates.cfm?fdate=02.04.2026': { body: await nbkBody('2026-04-02'), headers: { 'Content-Type': 'text/xml; charset=UTF-8' } },
    };
    const record = await runNbk(routes);
    expect(record.outcome).toBe('success');
    expect(record.fetched).toBe(2);
    expect(record.snapshotsWritten).toHaveLength(2);
    expect(record.conflicts).toEqual([]); // the feed and the export history agree to the cent
    const sidecar = JSON.parse(await fs.readFile(path.join(dataDir, record.snapshotsWritten[0] + '.meta.json'), 'utf8'));
    expect(sidecar).toMatchObject({ source: 'nbk', kind: 'http', status: 200, bytes: 11469, contentType: 'text/xml; charset=UTF-8' });
    expect(sidecar.sha256).toMatch(/^[0-9a-f]{64}$/);
    const hits = server!.hits.length;
    await server!.close();
    const again = await runNbk(routes);
    expect(again.fetched).toBe(0);
    expect(server!.hits.length).toBe(0);
    expect(hits).toBe(2);
  });

  it('never stores an answer for another date as the date asked (archive miss)', async () => {
    const record = await runNbk({ '/rss/get_rates.cfm?fdate=03.04.2026': { body: await nbkBody('2026-04-02') } }, '2026-04-03', '2026-04-03');
    expect(record.outcome).toBe('success');
    expect(record.fetched).toBe(0);
    expect(record.notes.join('\n')).toMatch(/not in the feed's archive.*2026-04-03/);
    expect(await new RawStore(dataDir).list('nbk')).toHaveLength(1); // only the imported history
    expect(await processedBytes(dataDir)).toEqual(before);
  });

  it('divides by a quant that changed (USD quoted per 10)', async () => {
    const record = await runNbk(
      { '/rss/get_rates.cfm?fdate=02.04.2026': { body: await nbkBody('2026-04-02', (s) => s.replace('<description>475.09</description>\n            <quant>1</quant>', '<description>4750.9</description>\n            <quant>10</quant>')) } },
      '2026-04-02',
      '2026-04-02',
    );
    expect(record.outcome).toBe('success');
    expect(record.conflicts).toEqual([]); // 4750.9 / 10 = 475.09, as in the history
  });

  const cases: Array<[string, () => Promise<Handler>, string]> = [
    ['HTTP 503 forever', async () => ({ status: 503, body: 'busy' }), 'HTTP_SERVER_ERROR'],
    ['a timeout', async () => ({ delayMs: 2000, body: await nbkBody('2026-04-02') }), 'HTTP_TIMEOUT'],
    ['a body that stalls mid-stream', async () => ({ stallAfter: 3000, body: await nbkBody('2026-04-02') }), 'HTTP_TIMEOUT'],
    ['a connection cut mid-body', async () => ({ cutAfter: 3000, body: await nbkBody('2026-04-02') }), 'HTTP_NETWORK_ERROR'],
    ['a truncated XML body', async () => ({ body: (await nbkBody('2026-04-02')).subarray(0, 6000) }), 'BAD_XML'],
    ['an HTML error page with status 200', async () => ({ body: '<html><head><title>Request Rejected</title></head></html>', headers: { 'Content-Type': 'text/html' } }), 'HTML_INSTEAD_OF_DATA'],
    ['malformed XML', async () => ({ body: await nbkBody('2026-04-02', (s) => s.replace('<quant>1</quant>', '<quant>1</qaunt>')) }), 'BAD_XML'],
    ['an answer with no items', async () => ({ body: await nbkBody('2026-04-02', (s) => s.replace(/<item>[\s\S]*<\/item>/, '')) }), 'NBK_NO_ITEMS'],
    ['a non-numeric rate', async () => ({ body: await nbkBody('2026-04-02', (s) => s.replace('<description>475.09</description>', '<description>475,09</description>')) }), 'NBK_BAD_RATE'],
    ['a duplicate currency', async () => ({ body: await nbkBody('2026-04-02', (s) => s.replace('</rates>', '<item><title>USD</title><description>475.09</description><quant>1</quant></item></rates>')) }), 'NBK_DUPLICATE_CURRENCY'],
    ['a rate that jumps 100× in a day', async () => ({ body: await nbkBody('2026-04-02', (s) => s.replace('<description>475.09</description>', '<description>47509</description>')) }), 'VALIDATION_FAILED'],
  ];

  it.each(cases)('on %s: coded error naming source and URL, processed files unchanged', async (_name, reply, code) => {
    const record = await runNbk({ '/rss/get_rates.cfm?fdate=02.04.2026': await reply() }, '2026-04-02', '2026-04-02');
    expect(record.outcome).toBe('failed');
    expect(record.error?.code).toBe(code);
    expect(record.error?.context.source).toBe('nbk');
    if (code !== 'VALIDATION_FAILED') expect(record.error?.context.url).toContain('fdate=02.04.2026');
    else expect(record.error?.message).toMatch(/USD moves ×99\.2 from 478\.77 \(2026-04-01\) to 47509 \(2026-04-02\)/);
    expect(await processedBytes(dataDir)).toEqual(before);
    // Nothing from a failed run enters the raw store the build reads.
    expect(await new RawStore(dataDir).list('nbk')).toHaveLength(1);
  });

  it('retries a 500 and then succeeds', async () => {
    const record = await runNbk({ '/rss/get_rates.cfm?fdate=02.04.2026': [{ status: 500 }, { body: await nbkBody('2026-04-02') }] }, '2026-04-02', '2026-04-02');
    expect(record.outcome).toBe('success');
    expect(server!.hits.filter((h) => h.includes('02.04.2026'))).toHaveLength(2);
  });
});

describe('IMF DataMapper through the replay server (constructed fixtures, see tests/fixtures/imf-datamapper/README.md)', () => {
  let before: Map<string, string>;
  let bodies: Map<string, Buffer>;
  let template: string;
  // Built once: the fourteen bundled WEO editions take half a second to parse.
  beforeAll(async () => {
    template = await tempDataDir(['imf']);
    await rebuildAll(template, [jobNamed('imf', testConfig(template))], parseCache);
    before = await processedBytes(template);
    bodies = new Map();
    for (const i of [...IMF_INDICATORS, 'indicators']) bodies.set(i, await fixture(`imf-datamapper/constructed_${i}.json`));
  });
  beforeEach(async () => {
    dataDir = await copyDataDir(template);
  });

  async function runImf(override: Record<string, Handler> = {}) {
    const routes: Record<string, Handler> = {};
    for (const [k, v] of bodies) routes[`/api/v1/${k}`] = { body: v, headers: { 'Content-Type': 'application/json' } };
    server = await startReplayServer({ ...routes, ...override });
    const config = testConfig(dataDir, { IMF_DATAMAPPER_URL: `${server.url}/api/v1` });
    const [record] = await refresh({ config, jobs: [jobNamed('imf', config)], trigger: 'cli', sleep: noSleep, parseCache });
    return record;
  }

  it('fetches one request per indicator, records the vintage, and changes nothing when values agree', async () => {
    const record = await runImf();
    expect(record.outcome).toBe('success');
    expect(server!.hits).toEqual(['/api/v1/indicators', ...IMF_INDICATORS.map((i) => `/api/v1/${i}`)]);
    expect(record.conflicts).toEqual([]);
    expect(record.changes).toEqual([]);
    const stored = await new RawStore(dataDir).list('imf');
    expect(stored.find((s) => s.meta.key === 'datamapper/PCPIPCH')?.meta.vintage).toBe('World Economic Outlook (October 2025)');
  });

  const kaz = () => JSON.parse(bodies.get('PCPIPCH')!.toString());
  const cases: Array<[string, () => Handler, string]> = [
    ['an indicator missing from the answer', () => ({ body: JSON.stringify({ values: { NGDPD: kaz().values.PCPIPCH }, api: {} }) }), 'IMF_INDICATOR_MISSING'],
    ['the countries listing (unknown indicator answers 200)', () => ({ body: JSON.stringify({ countries: { KAZ: { label: 'Kazakhstan' } }, api: { version: '1' } }) }), 'IMF_NO_VALUES'],
    ['a country missing', () => {
      const j = kaz();
      delete j.values.PCPIPCH.KAZ;
      return { body: JSON.stringify(j) };
    }, 'IMF_COUNTRY_MISSING'],
    ['truncated JSON', () => ({ body: bodies.get('PCPIPCH')!.subarray(0, 500) }), 'BAD_JSON'],
    ['HTML with status 200', () => ({ body: '<!DOCTYPE html><html><title>Request Rejected</title></html>' }), 'HTML_INSTEAD_OF_DATA'],
    ['503 forever', () => ({ status: 503 }), 'HTTP_SERVER_ERROR'],
    ['a string where a number belongs (schema change)', () => {
      const j = kaz();
      j.values.PCPIPCH.KAZ['2020'] = '7.5';
      return { body: JSON.stringify(j) };
    }, 'IMF_BAD_VALUE'],
    ['an empty body', () => ({ body: '' }), 'EMPTY_BODY'],
  ];
  it.each(cases)('on %s: coded error, processed files unchanged', async (_n, reply, code) => {
    const record = await runImf({ '/api/v1/PCPIPCH': reply() });
    expect(record.outcome).toBe('failed');
    expect(record.error?.code).toBe(code);
    expect(record.error?.context).toMatchObject({ source: 'imf' });
    expect(String(record.error?.context.url)).toMatch(/\/api\/v1\/PCPIPCH$/);
    expect(await processedBytes(dataDir)).toEqual(before);
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    const waits: number[] = [];
    server = await startReplayServer({
      '/api/v1/indicators': [{ status: 429, headers: { 'Retry-After': '2' } }, { body: bodies.get('indicators')! }],
      ...Object.fromEntries(IMF_INDICATORS.map((i) => [`/api/v1/${i}`, { body: bodies.get(i)! }])),
    });
    const config = testConfig(dataDir, { IMF_DATAMAPPER_URL: `${server.url}/api/v1` });
    const [record] = await refresh({ config, jobs: [jobNamed('imf', config)], trigger: 'cli', sleep: async (ms) => void waits.push(ms), parseCache });
    expect(record.outcome).toBe('success');
    expect(waits[0]).toBe(2000);
  });
});
