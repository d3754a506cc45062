import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseStructureSpecific } from '../../src/sources/shared/sdmx.ts';
import { parseLegacyCompactJson } from '../support/legacy-compact-json.ts';
import { parseImts } from '../../src/sources/imf-imts/parse.ts';
import { DataRepository } from '../../src/store/repository.ts';
import { partnersView } from '../../src/server/partners-view.ts';
import { vocabularyOf } from '../../src/runner/job.ts';
import { fixture, noSleep, REPO, tempDataDir, testConfig } from '../support/data-dir.ts';
import { startReplayServer, type Handler, type ReplayServer } from '../support/replay-server.ts';
import { refresh } from '../../src/runner/refresh.ts';
import request from 'supertest';
import { Decimal } from 'decimal.js';
import { testApp } from '../support/app.ts';
import { allJobs, jobNamed } from '../../pipelines/index.ts';
import { readSourceFiles } from '../../src/store/processed-store.ts';

const IMTS = 'imf-sdmx/new-api_v3_data_IMTS_USA.XG_FOB_USD.G001+G998.A.xml';
const DOT = 'imf-sdmx/old-dataservices_SDMX_JSON_CompactData_DOT_A.US.TXG_FOB_USD.W00+B0.json';
const IRFCL = 'imf-sdmx/old-dataservices_SDMX_JSON_CompactData_IRFCL_M.JP.RAMFDA_USD.S1X.json';

describe('SDMX parsers on real recorded IMF answers', () => {
  it('IMTS (SDMX-ML 3.0): group attributes merged, values in full dollars, SCALE not applied', async () => {
    const r = parseImts(await fixture(IMTS), { url: 'u', request: { frequency: 'A' } });
    expect(r.series.map((s) => s.id)).toEqual(['imf.imts.XG_FOB_USD.G001.USA.A', 'imf.imts.XG_FOB_USD.G998.USA.A']);
    expect(r.series[1].observations).toEqual([{ date: '2023', value: 369756760426 }, { date: '2024', value: 371064529410 }]);
    expect(r.series[1].description.title).toBe('United States: exports of goods (FOB) to the European Union');
    expect(r.series[1].description.notes?.join()).toMatch(/SCALE attribute \(6\) is a display hint/);
  });

  it('the legacy DOT answer (Series as an array, UNIT_MULT 6) gives the same US→EU 2023 value: SCALE is not a multiplier', async () => {
    const legacy = parseLegacyCompactJson(await fixture(DOT), { source: 'test' });
    expect(legacy.series.length).toBeGreaterThan(1);
    const eu = legacy.series.find((s) => s.attributes.COUNTERPART_AREA === 'B0')!;
    const v2023 = eu.observations.find((o) => o.period === '2023')!.value;
    const imts = parseStructureSpecific(await fixture(IMTS), { source: 'test' }).series.find((s) => s.attributes.COUNTERPART_COUNTRY === 'G998')!;
    expect(v2023).toBeCloseTo(imts.observations.find((o) => o.period === '2023')!.value, 0);
  });

  it('the legacy IRFCL answer has Series as an object (one series) and still parses', async () => {
    const raw = JSON.parse((await fixture(IRFCL)).toString());
    expect(Array.isArray(raw.CompactData.DataSet.Series)).toBe(false);
    const m = parseLegacyCompactJson(await fixture(IRFCL), { source: 'test' });
    expect(m.series).toHaveLength(1);
    expect(m.series[0].observations.length).toBeGreaterThan(0);
  });

  it('SDMX-ML 2.1 WEO and 3.0 CPI (quarterly periods) parse', async () => {
    const weo = parseStructureSpecific(await fixture('imf-sdmx/new-api_WEO-data_sdmx21-structurespecific.xml'), { source: 'test' });
    expect(weo.dataSetAttributes.PUBLICATION_DATE).toBe('2025-10-14T13:00:00Z');
    expect(weo.series[0].observations.find((o) => o.period === '2018')?.value).toBe(94669000000);
    const cpi = parseStructureSpecific(await fixture('imf-sdmx/new-api_v3_data_CPI_JPN.CPI._T.YOY_PCH_PA_PT.Q.xml'), { source: 'test' });
    expect(cpi.series[0].observations[0].period).toBe('2024-Q1');
  });
});

