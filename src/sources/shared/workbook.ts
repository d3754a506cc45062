// Reading published workbooks (.xlsx) with exceljs: every failure is a coded error that names
// the file, the sheet and the cell, so a person can open the workbook and look. Merged cells
// read as their master cell's value (exceljs's model), as a person sees them.
import ExcelJS from 'exceljs';
import { PipelineError, type ErrorContext } from '../../domain/errors.ts';

export type CellValue = number | string | null;

export interface Sheet {
  name: string;
  rowCount: number;
  /** A cell as a number, text or empty; formulas give their cached result. */
  cell(row: number, col: number): CellValue;
}

export type Where = ErrorContext & { source: string; file: string };

/** Column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cellRef = (row: number, col: number) => `${columnLetter(col)}${row}`;

function plain(v: ExcelJS.CellValue, where: Where): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue, where);
  if (typeof v === 'object' && 'error' in v) throw new PipelineError('XLSX_CELL_ERROR', `the cell holds the spreadsheet error ${v.error}`, where);
  throw new PipelineError('XLSX_CELL_TYPE', `the cell holds ${v instanceof Date ? 'a date' : typeof v}, not a number or text`, where);
}

/** Open a workbook; a truncated or non-xlsx file is XLSX_UNREADABLE. */
export async function readWorkbook(bytes: Buffer, where: Where): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new PipelineError('XLSX_UNREADABLE', `not a readable .xlsx workbook (${(err as Error).message})`, where, { cause: err });
  }
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    rowCount: ws.rowCount,
    cell: (row, col) => plain(ws.getRow(row).getCell(col).value, { ...where, sheet: ws.name, cell: cellRef(row, col) }),
  }));
}
