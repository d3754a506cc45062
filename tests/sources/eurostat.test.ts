// Eurostat Comext: every cell of the 422 bundled Relational View files is in the processed data
// with its value, and nothing else is; names in three label styles map to codes, an unknown one
// is refused naming file and line; and the live job against SDMX-CSV answers built from the same
// real values (padded cells, day-first dates, header-only answers, 413), served on loopback.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobNamed } from '../../pipelines/index.ts';
import { refresh } from '../../src/runner/refresh.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import type { ParseCache } from '../../src/runner/parse.ts';
import { comextCode } from '../../src/sources/eurostat/names.ts';
import { comextPeriod, parseRelationalView } from '../../src/sources/eurostat/relational-view.ts';
import { readSourceFiles } from '../../src/store/processed-store.ts';
import { DataRepository } from '../../src/store/repository.ts';
import { sourceStatuses } from '../../src/server/status.ts';
import { copyDataDir, noSleep, processedBytes, REPO, tempDataDir, testConfig } from '../support/data-dir.ts';
import { startReplayServer, type ReplayServer } from '../support/replay-server.ts';

const RAW = path.join(REPO, 'data/raw/eurostat/imported');

function bundledFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.csv') && out.push(path.join(d, e.name))));
  walk(RAW);
  return out;
}

