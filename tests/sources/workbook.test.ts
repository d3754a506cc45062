// The workbook reader against exceljs, the reference: every cell of every bundled workbook
// (and of workbooks built here with merged cells, rich text, formulas and escapes) reads the
// same, value for value, including merged ranges read as their top-left cell.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readWorkbook } from '../../src/sources/shared/workbook.ts';
import { unzip } from '../../src/sources/shared/zip.ts';
import { REPO } from '../support/data-dir.ts';

function excelPlain(v: ExcelJS.CellValue): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return excelPlain(v.result as ExcelJS.CellValue);
  throw new Error(`unexpected cell ${JSON.stringify(v)}`);
}

async function compareWithExceljs(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const mine = await readWorkbook(bytes, { source: 'test', file: 'x' });
  expect(mine.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
  let cells = 0;
  for (const ws of wb.worksheets) {
    const sheet = mine.find((s) => s.name === ws.name)!;
    for (let r = 1; r <= Math.max(ws.rowCount, sheet.rowCount); r++) {
      for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
        const expected = excelPlain(ws.getRow(r).getCell(c).value);
        expect(sheet.cell(r, c), `${ws.name}!${ws.getRow(r).getCell(c).address}`).toEqual(expected);
        if (expected !== null) cells++;
      }
    }
  }
  return cells;
}

const bundled = ['bns', 'imts'].flatMap((src) => {
  const dir = path.join(REPO, 'data/raw', src, 'imported');
  return fs.readdirSync(dir).flatMap((k) => fs.readdirSync(path.join(dir, k)).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, k, f)));
});

describe('the zip reader gives what fflate gives', () => {
  it.each(bundled.map((f) => [path.basename(f), f]))('%s: every entry, byte for byte', (_name, file) => {
    const bytes = fs.readFileSync(file);
    const reference = unzipSync(new Uint8Array(bytes));
    const mine = unzip(bytes);
    expect([...mine.keys()].sort()).toEqual(Object.keys(reference).sort());
    for (const [name, data] of mine) expect(Buffer.compare(data, Buffer.from(reference[name])), name).toBe(0);
  });

  it('reads stored entries and only the wanted ones; a truncated or damaged archive is an error saying so', () => {
    const zip = Buffer.from(zipSync({ 'a.txt': [strToU8('stored'), { level: 0 }], 'b.txt': [strToU8('deflated '.repeat(50)), { level: 9 }] }));
    const all = unzip(zip);
    expect(all.get('a.txt')!.toString()).toBe('stored');
    expect(all.get('b.txt')!.toString()).toBe('deflated '.repeat(50));
    expect([...unzip(zip, (n) => n === 'b.txt').keys()]).toEqual(['b.txt']);
    expect(() => unzip(zip.subarray(0, zip.length - 30))).toThrow(/end-of-central-directory|damaged|truncated/);
    expect(() => unzip(Buffer.from('not a zip at all, just text that is long enough'))).toThrow(/not a zip file/);
    // An entry that inflates to more than its directory entry declares (a zip bomb's trick), or declares too much.
    const entryOf = (z: Buffer, name: string) => z.indexOf(Buffer.from(name), z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), z.lastIndexOf(Buffer.from(name)))) - 46;
    const understated = Buffer.from(zip);
    understated.writeUInt32LE(10, entryOf(understated, 'b.txt') + 24);
    expect(() => unzip(understated)).toThrow(/b\.txt: inflates to more than the 10 bytes it declares/);
    const huge = Buffer.from(zip);
    huge.writeUInt32LE(0xfffffff0, entryOf(huge, 'b.txt') + 24);
    expect(() => unzip(huge)).toThrow(/b\.txt: says it holds \d+ bytes/);
    const cut = Buffer.concat([zip.subarray(0, 40), Buffer.alloc(zip.length - 40)]);
    cut.set(zip.subarray(zip.length - 120), zip.length - 120);
    expect(() => unzip(cut)).toThrow();
  });
});

