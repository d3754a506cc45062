// NBK's Excel export (`.xlsx` per date range): a date column, then `<CODE>_quant` / `<CODE>`
// pairs, the quant changing row by row, so each rate is divided by its own row's quant.
import type * as ExcelJS from 'exceljs';
import { PipelineError } from '../../domain/errors.ts';
import type { Observation } from '../../domain/series.ts';
import type { ParseResult, RawMeta } from '../../domain/source-data.ts';
import { assertNotEmpty, assertNotHtml } from '../shared/body-checks.ts';
import { nbkToIso } from './dates.ts';
import { ratePerUnit } from './describe.ts';
import { toSeries } from './history.ts';

export const EXPORT_PRECEDENCE = 2;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return String(v).trim();
}

function cellDate(v: ExcelJS.CellValue): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = cellText(v);
  return nbkToIso(t) ?? (/^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined);
}

type Ctx = { source: string; url?: string; file: string };
type Pair = { code: string; valueCol: number; quantCol: number };

async function firstSheet(bytes: Buffer, ctx: Ctx): Promise<ExcelJS.Worksheet> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new PipelineError('NBK_NOT_XLSX', 'answer is not an .xlsx workbook (bytes do not start with PK)', ctx);
  // exceljs takes about 270 ms and 28 MB to load: only a run that parses an export answer loads it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new PipelineError('NBK_BAD_XLSX', `the workbook cannot be read: ${(err as Error).message}`, ctx);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new PipelineError('NBK_BAD_XLSX', 'the workbook has no sheet', ctx);
  return sheet;
}

/** The header row (the first with a `<CODE>_quant` cell) and its `<CODE>` / `<CODE>_quant` column pairs. */
function findHeader(sheet: ExcelJS.Worksheet, ctx: Ctx): { headerRow: number; pairs: Pair[] } {
  let headerRow = 0;
  let header: string[] = [];
  sheet.eachRow((row, n) => {
    if (headerRow) return;
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (cells.some((c) => /^[A-Z]{3}_quant$/.test(c))) {
      headerRow = n;
      header = cells;
    }
  });
  if (!headerRow) throw new PipelineError('NBK_SCHEMA_CHANGED', 'no header row with <CODE>_quant columns', ctx);
  const pairs: Pair[] = [];
  header.forEach((name, i) => {
    if (!/^[A-Z]{3}$/.test(name)) return;
    const quantCol = header.indexOf(`${name}_quant`);
    if (quantCol < 0) throw new PipelineError('NBK_SCHEMA_CHANGED', `column ${name} has no ${name}_quant partner`, ctx);
    pairs.push({ code: name, valueCol: i, quantCol });
  });
  return { headerRow, pairs };
}

export async function parseExcelExport(bytes: Buffer, meta: Pick<RawMeta, 'url' | 'contentType' | 'key'>, currencies: string[]): Promise<ParseResult> {
  const ctx: Ctx = { source: 'nbk', url: meta.url, file: meta.key };
  assertNotEmpty(bytes, ctx);
  assertNotHtml(bytes, meta.contentType, ctx);
  const sheet = await firstSheet(bytes, ctx);
  const { headerRow, pairs } = findHeader(sheet, ctx);
  const wanted = new Set(currencies);
  const byCode = new Map<string, Observation[]>();
  const seen = new Set<string>();
  const notes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return;
    const cells = (row.values as ExcelJS.CellValue[]).slice(1);
    if (cells.every((c) => cellText(c) === '')) return;
    const date = cellDate(cells[0]);
    if (!date) throw new PipelineError('NBK_BAD_DATE', `row ${n}: ${JSON.stringify(cellText(cells[0]))} is not a date`, { ...ctx, line: n });
    if (seen.has(date)) throw new PipelineError('NBK_DUPLICATE_DATE', `row ${n}: date ${date} appears twice`, { ...ctx, line: n, date });
    seen.add(date);
    for (const { code, valueCol, quantCol } of pairs) {
      if (!wanted.has(code)) continue;
      const value = cellText(cells[valueCol]);
      const quant = cellText(cells[quantCol]);
      if (value === '') {
        notes.push(`nbk export ${meta.key}: ${code} has no rate on ${date} (empty cell), left missing`);
        continue;
      }
      if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new PipelineError('NBK_BAD_RATE', `row ${n}: ${code} rate ${JSON.stringify(value)} is not a positive number`, { ...ctx, line: n, date });
      if (!/^[1-9]\d*$/.test(quant)) throw new PipelineError('NBK_BAD_QUANT', `row ${n}: ${code} quant ${JSON.stringify(quant)} is not a positive whole number`, { ...ctx, line: n, date });
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push({ date, value: ratePerUnit(value, quant) });
    }
  });
  return { series: toSeries(byCode, EXPORT_PRECEDENCE), notes };
}