describe('IMTS connector through the replay server', () => {
  let server: ReplayServer | undefined;
  afterEach(async () => server?.close());

  // The recorded US answer, relabelled as Kazakhstan's for the routing test only: the values are
  // the United States', not Kazakhstan's, and never leave this temporary folder.
  async function relabelled(indicator: string, counterparts: string[]): Promise<string> {
    const real = (await fixture(IMTS)).toString().replaceAll('XG_FOB_USD', indicator);
    const series = /<Series [\s\S]*?<\/Series>/.exec(real)![0];
    const many = counterparts.map((c) => series.replace('COUNTRY="USA"', 'COUNTRY="KAZ"').replace('COUNTERPART_COUNTRY="G001"', `COUNTERPART_COUNTRY="${c}"`)).join('');
    return real.replace(/<Series [\s\S]*<\/Series>/, many);
  }

  async function run(handler: (key: string) => Handler, rawParts: string[] = []) {
    server = await startReplayServer({}, (url) => {
      const key = decodeURIComponent(url.pathname.split('/').pop()!);
      const h = handler(key);
      return typeof h === 'function' ? h(url) : Array.isArray(h) ? h[0] : h;
    });
    const dir = await tempDataDir(rawParts);
    const config = testConfig(dir, { IMF_SDMX_URL: `${server.url}/external/sdmx/3.0` });
    const [r] = await refresh({ config, jobs: [jobNamed('imts', config)], trigger: 'cli', sleep: noSleep });
    return { r, dir };
  }

  it('asks for Kazakhstan\'s reports and the partners\' mirror view, and stores the series', async () => {
    const bodies = { XG_FOB_USD: await relabelled('XG_FOB_USD', ['RUS', 'CHN', 'G998', 'G001']), MG_CIF_USD: await relabelled('MG_CIF_USD', ['RUS', 'CHN', 'G998', 'G001']) };
    const empty = (await fixture(IMTS)).toString().replace(/<Series [\s\S]*<\/Series>/, '');
    const { r, dir } = await run((key) => {
      const [reporter, indicator, , freq] = key.split('.');
      return { body: reporter === 'KAZ' && freq === 'A' ? bodies[indicator as keyof typeof bodies] : empty, headers: { 'Content-Type': 'application/xml' } };
    });
    expect(r.error).toBeUndefined();
    expect(server!.hits[0]).toBe('/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/KAZ.XG_FOB_USD.*.A?dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false');
    expect(server!.hits).toContain('/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/*.XG_FOB_USD.KAZ.A?dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false');
    const files = (await readSourceFiles(dir, 'imts'))!;
    expect([...files.series.keys()].sort()).toEqual(['CHN', 'G001', 'G998', 'RUS'].flatMap((c) => [`imf.imts.MG_CIF_USD.${c}.KAZ.A`, `imf.imts.XG_FOB_USD.${c}.KAZ.A`]).sort());
    expect(files.series.get('imf.imts.XG_FOB_USD.RUS.KAZ.A')!.meta.title).toBe('Kazakhstan: exports of goods (FOB) to Russia');
    // Monthly data and the mirror view were empty here: said, not an error.
    expect(r.notes.join('\n')).toMatch(/not published at this frequency/);
  });

  it('asks every counterpart with the wildcard; where the service refuses it, the codelist in chunks, to the same series', async () => {
    const real = (await fixture(IMTS)).toString();
    const empty = real.replace(/<Series [\s\S]*<\/Series>/, '');
    const partners = ['RUS', 'CHN', 'G998', 'G001', 'DEU', 'UZB'];
    // The recorded US answer relabelled as Kazakhstan's (test-only values), for the partners asked.
    const answer = (indicator: string, asked: string[]) => {
      const text = real.replaceAll('XG_FOB_USD', indicator);
      const series = /<Series [\s\S]*?<\/Series>/.exec(text)![0];
      const kept = partners.filter((p) => asked.includes('*') || asked.includes(p));
      return text.replace(/<Series [\s\S]*<\/Series>/, kept.map((c) => series.replace('COUNTRY="USA"', 'COUNTRY="KAZ"').replace('COUNTERPART_COUNTRY="G001"', `COUNTERPART_COUNTRY="${c}"`)).join(''));
    };
    const reply = (refuseWildcard: boolean) => (key: string): Handler => {
      const [reporter, indicator, counterparts, freq] = key.split('.');
      if (reporter !== 'KAZ' || freq !== 'A') return { body: empty, headers: { 'Content-Type': 'application/xml' } };
      if (counterparts === '*' && refuseWildcard) return { status: 400, body: 'wildcard not allowed' };
      return { body: answer(indicator, counterparts.split('+')), headers: { 'Content-Type': 'application/xml' } };
    };
    const wildcard = await run(reply(false));
    expect(wildcard.r.error).toBeUndefined();
    const viaWildcard = [...(await readSourceFiles(wildcard.dir, 'imts'))!.series.keys()].sort();
    expect(viaWildcard).toContain('imf.imts.XG_FOB_USD.DEU.KAZ.A');
    // /partners shows whatever a refresh brings (here the relabelled years) as its own IMTS table.
    const repo = new DataRepository(wildcard.dir, ['imts']);
    await repo.load();
    const config = testConfig(wildcard.dir);
    const years = partnersView(repo, vocabularyOf(allJobs(config)), 'turnover').imts.map((row) => row.year);
    expect(years).toContain('2023');
    await server!.close();
    const chunked = await run(reply(true));
    expect(chunked.r.error).toBeUndefined();
    const own = server!.hits.filter((h) => h.includes('/KAZ.XG_FOB_USD.') && h.includes('.A?'));
    // The refused wildcard, then the codelist (ISO 3166 countries and 3 IMF groups) in chunks of 60.
    expect(own[0]).toContain('KAZ.XG_FOB_USD.*.A');
    const said = /KAZ\.XG_FOB_USD\.\*\.A refused \(HTTP 400\); asked the (\d+) codes of the codelist in (\d+) requests/.exec(chunked.r.notes.join('\n'))!;
    const codes = own.slice(1).map((h) => h.split('KAZ.XG_FOB_USD.')[1].split('.A?')[0].split('+'));
    expect(Number(said[1])).toBeGreaterThan(250);
    expect(codes.flat().length).toBe(Number(said[1]));
    expect(codes.length).toBe(Number(said[2]));
    expect(codes.every((c) => c.length <= 60)).toBe(true);
    expect([...(await readSourceFiles(chunked.dir, 'imts'))!.series.keys()].sort()).toEqual(viaWildcard);
  });

  it('keeps the bundled DOTS download and a refresh\'s IMTS answers apart: two editions of one series, both rows of an overlap year shown, nothing merged', async () => {
    // The relabelled answer again, its 2023 moved to 2020 so that it overlaps DOTS (test-only values).
    const overlap = async (indicator: string) => (await relabelled(indicator, ['RUS', 'CHN', 'G998', 'G001'])).replaceAll('TIME_PERIOD="2023"', 'TIME_PERIOD="2020"');
    const bodies = { XG_FOB_USD: await overlap('XG_FOB_USD'), MG_CIF_USD: await overlap('MG_CIF_USD') };
    const empty = (await fixture(IMTS)).toString().replace(/<Series [\s\S]*<\/Series>/, '');
    const { r, dir } = await run((key) => {
      const [reporter, indicator, , freq] = key.split('.');
      return { body: reporter === 'KAZ' && freq === 'A' ? bodies[indicator as keyof typeof bodies] : empty, headers: { 'Content-Type': 'application/xml' } };
    }, ['imts']);
    expect(r.error).toBeUndefined();
    const live = parseImts(Buffer.from(bodies.XG_FOB_USD), { url: 'u', request: { frequency: 'A' } }).series.find((x) => x.id === 'imf.imts.XG_FOB_USD.RUS.KAZ.A')!;
    const rus = (await readSourceFiles(dir, 'imts'))!.series.get('imf.imts.XG_FOB_USD.RUS.KAZ.A')!;
    // The current values are the live answer's, all of them and only them; DOTS is its own edition, whole.
    expect(rus.meta.vintage.key).toBe('imts');
    expect(rus.observations.map((o) => [o.date, o.value])).toEqual(live.observations.map((o) => [o.date, o.value]));
    const dots = rus.earlier.get('dots-2022-02')!;
    expect(dots.find((o) => o.date === '1995')!.value).toBe(2365800000);
    expect(dots.find((o) => o.date === '2020')!.value).toBe(4899450100);
    expect(r.conflicts).toEqual([]);
    // /partners: DOTS's 2020 and IMTS's 2020 each in its own table, the year marked as held by both.
    const repo = new DataRepository(dir, ['imts']);
    await repo.load();
    const view = partnersView(repo, vocabularyOf(allJobs(testConfig(dir))), 'exports');
    const rusIn = (rows: typeof view.imf) => rows.find((x) => x.year === '2020')!.blocks.find((b) => b.id === 'RUS')!.value;
    expect(rusIn(view.imf)).toBe(4899450100);
    expect(rusIn(view.imts)).toBe(live.observations.find((o) => o.date === '2020')!.value);
    expect(view.imf.map((x) => x.year)).not.toContain('2024');
    expect(view.overlap).toContain('2020');
    // The mirror compares DOTS with DOTS, and IMTS with IMTS in rows of their own, never across.
    const mirror2020 = view.mirror.RUS.filter((x) => x.year === '2020');
    expect(mirror2020.map((x) => x.imfPublication)).toEqual(['imf', 'imts']);
    expect(mirror2020[0].own.imf.exports).toBe(4.8994501);
    expect(mirror2020[1].own.imf.exports).toBe(new Decimal(live.observations.find((o) => o.date === '2020')!.value).div(1e9).toNumber());
    expect(mirror2020[1].own.bns.exports).toBeNull();
    // The page, with the content files a server reads beside the refreshed data.
    for (const f of await fs.readdir(path.join(REPO, 'data'))) if (f.endsWith('.json')) await fs.copyFile(path.join(REPO, 'data', f), path.join(dir, f));
    const page = (await request((await testApp(dir)).app).get('/partners?flow=exports')).text;
    expect(page).toContain('<h3>IMF DOTS (downloaded February 2022): exports, US$ bn');
    expect(page).toContain('<h3>IMF IMTS (refreshed): exports, US$ bn');
    expect(page).toMatch(/<th scope="row">2020 \*<\/th>[\s\S]*<th scope="row">2020 \*<\/th>/);
    expect(page).toContain('<th scope="row">2020 (IMF IMTS)</th>');
    // The rerouting view's Kazakhstan → Russia table: DOTS and IMTS in columns of their own.
    const rerouting = (await request((await testApp(dir)).app).get('/partners/rerouting')).text;
    const liveBn = Number(new Decimal(live.observations.find((o) => o.date === '2020')!.value).div(1e9).toFixed(2)).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(rerouting).toContain('<th scope="col">IMF DOTS</th><th scope="col">IMF IMTS (refreshed)</th>');
    expect(rerouting).toMatch(new RegExp(`<th scope="row">2020</th><td>[^<]*</td><td>4\\.90</td><td>${liveBn.replace(/[.,]/g, '\\$&')}</td>`));
  });

  it.each([
    ['5xx', () => ({ status: 502 }), 'HTTP_SERVER_ERROR'],
    ['a timeout', () => ({ delayMs: 1500 }), 'HTTP_TIMEOUT'],
    ['a truncated body', async () => ({ body: (await fixture(IMTS)).subarray(0, 1200) }), 'BAD_XML'],
    ['HTML with 200', () => ({ body: '<!DOCTYPE html><html><title>Maintenance</title></html>' }), 'HTML_INSTEAD_OF_DATA'],
    ['a schema change (a JSON error body)', () => ({ body: '<?xml version="1.0"?><error><message>NoResultsFound</message></error>' }), 'SDMX_SCHEMA_CHANGED'],
    ['empty data (no Series)', async () => ({ body: (await fixture(IMTS)).toString().replace(/<Series [\s\S]*<\/Series>/, '') }), 'SDMX_NO_DATA'],
  ])('on %s: coded error, no processed file written', async (_n, reply, code) => {
    const h = await reply();
    // The fault hits Kazakhstan's annual exports, a request that must have data.
    const { r, dir } = await run(() => h as Handler);
    expect(r.outcome).toBe('failed');
    expect(r.error?.code).toBe(code);
    expect(String(r.error?.context.url)).toContain('/IMTS/');
    await expect(fs.readdir(path.join(dir, 'processed'))).rejects.toThrow();
  });
});
