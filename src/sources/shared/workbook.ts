// Reading published workbooks (.xlsx): values only, every failure a coded error naming the
// file, the sheet and the cell, so a person can open the workbook and look.
// Why not exceljs here: it builds the whole styled object model, 40–350 ms a workbook, and the
// nine bundled workbooks alone took the rebuild past its 1 s budget (3.2 s measured). A
// workbook's values are a few small XML parts in a zip: the workbook (sheet names), its
// relationships (which part is which sheet), the shared strings and one part per sheet. They
// are read here with fflate and a scanner for the handful of elements that hold values. A
// merged range reads as its top-left cell everywhere, as a person sees it (and as exceljs
// reads it: tests/sources/workbook.test.ts checks every cell of every bundled workbook against
// exceljs). exceljs still builds the tests' malformed workbooks.
import { strFromU8, unzipSync } from 'fflate';
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

function decodeRef(ref: string): [row: number, col: number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, numeric references and Excel's _xHHHH_ escapes. */
function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of every <t> inside a fragment (rich text is several runs; phonetic runs are not text). */
function runsText(fragment: string): string {
  let out = '';
  for (const m of fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += xmlText(m[1] ?? '');
  return out;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function sharedStrings(part: string | undefined): string[] {
  if (!part) return [];
  return [...part.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runsText(m[1] ?? ''));
}

interface RawCell {
  type: string;
  v?: string;
  inline?: string;
}

function readCell(c: RawCell, strings: string[], at: () => Where & { sheet: string; cell: string }): CellValue {
  switch (c.type) {
    case 's': {
      const s = strings[Number(c.v)];
      if (s === undefined) throw new PipelineError('XLSX_UNREADABLE', `shared string ${c.v} does not exist`, at());
      return s;
    }
    case 'str':
      return c.v === undefined ? null : xmlText(c.v);
    case 'inlineStr':
      return c.inline === undefined ? null : runsText(c.inline);
    case 'n': {
      if (c.v === undefined || c.v === '') return null;
      const n = Number(c.v);
      if (!Number.isFinite(n)) throw new PipelineError('XLSX_UNREADABLE', `a number cell holds ${JSON.stringify(c.v)}`, at());
      return n;
    }
    case 'e':
      throw new PipelineError('XLSX_CELL_ERROR', `the cell holds the spreadsheet error ${c.v}`, at());
    default:
      throw new PipelineError('XLSX_CELL_TYPE', `the cell holds a ${c.type === 'b' ? 'boolean' : c.type === 'd' ? 'date' : `"${c.type}"`} value, not a number or text`, at());
  }
}

function readSheet(name: string, xml: string, strings: string[], where: Where): Sheet {
  const cells = new Map<number, Map<number, RawCell>>();
  let rowCount = 0;
  const data = /<sheetData\b[^>]*>([\s\S]*)<\/sheetData>/.exec(xml)?.[1] ?? '';
  for (const m of data.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [row, col] = decodeRef(attr(m[1], 'r') ?? '');
    if (!row) throw new PipelineError('XLSX_UNREADABLE', `sheet "${name}" has a cell without a usable reference`, { ...where, sheet: name });
    const body = m[2] ?? '';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
    if (v === undefined && inline === undefined) continue;
    let byCol = cells.get(row);
    if (!byCol) cells.set(row, (byCol = new Map()));
    byCol.set(col, { type: attr(m[1], 't') ?? 'n', v, inline });
  }
  for (const m of data.matchAll(/<row\b([^>]*)>/g)) rowCount = Math.max(rowCount, Number(attr(m[1], 'r') ?? 0));
  for (const row of cells.keys()) rowCount = Math.max(rowCount, row);
  // Every cell of a merged range reads as its top-left cell.
  const master = new Map<string, [number, number]>();
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const [r1, c1] = decodeRef(m[1]);
    const [r2, c2] = decodeRef(m[2]);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) master.set(`${r}:${c}`, [r1, c1]);
  }
  return {
    name,
    rowCount,
    cell: (row, col) => {
      const [r, c] = master.get(`${row}:${col}`) ?? [row, col];
      const raw = cells.get(r)?.get(c);
      return raw ? readCell(raw, strings, () => ({ ...where, sheet: name, cell: cellRef(row, col) })) : null;
    },
  };
}

/** Open a workbook; a truncated or non-xlsx file is XLSX_UNREADABLE. */
export async function readWorkbook(bytes: Buffer, where: Where): Promise<Sheet[]> {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new PipelineError('XLSX_UNREADABLE', `not a readable .xlsx workbook (${(err as Error).message})`, where, { cause: err });
  }
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const book = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw new PipelineError('XLSX_UNREADABLE', 'not a readable .xlsx workbook (no xl/workbook.xml or its relationships)', where);
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target') ?? '']));
  const strings = sharedStrings(part('xl/sharedStrings.xml'));
  return [...book.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const name = xmlText(attr(m[0], 'name') ?? '');
    const target = targets.get(attr(m[0], 'r:id')) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const xml = part(path);
    if (xml === undefined) throw new PipelineError('XLSX_UNREADABLE', `sheet "${name}" has no part ${path}`, where);
    return readSheet(name, xml, strings, where);
  });
}
