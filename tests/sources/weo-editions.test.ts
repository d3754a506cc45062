// The fourteen bundled WEO editions: what the processed data holds is exactly the file
// (every cell, no more), each edition a vintage; a cell an edition lacks stays missing; and a
// malformed row fails the import with a coded error naming its line, processed files unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from '../../src/lib/csv.ts';
import { readSourceFiles, type ProcessedSeries } from '../../src/store/processed-store.ts';
import { parseWeoCsv } from '../../src/sources/imf-weo/weo-csv.ts';
import { weoVintage } from '../../src/sources/imf-weo/weo.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { jobNamed } from '../../pipelines/index.ts';
import { processedBytes, REPO, tempDataDir, testConfig } from '../support/data-dir.ts';
import { rewriteRaw } from '../support/tamper.ts';

const FILE = path.join(REPO, 'data/raw/imf/imported/weo_vintages_kaz_partners/weo_vintages_kaz_partners.csv');
let rows: string[][];
let imf: Map<string, ProcessedSeries>;
beforeAll(async () => {
  rows = parseCsv(await fs.readFile(FILE, 'utf8')).slice(1);
  imf = (await readSourceFiles(path.join(REPO, 'data'), 'imf'))!.series;
});

function valueIn(id: string, editionKey: string, year: string): number | undefined {
  const s = imf.get(id);
  if (!s) return undefined;
  const obs = s.meta.vintage.key === editionKey ? s.observations : s.earlier.get(editionKey);
  return obs?.find((o) => o.date === year)?.value;
}

describe('the fourteen WEO editions as vintages', () => {
  it('every cell of the file is in the processed data with the same value, and nothing else is', () => {
    expect(rows.length).toBe(44_163);
    const mismatches = rows.filter(([edition, iso3, , ind, year, value]) => valueIn(`imf.${ind}.${iso3}`, weoVintage(edition).key, year) !== Number(value));
    expect(mismatches).toEqual([]);
    let held = 0;
    for (const s of imf.values()) held += s.observations.length + [...s.earlier.values()].reduce((n, o) => n + o.length, 0);
    expect(held).toBe(rows.length);
  });

  it('the latest edition is the current series; each edition keeps its own last actual year', () => {
    const g = imf.get('imf.NGDP_RPCH.KAZ')!;
    expect(g.meta.vintage.label).toBe('WEO October 2025');
    expect(g.meta.vintages.map((v) => `${v.key}:${v.lastActualYear}`)).toEqual([
      '2019-04:2017', '2019-10:2018', '2020-04:2018', '2020-10:2019', '2021-04:2020', '2021-10:2020', '2022-04:2020',
      '2022-10:2021', '2023-04:2021', '2023-10:2022', '2024-04:2022', '2024-10:2023', '2025-04:2023', '2025-10:2023',
    ]);
    // The cut after the invasion, as WEO_VINTAGES.md §5 reads it off the file.
    expect(valueIn('imf.NGDP_RPCH.KAZ', '2021-10', '2022')).toBe(3.859);
    expect(valueIn('imf.NGDP_RPCH.KAZ', '2022-04', '2022')).toBe(2.32);
    expect(valueIn('imf.NGDP_RPCH.RUS', '2022-04', '2022')).toBe(-8.524);
  });

  it("a value an edition lacks is missing there, not taken from another edition (CHN GDP ≥ $1,000 bn in April 2019)", () => {
    expect(valueIn('imf.NGDPD.CHN', '2019-04', '1997')).toBeDefined();
    expect(valueIn('imf.NGDPD.CHN', '2019-04', '1998')).toBeUndefined(); // a known gap: 1,024.172 in WEO October 2020
    expect(valueIn('imf.NGDPD.CHN', '2020-10', '1998')).toBe(1024.172);
  });
});

