// The four trade and investment imports, read from the bundled files and from malformed
// workbooks built here with exceljs: every bad input is a coded error naming file, sheet and
// cell, and a failed rebuild leaves the processed files byte for byte as they were.
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seededRandom } from '../support/seeded-random.ts';
import { describe, expect, it } from 'vitest';
import { jobNamed } from '../../pipelines/index.ts';
import { PipelineError } from '../../src/domain/errors.ts';
import { parseBnsWorkbook } from '../../src/sources/bns/parse.ts';
import { parseDotsWorkbook } from '../../src/sources/imf-imts/dots.ts';
import { parseWiiwCsv } from '../../src/sources/wiiw/parse.ts';
import { parseComtradeCsv } from '../../src/sources/comtrade/parse.ts';
import { rebuildAll } from '../../src/runner/rebuild.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { readSourceFiles } from '../../src/store/processed-store.ts';
import { processedBytes, REPO, tempDataDir, testConfig } from '../support/data-dir.ts';

const raw = (p: string) => fs.readFile(path.join(REPO, 'data/raw', p));

/** A minimal BNS sheet as the Bureau lays it out: titles, two header rows, total, partners. */
type Row = [string, ...Array<number | string | null>];
async function bnsWorkbook(rows: Row[], opts: { sheet?: string; shiftHeader?: number } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? '2023');
  for (let i = 0; i < (opts.shiftHeader ?? 0); i++) ws.addRow([]);
  ws.addRow([' Основные показатели внешней торговли Республики Казахстан']);
  ws.addRow(['2023 год']);
  ws.addRow([null, null, null, null, 'тыс. долларов США']);
  ws.addRow(['Наименование', 'Товарооборот', 'Товарооборот', 'Экспорт', 'Экспорт', 'Импорт', 'Импорт']);
  ws.addRow(['Наименование', 'всего', 'удельный вес страны в общем объеме товарооборота, %', 'всего', 'удельный вес страны в общем объеме экспорта, %', 'всего', 'удельный вес страны в общем объеме импорта, %']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GOOD: Row[] = [
  ['Всего', 300, 100, 200, 100, 100, 100],
  ['Страны ЕАЭС', 100, 33.33333, 50, 25, 50, 50],
  ['Россия', 100, 33.33333, 50, 25, 50, 50],
  ['Китай', 200, 66.66667, 150, 75, 50, 50],
];

async function bnsError(rows: Row[], opts?: { sheet?: string; shiftHeader?: number }): Promise<PipelineError> {
  const err = await parseBnsWorkbook(await bnsWorkbook(rows, opts), { key: 'imported/test_release' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PipelineError);
  return err as PipelineError;
}

describe('BNS trade by partner', () => {
  it('reads the bundled releases: each year from the latest release, every release a vintage', async () => {
    const r2023 = await parseBnsWorkbook(await raw('bns/imported/bns_main_foreign_trade_indicators_by_country_2023/bns_main_foreign_trade_indicators_by_country_2023.xlsx'), { key: 'x' });
    const rus = r2023.series.filter((s) => s.id === 'bns.TURNOVER.RUS');
    expect(rus.map((s) => s.vintage.key).sort()).toEqual(['2023', 'latest']);
    // The cells as published, row 12 of sheets 2022 and 2023.
    expect(Object.fromEntries(rus[0].observations.map((o) => [o.date, o.value]))).toEqual({ '2022': 26972021.44517, '2023': 27054449.63674 });
    const files = (await readSourceFiles(path.join(REPO, 'data'), 'bns'))!;
    const exportsRus = files.series.get('bns.TURNOVER.RUS')!;
    expect(exportsRus.observations.map((o) => o.date)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023']);
    // 2020 in its own release (12_2020, 2020 file) vs as revised in the 2021 release: the revision wins.
    expect(exportsRus.earlier.get('2020')!.find((o) => o.date === '2020')!.value).toBe(18775351.5);
    expect(exportsRus.observations.find((o) => o.date === '2020')!.value).toBe(18775351.55957);
  });

  it('accepts a well-formed table (the control for the cases below)', async () => {
    const r = await parseBnsWorkbook(await bnsWorkbook(GOOD), { key: 'k' });
    expect(r.series.map((s) => s.id)).toContain('bns.EXPORTS.CHN');
  });

  it('a truncated workbook: XLSX_UNREADABLE naming the file', async () => {
    const bytes = await bnsWorkbook(GOOD);
    const err = await parseBnsWorkbook(bytes.subarray(0, bytes.length >> 1), { key: 'imported/test_release' }).catch((e: PipelineError) => e);
    expect(err).toMatchObject({ code: 'XLSX_UNREADABLE', context: { source: 'bns', file: 'imported/test_release' } });
  });

  it('a header that moved down the sheet: BNS_HEADER_MOVED naming sheet and cells', async () => {
    const err = await bnsError(GOOD, { shiftHeader: 8 });
    expect(err.code).toBe('BNS_HEADER_MOVED');
    expect(err.context).toMatchObject({ file: 'imported/test_release', sheet: '2023', cell: 'A1:A7' });
  });

  it('a number cell holding text: BNS_BAD_VALUE naming the cell', async () => {
    const rows = GOOD.map((r) => [...r] as Row);
    rows[3][3] = '150 000';
    const err = await bnsError(rows);
    expect(err).toMatchObject({ code: 'BNS_BAD_VALUE', context: { sheet: '2023', cell: 'D9' } });
  });

  it('a partner listed twice: BNS_DUPLICATE_PARTNER naming both rows', async () => {
    const err = await bnsError([...GOOD, ['Китай', 1, null, 1, null, null, null]]);
    expect(err.code).toBe('BNS_DUPLICATE_PARTNER');
    expect(err.message).toMatch(/A9 and A10/);
  });

  it('a name nobody reviewed: BNS_UNKNOWN_PARTNER with the name, never a silent drop', async () => {
    const rows = GOOD.map((r) => [...r] as Row);
    rows[3][0] = 'Атлантида';
    const err = await bnsError(rows);
    expect(err).toMatchObject({ code: 'BNS_UNKNOWN_PARTNER', context: { file: 'imported/test_release', sheet: '2023', cell: 'A9', name: 'Атлантида' } });
  });

  it('countries that do not add up to the total, and a share that is not value / total', async () => {
    const sum = GOOD.map((r) => [...r] as Row);
    sum[3][3] = 153;
    expect((await bnsError(sum)).code).toBe('BNS_TOTAL_MISMATCH');
    const share = GOOD.map((r) => [...r] as Row);
    share[3][4] = 70;
    expect(await bnsError(share)).toMatchObject({ code: 'BNS_SHARE_MISMATCH', context: { cell: 'E9' } });
  });

  it('a failed rebuild leaves the processed files byte for byte as they were', async () => {
    const dir = await tempDataDir(['bns']);
    await rebuildAll(dir, [jobNamed('bns', testConfig(dir))]);
    const before = await processedBytes(dir);
    const rows = GOOD.map((r) => [...r] as Row);
    rows[3][0] = 'Атлантида';
    await new RawStore(dir).put(
      { kind: 'imported-file', source: 'bns', parser: 'bns-xlsx', key: 'imported/bad_release', retrievedAt: '2026-12-02T00:00:00Z', connectorVersion: 'test' },
      await bnsWorkbook(rows), 'xlsx', undefined, 'bad_release.xlsx',
    );
    const [summary] = await rebuildAll(dir, [jobNamed('bns', testConfig(dir))]);
    expect(summary.error).toMatchObject({ code: 'BNS_UNKNOWN_PARTNER' });
    expect(await processedBytes(dir)).toEqual(before);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('IMF DOTS', () => {
  it('a damaged copy of a real DOTS workbook (a cell left open, a row beyond the sheet, an entry bigger than it says) fails the rebuild with XLSX_UNREADABLE; the processed files stay byte for byte', async () => {
    const { strToU8, unzipSync, zipSync } = await import('fflate');
    const dir = await tempDataDir(['imts']);
    await rebuildAll(dir, [jobNamed('imts', testConfig(dir))]);
    const before = await processedBytes(dir);
    const parts = unzipSync(new Uint8Array(await raw('imts/imported/dots_210/DOTS_210.xlsx')));
    const sheet = Buffer.from(parts['xl/worksheets/sheet1.xml']).toString('utf8');
    const withSheet = (xml: string) => Buffer.from(zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(xml) }));
    const understated = withSheet(sheet);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const entry = understated.indexOf(name, understated.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), understated.lastIndexOf(name))) - 46;
    understated.writeUInt32LE(100, entry + 24); // the directory now says the sheet inflates to 100 bytes
    const damaged: Array<[string, Buffer, RegExp]> = [
      ['cell left open', withSheet(sheet.replace(/<\/c><\/row>/, '</row>')), /not closed/],
      ['row beyond the sheet', withSheet(sheet.replace('</sheetData>', '<row r="2000000"/></sheetData>')), /row numbered 2000000/],
      ['entry bigger than it says', understated, /inflates to more than the 100 bytes/],
    ];
    for (const [what, bytes, message] of damaged) {
      const key = `imported/damaged_${what.replaceAll(' ', '_')}`;
      await new RawStore(dir).put({ kind: 'imported-file', source: 'imts', parser: 'dots-xlsx', key, retrievedAt: '2026-12-02T00:00:00Z', connectorVersion: 'test' }, bytes, 'xlsx', undefined, 'DOTS_210.xlsx');
      const [summary] = await rebuildAll(dir, [jobNamed('imts', testConfig(dir))]);
      expect(summary.error, what).toMatchObject({ code: 'XLSX_UNREADABLE', message: expect.stringMatching(message), context: { source: 'imts', file: key } });
      expect(await processedBytes(dir), what).toEqual(before);
      await fs.rm(path.join(dir, 'raw/imts', key), { recursive: true });
    }
  });

  async function dotsWorkbook(cells: Array<[string, ...Array<number | string | null>]>): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    for (const name of ['Exports, FOB', 'Imports, CIF']) {
      const ws = wb.addWorksheet(name);
      ws.addRow([]);
      ws.addRow([null, `${name} to Partner Countries`]);
      ws.addRow([null, `${name} to Partner Countries`]);
      ws.addRow([null, 'Kazakhstan, Rep. of']);
      ws.addRow([null, 'US Dollars, Millions']);
      ws.addRow([]);
      ws.addRow([null, null, '2019', '2020']);
      for (const c of cells) ws.addRow([null, ...c]);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('keeps an estimate flag as the value\'s status, in US dollars, under the IMTS id', async () => {
    const r = await parseDotsWorkbook(await dotsWorkbook([['World', 10, '1,191.26 e'], ['Russian Federation', 0.1, '0.14 e']]), { key: 'k' }, { home: 'KAZ' });
    const rus = r.series.find((s) => s.id === 'imf.imts.XG_FOB_USD.RUS.KAZ.A')!;
    expect(rus.observations).toEqual([{ date: '2019', value: 100000 }, { date: '2020', value: 140000, status: 'estimate' }]);
    expect(r.series.find((s) => s.id === 'imf.imts.XG_FOB_USD.G001.KAZ.A')!.observations[1]).toEqual({ date: '2020', value: 1191260000, status: 'estimate' });
  });

  it('the bundled Kazakhstan file: flags survive to the processed data (Australia 1993, "0.14 e")', async () => {
    const files = (await readSourceFiles(path.join(REPO, 'data'), 'imts'))!;
    const aus = files.series.get('imf.imts.XG_FOB_USD.AUS.KAZ.A')!;
    expect(aus.observations.find((o) => o.date === '1993')).toEqual({ date: '1993', value: 140000, status: 'estimate' });
    expect(aus.observations.find((o) => o.date === '1994')).toEqual({ date: '1994', value: 200000 });
  });

  it('text other than the estimate flag, and a repeated partner whose values differ: coded errors naming the cell', async () => {
    const bad = await parseDotsWorkbook(await dotsWorkbook([['World', 10, 'n.a.']]), { key: 'k' }, { home: 'KAZ' }).catch((e: PipelineError) => e);
    expect(bad).toMatchObject({ code: 'DOTS_BAD_VALUE', context: { sheet: 'Exports, FOB', cell: 'D8' } });
    const same = await parseDotsWorkbook(await dotsWorkbook([['World', 10, 20], ['China, P.R.: Mainland', 1, 2], ['China, P.R.: Mainland', 1, 2]]), { key: 'k' }, { home: 'KAZ' });
    expect(same.series.filter((s) => s.id.includes('.CHN.')).length).toBe(2);
    const differs = await parseDotsWorkbook(await dotsWorkbook([['World', 10, 20], ['China, P.R.: Mainland', 1, 2], ['China, P.R.: Mainland', 1, 3]]), { key: 'k' }, { home: 'KAZ' }).catch((e: PipelineError) => e);
    expect(differs).toMatchObject({ code: 'DOTS_DUPLICATE_PARTNER', context: { cell: 'D10' } });
  });
});

describe('Comtrade and wiiw', () => {
  it('Comtrade: the FOB/CIF column must equal primaryValue; a changed header is named', async () => {
    const text = (await raw('comtrade/imported/comtrade_chn_kaz_total/comtrade_reporter_CHN_partner_KAZ_total.csv')).toString('utf8');
    const r = parseComtradeCsv(Buffer.from(text), { key: 'k' });
    expect(Object.fromEntries(r.series.find((s) => s.id === 'comtrade.X.KAZ.CHN')!.observations.map((o) => [o.date, o.value]))['2022']).toBe(16355236459);
    expect(() => parseComtradeCsv(Buffer.from(text.replace('"16355236459"', '"16355236458"')), { key: 'k' })).toThrow(/differs from primaryValue/);
    expect(() => parseComtradeCsv(Buffer.from(text.replace('fobvalue', 'fob_value')), { key: 'k' })).toThrow(/lacks fobvalue/);
  });

  it('wiiw: shares must equal value / total; "." is missing, not zero', async () => {
    const text = (await raw('wiiw/imported/wiiw_partners/wiiw_partners.csv')).toString('utf8');
    const r = parseWiiwCsv(Buffer.from(text), { key: 'k' });
    const nl = r.series.find((s) => s.id === 'wiiw.FDI_STOCK.NLD')!;
    expect(Object.fromEntries(nl.observations.map((o) => [o.date, o.value]))['2021']).toBe(52143.0636);
    expect(r.series.find((s) => s.id === 'wiiw.FDI_INFLOW.G001')!.description.notes![0]).toMatch(/Not the "gross inflow"/i);
    // The EU's 2003 share, 46.6276997 %, made wrong by one digit.
    const err = (() => { try { parseWiiwCsv(Buffer.from(text.replace('46.6276997', '47.6276997')), { key: 'k' }); } catch (e) { return e as PipelineError; } })();
    expect(err).toMatchObject({ code: 'WIIW_SHARE_MISMATCH', context: { year: '2003' } });
  });
});

describe('DOTS millions to US dollars', () => {
  it('moves the decimal point exactly: the same double Decimal.js gives, for awkward values', async () => {
    const { Decimal } = await import('decimal.js');
    const { millionsToUnits } = await import('../../src/sources/imf-imts/dots.ts');
    for (const v of [0.8999999999999999, 0.6000000000000002, 1661.9999999999998, 0.14, 1.1, 1e-7, 1.5e-10, 123456789.123, 5256.6, 0, -3.2]) {
      expect(millionsToUnits(String(v)), String(v)).toBe(new Decimal(v).times(1e6).toNumber());
    }
    expect(millionsToUnits('1191.26')).toBe(1191260000);
  });

  it('the arithmetic shortcut gives what the decimal text gives, for every kind of value', async () => {
    const { millionsToUnits, millionsNumberToUnits } = await import('../../src/sources/imf-imts/dots.ts');
    const random = seededRandom(3);
    const values: number[] = [0, -0, 0.8999999999999999, 0.6000000000000002, 1661.9999999999998, 2 ** 31 - 0.01, 2 ** 31, 2 ** 31 + 0.5, 1e15 + 0.25, 9007199254.740991, 1e-7, 5e-324];
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 21 - 4);
      const decimals = Math.floor(random() * 9);
      const raw = (random() - 0.3) * magnitude;
      // Published-looking values (few decimals) and arbitrary doubles, including sums with float drift.
      values.push(Number(raw.toFixed(decimals)), raw, Number(raw.toFixed(2)) + Number((random() * 10).toFixed(2)));
    }
    // One expect over the list of disagreements: 600,000 expect calls took most of this test's 5 s.
    expect(values.filter((v) => !Object.is(millionsNumberToUnits(v), millionsToUnits(String(v)))).map(String)).toEqual([]);
  });
});

describe('BNS: the decimals a published number shows', () => {
  it('as its shortest text shows them, for every kind of value (against a plain reading of the text)', async () => {
    const { shownDecimals } = await import('../../src/sources/bns/parse.ts');
    const reference = (v: number) => {
      const [mantissa, exp] = String(v).split('e');
      const decimals = mantissa.split('.')[1]?.length ?? 0;
      return exp === undefined ? decimals : Math.max(0, decimals - Number(exp));
    };
    const random = seededRandom(5);
    const values = [0, 27, 0.03179, 1e-7, 1.5e-10, 123456.789, 1e21, 1.5e21, -0.25];
    for (let i = 0; i < 20_000; i++) values.push(Number(((random() - 0.5) * 10 ** Math.floor(random() * 30 - 12)).toPrecision(1 + Math.floor(random() * 16))));
    expect(values.filter((v) => shownDecimals(v) !== reference(v)).map((v) => `${v}: ${shownDecimals(v)} vs ${reference(v)}`)).toEqual([]);
    expect([27, 0.03179, 1e-7, 1.5e-7, 1.5e21].map(shownDecimals)).toEqual([0, 5, 7, 8, 0]);
  });
});