describe('the workbook reader reads what exceljs reads', () => {
  it.each(bundled.map((f) => [path.basename(f), f]))('%s: every cell', async (_name, file) => {
    expect(await compareWithExceljs(fs.readFileSync(file))).toBeGreaterThan(500);
  });

  it('merged ranges, rich text, formulas, escapes and inline strings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист & <sheet>');
    ws.getCell('A1').value = 'Товарооборот';
    ws.mergeCells('A1:C2');
    ws.getCell('A4').value = { richText: [{ text: 'Молдова, ' }, { font: { bold: true }, text: 'Республика' }] };
    ws.getCell('B4').value = { formula: '1+1', result: 2 };
    ws.getCell('C4').value = { formula: 'A1', result: 'text & "quotes" <tag>' };
    ws.getCell('D4').value = "Кот-Д'Ивуар\t_x";
    ws.getCell('E4').value = -0.0001234;
    ws.getCell('F4').value = 1e21;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await compareWithExceljs(bytes)).toBeGreaterThan(5);
    const [sheet] = await readWorkbook(bytes, { source: 't', file: 'f' });
    expect(sheet.cell(2, 3)).toBe('Товарооборот');
    expect(sheet.cell(4, 1)).toBe('Молдова, Республика');
  });

  it('cell references: absolute ones read as their cell; anything else is XLSX_UNREADABLE naming the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('B4').value = 7;
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const withRef = (ref: string) => {
      const sheet = Buffer.from(parts['xl/worksheets/sheet1.xml']).toString('utf8').replace('r="B4"', `r="${ref}"`);
      return Buffer.from(zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(sheet) }));
    };
    expect((await readWorkbook(withRef('$B$4'), { source: 't', file: 'f' }))[0].cell(4, 2)).toBe(7);
    expect((await readWorkbook(withRef('AB12'), { source: 't', file: 'f' }))[0].cell(12, 28)).toBe(7);
    expect((await readWorkbook(withRef('XFD1048576'), { source: 't', file: 'f' }))[0].cell(1_048_576, 16_384)).toBe(7);
    for (const bad of ['4B', 'B', '4', 'ABCD4', 'B4x', 'b4', 'B0', '', 'A1048577', 'XFE1', 'ZZZ1']) {
      await expect(readWorkbook(withRef(bad), { source: 't', file: 'f' }), bad).rejects.toMatchObject({ code: 'XLSX_UNREADABLE', context: { sheet: 'S' } });
    }
  });

  it('a cell or start tag never closed inside the sheet data is XLSX_UNREADABLE naming the sheet (it once looped for ever)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('B1').value = 2;
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const xml = Buffer.from(parts['xl/worksheets/sheet1.xml']).toString('utf8');
    // The last cell's </c> missing; the first cell's (the scan would run on into B1 and lose it); a start tag's '>' missing.
    const broken = [xml.replace(/<\/c><\/row>/, '</row>'), xml.replace(/<\/c>/, ''), xml.replace(/(<c r="B1"[^>]*)>/, '$1')];
    expect(broken.every((b) => b !== xml)).toBe(true);
    for (const sheet of broken) {
      const bytes = Buffer.from(zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(sheet) }));
      await expect(readWorkbook(bytes, { source: 't', file: 'f' })).rejects.toMatchObject({ code: 'XLSX_UNREADABLE', context: { sheet: 'S' } });
    }
  });

  it('a shared string left open is XLSX_UNREADABLE (every later string would otherwise shift to the wrong cell)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'Китай';
    ws.getCell('A2').value = 'Россия';
    ws.getCell('A3').value = 'Германия';
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const xml = Buffer.from(parts['xl/sharedStrings.xml']).toString('utf8');
    expect(xml.match(/<\/si>/g)).toHaveLength(3);
    const bytes = Buffer.from(zipSync({ ...parts, 'xl/sharedStrings.xml': strToU8(xml.replace('</si>', '')) }));
    await expect(readWorkbook(bytes, { source: 't', file: 'f' })).rejects.toMatchObject({ code: 'XLSX_UNREADABLE', message: expect.stringMatching(/shared string/) });
  });

  it('a row numbered beyond the worksheet limit is XLSX_UNREADABLE (the readers loop over every row up to the last)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const xml = Buffer.from(parts['xl/worksheets/sheet1.xml']).toString('utf8').replace('</sheetData>', '<row r="1000000000"/></sheetData>');
    const bytes = Buffer.from(zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(xml) }));
    await expect(readWorkbook(bytes, { source: 't', file: 'f' })).rejects.toMatchObject({ code: 'XLSX_UNREADABLE', message: expect.stringMatching(/row numbered 1000000000/) });
  });

  it('a truncated file and a zip that is not a workbook are XLSX_UNREADABLE', async () => {
    const bytes = fs.readFileSync(bundled[0]);
    await expect(readWorkbook(bytes.subarray(0, 5000), { source: 't', file: 'f' })).rejects.toMatchObject({ code: 'XLSX_UNREADABLE' });
    await expect(readWorkbook(Buffer.from('<html>not a workbook</html>'), { source: 't', file: 'f' })).rejects.toMatchObject({ code: 'XLSX_UNREADABLE' });
  });
});