describe('a malformed editions file', () => {
  const header = 'vintage,iso3,imf_code,indicator,year,value,unit,unit_code,scale,last_actual_year';
  const good = 'WEO April 2022,KAZ,916,NGDP_RPCH,2022,2.32,Percent change,H,units,2020';
  const parse = (...lines: string[]) => parseWeoCsv(Buffer.from([header, ...lines].join('\n') + '\n'), { key: 'imported/test' });
  it.each([
    ['an edition that does not parse', 'WEO Spring 2022,KAZ,916,NGDP_RPCH,2022,2.32,Percent change,H,units,2020', 'IMPORT_BAD_ROW', /line 3: edition "WEO Spring 2022"/],
    ['a country that is not ISO3', 'WEO April 2022,Kaz,916,NGDP_RPCH,2022,2.32,Percent change,H,units,2020', 'IMPORT_BAD_ROW', /line 3: country "Kaz"/],
    ['an indicator that is not a code', 'WEO April 2022,KAZ,916,gdp growth,2022,2.32,Percent change,H,units,2020', 'IMPORT_BAD_ROW', /line 3: indicator "gdp growth"/],
    ['a year that is not a year', 'WEO April 2022,KAZ,916,NGDP_RPCH,22,2.32,Percent change,H,units,2020', 'IMPORT_BAD_ROW', /line 3: year "22"/],
    ['a value that is not a finite number', 'WEO April 2022,KAZ,916,NGDP_RPCH,2023,Infinity,Percent change,H,units,2020', 'IMPORT_BAD_VALUE', /line 3: value "Infinity"/],
    ['a value with a thousands separator', 'WEO April 2022,KAZ,916,NGDP_RPCH,2023,"1,024.1",Percent change,H,units,2020', 'IMPORT_BAD_VALUE', /line 3: value "1,024.1"/],
    ['a duplicate edition × country × indicator × year', good, 'IMPORT_DUPLICATE', /line 3: WEO April 2022 KAZ NGDP_RPCH 2022 appears twice/],
  ])('%s: a coded error naming the line', (_n, bad, code, msg) => {
    expect(() => parse(good, bad)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(msg), context: expect.objectContaining({ line: 3, file: 'imported/test' }) }));
  });

  it('the file with CRLF line ends reads as with LF; a row with a field more is refused, a unit that changes is read', async () => {
    const text = await fs.readFile(FILE, 'utf8');
    const plain = parseWeoCsv(Buffer.from(text), { key: 'k' });
    expect(plain.series.length).toBeGreaterThan(1000);
    expect(parseWeoCsv(Buffer.from(text.replaceAll('\n', '\r\n')), { key: 'k' })).toEqual(plain);
    // A row that looks like its group's but has a field more, or a unit that changes, is read whole.
    const row = (year: number, tail = 'Percent change,H,units,2020') => `WEO April 2022,KAZ,916,NGDP_RPCH,${year},2.5,${tail}`;
    expect(() => parse(row(2021), row(2022, 'Percent change,H,units,x,2020'))).toThrow(expect.objectContaining({ code: 'IMPORT_BAD_ROW', message: expect.stringMatching(/line 3: 11 fields/) }));
    expect(parse(row(2021), row(2022, 'Percent,H,units,2020')).series[0].observations).toEqual([{ date: '2021', value: 2.5 }, { date: '2022', value: 2.5 }]);
    expect(() => parse(row(2021), row(2022, 'Percent change,H,units,2021'))).not.toThrow();
  });

  it('years out of order in a group are kept; a repeat after a later year is still a duplicate', () => {
    const row = (year: number, value: string) => `WEO April 2022,KAZ,916,NGDP_RPCH,${year},${value},Percent change,H,units,2020`;
    expect(parse(row(2023, '4.1'), row(2021, '4.3'), row(2022, '3.2')).series[0].observations).toEqual([{ date: '2023', value: 4.1 }, { date: '2021', value: 4.3 }, { date: '2022', value: 3.2 }]);
    expect(() => parse(row(2021, '4.3'), row(2023, '4.1'), row(2021, '4.3'))).toThrow(expect.objectContaining({ code: 'IMPORT_DUPLICATE', context: expect.objectContaining({ line: 4 }) }));
  });

  it('fails the rebuild and leaves the processed files byte for byte', async () => {
    const dir = await tempDataDir(['imf']);
    await rebuildAll(dir, [jobNamed('imf', testConfig(dir))]);
    const before = await processedBytes(dir);
    const file = path.join(dir, 'raw/imf/imported/weo_vintages_kaz_partners/weo_vintages_kaz_partners.csv');
    const text = await fs.readFile(file, 'utf8');
    // A new edition file that does not parse (its sidecar consistent, as a connector would store it).
    await rewriteRaw(dir, path.relative(dir, file), text.replace('WEO April 2022,KAZ,916,NGDP_RPCH,2022,2.32,', 'WEO April 2022,KAZ,916,NGDP_RPCH,2022,n/a,'));
    const [r] = await rebuildAll(dir, [jobNamed('imf', testConfig(dir))]);
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatchObject({ code: 'IMPORT_BAD_VALUE', context: { source: 'imf', file: 'imported/weo_vintages_kaz_partners' } });
    expect(await processedBytes(dir)).toEqual(before);
  });
});