describe('the bundled Comext files', () => {
  let values: Map<string, number>;
  beforeAll(async () => {
    const files = await readSourceFiles(path.join(REPO, 'data'), 'eurostat');
    values = new Map([...files!.series].flatMap(([id, s]) => s.observations.map((o) => [`${id}|${o.date}`, o.value] as const)));
  });

  it('every cell of all 422 files is in the processed data with its value, and nothing else is', () => {
    const files = bundledFiles();
    expect(files).toHaveLength(422);
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const file of files) {
      // Read with csv-parse, the period and value by plain reading: a reference apart from the importer.
      const rows = parse(fs.readFileSync(file, 'utf8')) as string[][];
      for (const [line, r] of rows.slice(1).entries()) {
        const lang = r[3] === 'EXPORTATION' ? 'fr' : 'en';
        const annual = r[5].includes('Jan.-Dec.');
        const date = annual ? r[5].slice(-4) : `${r[5].slice(-4)}-${String(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(r[5].slice(-9, -6)) + 1).padStart(2, '0')}`;
        const key = `eurostat.X.${comextCode(r[0], lang)}.${comextCode(r[1], lang)}.${annual ? 'A' : 'M'}|${date}`;
        seen.add(key);
        if (values.get(key) !== Number(r[6])) wrong.push(`${path.basename(file)}:${line + 2} ${key} file ${r[6]} processed ${values.get(key)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBe(values.size);
    expect(values.size).toBeGreaterThan(15_000);
  });

  it('aggregates are their own series, the UK is missing after it left (not zero), monthly and annual kept as published', () => {
    expect(values.get('eurostat.X.GBR.KAZ.M|2020-01')).toBe(34727748);
    expect(values.has('eurostat.X.GBR.KAZ.M|2020-02')).toBe(false);
    const monthly2021 = [...Array(12)].reduce((t, _, m) => t + values.get(`eurostat.X.GEU27_2020.KAZ.M|2021-${String(m + 1).padStart(2, '0')}`)!, 0);
    const annual2021 = values.get('eurostat.X.GEU27_2020.KAZ.A|2021')!;
    expect(Math.abs(monthly2021 - annual2021)).toBeGreaterThan(0);
    expect(Math.abs(monthly2021 - annual2021)).toBeLessThan(1000);
  });

  it('reads every label style: English, English with codes, French (2016, whose "Guinea" is Guinea-Bissau)', () => {
    expect(comextPeriod('Aug. 2024')).toEqual({ date: '2024-08', frequency: 'M' });
    expect(comextPeriod('202408-Aug. 2024')).toEqual({ date: '2024-08', frequency: 'M' });
    expect(comextPeriod('201952-Jan.-Dec. 2019')).toEqual({ date: '2019', frequency: 'A' });
    expect(comextPeriod('202407-Aug. 2024')).toBeUndefined();
    expect(comextCode("Belgium (incl. Luxembourg 'LU' -> 1998)")).toBe('BEL');
    expect(comextCode('European Union (AT-01/1995, BE-01/1958, GB-01/1973->01/2020)')).toBe('G998');
    expect(comextCode('Union européenne - 27 pays (AT, BE)', 'fr')).toBe('GEU27_2020');
    expect(comextCode('Russie, Fédération de', 'fr')).toBe('RUS');
    expect(comextCode('Guinea', 'fr')).toBe('GNB');
    expect(comextCode('Guinea')).toBe('GIN');
  });

  it('a name nobody has reviewed is refused with a coded error naming the file and line', () => {
    const text = 'REPORTER,PARTNER,PRODUCT,FLOW,STAT_PROCEDURE,PERIOD,VALUE_IN_EUR\n"Cyprus","Kazakhstan","Total","EXPORT","Total","Aug. 2024",1\n"Cyprus","Atlantis","Total","EXPORT","Total","Aug. 2024",2\n';
    expect(() => parseRelationalView(Buffer.from(text), { key: 'imported/x' })).toThrow(expect.objectContaining({ code: 'EUROSTAT_UNKNOWN_NAME', context: expect.objectContaining({ file: 'imported/x', line: 3 }), message: expect.stringContaining('"Atlantis"') }));
    expect(() => parseRelationalView(Buffer.from(text.replace('",2', '",2.5')), { key: 'k' })).toThrow(expect.objectContaining({ code: 'EUROSTAT_UNKNOWN_NAME' }));
    expect(() => parseRelationalView(Buffer.from(text.split('\n').slice(0, 2).join('\n').replace('",1', '",1.5')), { key: 'k' })).toThrow(expect.objectContaining({ code: 'IMPORT_BAD_VALUE', context: expect.objectContaining({ line: 2 }) }));
  });
});

describe('the live Comext job through a loopback server', () => {
  // The 422 bundled files are parsed once for all these refreshes (keyed by each file's bytes).
  const parseCache: ParseCache = new Map();
  let template: string;
  let server: ReplayServer | undefined;
  let bundled: Map<string, Array<{ date: string; value: number }>>;
  beforeAll(async () => {
    template = await tempDataDir(['eurostat']);
    await rebuildAll(template, [jobNamed('eurostat', testConfig(template))], parseCache);
    const files = await readSourceFiles(template, 'eurostat');
    bundled = new Map([...files!.series].map(([id, s]) => [id, s.observations]));
  }, 60_000);
  afterEach(async () => server?.close());

  const A2: Record<string, string> = { KAZ: 'KZ', KGZ: 'KG', ARM: 'AM', GEO: 'GE', UZB: 'UZ', RUS: 'RU', DEU: 'DE', GEU27_2020: 'EU27_2020' };
  /** An SDMX-CSV answer for a year, from the bundled real values, with the recorded quirks: padded cells, a day-first LAST UPDATE. */
  function answer(year: string, partners: string[], reporters = ['GEU27_2020', 'DEU']): string {
    const lines = ['DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE'];
    for (const r of reporters) for (const p of partners) for (const o of bundled.get(`eurostat.X.${r}.${p}.M`) ?? []) if (o.date.startsWith(year)) lines.push(`ESTAT:DS-045409(1.0),15/09/26,M,${A2[r]},${A2[p]},TOTAL,2,VALUE_IN_EUROS,  ${o.date},${o.value}`);
    return lines.join('\n') + '\n';
  }

  /** A refresh against the loopback server. `failing`: the answer is refused before any build, so the
   *  copy needs the processed files only (not the 844 raw files a successful run rebuilds from). */
  async function run(reply: (url: URL) => { status?: number; body?: string }, options = { from: '2024', to: '2024-12-31', today: '2024-12-31' }, failing = false) {
    server = await startReplayServer({}, reply);
    const dir = failing ? await tempDataDir() : await copyDataDir(template);
    if (failing) await fsp.cp(path.join(template, 'processed'), path.join(dir, 'processed'), { recursive: true });
    const config = testConfig(dir, { EUROSTAT_COMEXT_URL: server.url });
    const [r] = await refresh({ config, jobs: [jobNamed('eurostat', config)], trigger: 'cli', sleep: noSleep, options, parseCache });
    return { r, dir };
  }

  it('asks one year a request for every reporter and partner, and the same values leave the data unchanged', async () => {
    const before = await processedBytes(template);
    const { r, dir } = await run((url) => ({ body: answer(url.searchParams.get('startPeriod')!.slice(0, 4), ['KAZ', 'KGZ', 'ARM', 'GEO', 'UZB', 'RUS']) }));
    expect(r.outcome).toBe('success');
    expect(server!.hits).toHaveLength(1);
    expect(server!.hits[0]).toBe('/data/DS-045409/M.EU27_2020+AT+BE+BG+HR+CY+CZ+DK+EE+FI+FR+DE+GR+HU+IE+IT+LV+LT+LU+MT+NL+PL+PT+RO+SK+SI+ES+SE.KZ+KG+AM+GE+UZ+RU+TJ+TM.TOTAL.2.VALUE_IN_EUROS?startPeriod=2024-01&endPeriod=2024-12&format=SDMX-CSV&compressed=false');
    const after = await processedBytes(dir);
    expect(after.get('eurostat.csv')).toBe(before.get('eurostat.csv'));
  });

  it('a new month continues the bundled series under the same id; a header-only answer adds nothing', async () => {
    const more = (url: URL) => {
      const body = answer('2024', ['KAZ']) + 'ESTAT:DS-045409(1.0),15/10/26,M,EU27_2020,KZ,TOTAL,2,VALUE_IN_EUROS,  2024-09 , 612345678\n';
      return { body: url.searchParams.get('startPeriod') === '2024-01' ? body : 'DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\n' };
    };
    const { r, dir } = await run(more, { from: '2024', to: '2025-01-15', today: '2025-01-15' });
    expect(r.outcome).toBe('success');
    expect(server!.hits).toHaveLength(2);
    const kaz = (await readSourceFiles(dir, 'eurostat'))!.series.get('eurostat.X.GEU27_2020.KAZ.M')!;
    expect(kaz.observations.at(-1)).toEqual({ date: '2024-09', value: 612345678 });
    expect(kaz.observations.find((o) => o.date === '2019-01')?.value).toBe(452204639);
    // /status: "not yet seen working against the real service" until a live answer is stored.
    const status = async (d: string) => {
      const repo = new DataRepository(d, ['eurostat']);
      await repo.load();
      return sourceStatuses(repo, [jobNamed('eurostat', testConfig(d))], [], new Date('2025-01-15T00:00:00Z'), () => null, undefined)[0].provenanceKey;
    };
    expect(await status(template)).toBe('status.provenance.importedNotLive');
    expect(await status(dir)).toBe('status.provenance.retrieved');
  });

  it('a year refused as too large (413) is asked in halves by partner', async () => {
    const { r } = await run((url) => {
      const partners = url.pathname.split('/').pop()!.split('.')[2].split('+');
      if (partners.length > 4) return { status: 413, body: 'EXTRACTION_TOO_BIG' };
      return { body: answer('2024', partners.map((a2) => Object.keys(A2).find((k) => A2[k] === a2)!).filter(Boolean)) };
    });
    expect(r.outcome).toBe('success');
    expect(server!.hits).toHaveLength(3);
  });

  it.each([
    ['HTML with 200', () => ({ body: '<!DOCTYPE html><html><title>Maintenance</title></html>' }), 'HTML_INSTEAD_OF_DATA'],
    ['another product', () => ({ body: 'DATAFLOW,LAST UPDATE,freq,reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE\nESTAT:DS-045409(1.0),15/09/26,M,AT,KZ,7204,2,VALUE_IN_EUROS,2024-01,1\n' }), 'SDMX_UNEXPECTED_ROW'],
    ['a schema change', () => ({ body: 'a,b\n1,2\n' }), 'SDMX_SCHEMA_CHANGED'],
    ['413 for a single partner', () => ({ status: 413, body: 'EXTRACTION_TOO_BIG' }), 'EUROSTAT_TOO_BIG'],
  ])('on %s: a coded error, processed files byte for byte', async (_n, reply, code) => {
    const before = await processedBytes(template);
    const { r, dir } = await run(reply, undefined, true);
    expect(r.outcome).toBe('failed');
    expect(r.error?.code).toBe(code);
    expect(await processedBytes(dir)).toEqual(before);
  });
});
