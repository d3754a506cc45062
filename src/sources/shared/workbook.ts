// Reading published workbooks (.xlsx): values only, every failure a coded error naming the
// file, the sheet and the cell, so a person can open the workbook and look.
// Why not exceljs here: it builds the whole styled object model, 40–350 ms a workbook, and the
// nine bundled workbooks alone took the rebuild past its 1 s budget (3.2 s measured). A
// workbook's values are a few small XML parts in a zip: the workbook (sheet names), its
// relationships (which part is which sheet), the shared strings and one part per sheet. They
// are read here (zip.ts, with Node's zlib) and scanned for the handful of elements that hold values. A
// merged range reads as its top-left cell everywhere, as a person sees it (and as exceljs
// reads it: tests/sources/workbook.test.ts checks every cell of every bundled workbook against
// exceljs). exceljs still builds the tests' malformed workbooks.
import { PipelineError, type ErrorContext } from '../../domain/errors.ts';
import { unzip } from './zip.ts';

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

/** A worksheet's limits (Excel's, which LibreOffice shares): a reference beyond them is damage,
 *  and would send every loop over the rows through a billion of them. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** "AB12" or "$AB$12" → [12, 28]; [0, 0] when it is not a cell reference within the limits. (Read per cell: a loop, not a regular expression.) */
function decodeRef(ref: string): [row: number, col: number] {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let col = 0;
  const colStart = i;
  for (let c = ref.charCodeAt(i); c >= 65 && c <= 90; c = ref.charCodeAt(++i)) col = col * 26 + c - 64;
  const letters = i - colStart;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (let c = ref.charCodeAt(i); c >= 48 && c <= 57; c = ref.charCodeAt(++i)) row = row * 10 + c - 48;
  if (letters < 1 || letters > 3 || i === rowStart || i !== ref.length || row > MAX_ROWS || col > MAX_COLUMNS) return [0, 0];
  return [row, col];
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

/** An attribute's value in a start tag (the name preceded by whitespace, as XML writes it). */
function attr(tag: string, name: string): string | undefined {
  const needle = `${name}="`;
  for (let i = tag.indexOf(needle); i !== -1; i = tag.indexOf(needle, i + 1)) {
    const before = tag.charCodeAt(i - 1);
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const start = i + needle.length;
      return tag.slice(start, tag.indexOf('"', start));
    }
  }
  return undefined;
}

/** The text between <name> and </name> in a fragment, or undefined (the tags are made once per element name, not per cell). */
function elementReader(name: string): (fragment: string) => string | undefined {
  const open = `<${name}>`;
  const close = `</${name}>`;
  return (fragment) => {
    const at = fragment.indexOf(open);
    if (at === -1) return undefined;
    const end = fragment.indexOf(close, at);
    return end === -1 ? undefined : fragment.slice(at + open.length, end);
  };
}
const valueOf = elementReader('v');
const inlineOf = elementReader('is');

/** The shared strings, by index. An item left open would run on into the next and shift every
 *  later string onto the wrong cells, so it is an error. */
function sharedStrings(part: string | undefined, where: Where): string[] {
  if (!part) return [];
  return [...part.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m, i) => {
    if (m[1]?.includes('<si')) throw new PipelineError('XLSX_UNREADABLE', `shared string ${i} is not closed (no </si>)`, where);
    return runsText(m[1] ?? '');
  });
}

interface RawCell {
  type: string;
  v?: string;
  inline?: string;
}

type Locate = (row: number, col: number) => Where & { sheet: string; cell: string };

/** A cell's value; `locate` names the cell, called only for an error. */
function readCell(c: RawCell, strings: string[], locate: Locate, row: number, col: number): CellValue {
  switch (c.type) {
    case 's': {
      const s = strings[Number(c.v)];
      if (s === undefined) throw new PipelineError('XLSX_UNREADABLE', `shared string ${c.v} does not exist`, locate(row, col));
      return s;
    }
    case 'str':
      return c.v === undefined ? null : xmlText(c.v);
    case 'inlineStr':
      return c.inline === undefined ? null : runsText(c.inline);
    case 'n': {
      if (c.v === undefined || c.v === '') return null;
      const n = Number(c.v);
      if (!Number.isFinite(n)) throw new PipelineError('XLSX_UNREADABLE', `a number cell holds ${JSON.stringify(c.v)}`, locate(row, col));
      return n;
    }
    case 'e':
      throw new PipelineError('XLSX_CELL_ERROR', `the cell holds the spreadsheet error ${c.v}`, locate(row, col));
    default:
      throw new PipelineError('XLSX_CELL_TYPE', `the cell holds a ${c.type === 'b' ? 'boolean' : c.type === 'd' ? 'date' : `"${c.type}"`} value, not a number or text`, locate(row, col));
  }
}

/** Cells by row and column in one map (a column is at most 16,384). */
const key = (row: number, col: number) => row * 16_385 + col;

/** Is the character after "<c" / "<row" the end of the element name (so "<cols" is not a cell)? */
function endsName(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** The r (reference) and t (type) attributes of the start tag data[from, to), read in place:
 *  an attribute starts after whitespace, as XML writes it; other attributes are skipped. */
function cellAttributes(data: string, from: number, to: number): { ref: string | undefined; type: string } {
  let ref: string | undefined;
  let type = 'n';
  for (let j = from; j < to; j++) {
    const ws = data.charCodeAt(j);
    if (ws !== 32 && ws !== 9 && ws !== 10 && ws !== 13) continue;
    const name = data.charCodeAt(j + 1);
    if ((name !== 114 && name !== 116) || data.charCodeAt(j + 2) !== 61 || data.charCodeAt(j + 3) !== 34) continue; // r=" or t="
    const end = data.indexOf('"', j + 4);
    if (end === -1 || end >= to) break;
    if (name === 114) ref = data.slice(j + 4, end);
    else type = data.slice(j + 4, end);
    j = end;
  }
  return { ref, type };
}

/** A cell's or row's own tag (not <color>, <charset>… inside rich text), or a row's end. */
const NEXT_CELL_OR_ROW = /<c[\s>/]|<\/?row[\s>/]/;

/** The cells of a sheet's <sheetData>, scanned with indexOf: a regular expression per cell made
 *  reading the bundled workbooks several times slower. A tag or cell left open is an error (a
 *  missing </c> once sent the scan back to the start for ever). */
function scanCells(data: string, name: string, where: Where): { cells: Map<number, RawCell>; rowCount: number } {
  const cells = new Map<number, RawCell>();
  const broken = (what: string) => new PipelineError('XLSX_UNREADABLE', `sheet "${name}" has ${what}`, { ...where, sheet: name });
  let rowCount = 0;
  for (let i = data.indexOf('<c'); i !== -1; i = data.indexOf('<c', i)) {
    if (!endsName(data.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    const tagEnd = data.indexOf('>', i);
    if (tagEnd === -1 || data.lastIndexOf('<', tagEnd) !== i) throw broken('a cell whose start tag is not closed');
    const selfClosing = data.charCodeAt(tagEnd - 1) === 47;
    const { ref, type } = cellAttributes(data, i + 2, selfClosing ? tagEnd - 1 : tagEnd);
    let body = '';
    if (selfClosing) i = tagEnd + 1;
    else {
      const close = data.indexOf('</c>', tagEnd);
      body = close === -1 ? '' : data.slice(tagEnd + 1, close);
      // No </c> before the next cell or row begins: the scan would run on and swallow the next cell.
      if (close === -1 || NEXT_CELL_OR_ROW.test(body)) throw broken('a cell that is not closed (no </c>)');
      i = close + 4;
    }
    const at = decodeRef(ref ?? ''); // indexed, not destructured (see the head of runner/build.ts)
    const row = at[0];
    const col = at[1];
    if (!row) throw broken('a cell without a usable reference');
    const v = body ? valueOf(body) : undefined;
    const inline = body ? inlineOf(body) : undefined;
    if (v === undefined && inline === undefined) continue;
    cells.set(key(row, col), { type, v, inline });
    if (row > rowCount) rowCount = row;
  }
  for (let i = data.indexOf('<row'); i !== -1; i = data.indexOf('<row', i + 4)) {
    if (!endsName(data.charCodeAt(i + 4))) continue;
    const r = Number(attr(data.slice(i + 4, data.indexOf('>', i)), 'r') ?? 0);
    if (!(r >= 0 && r <= MAX_ROWS)) throw broken(`a row numbered ${r}, beyond a worksheet's ${MAX_ROWS} rows`);
    rowCount = Math.max(rowCount, r);
  }
  return { cells, rowCount };
}

function readSheet(name: string, xml: string, strings: string[], where: Where): Sheet {
  const data = /<sheetData\b[^>]*>([\s\S]*)<\/sheetData>/.exec(xml)?.[1] ?? '';
  const { cells, rowCount } = scanCells(data, name, where);
  // Every cell of a merged range reads as its top-left cell. The ranges are kept as ranges and
  // looked up per cell: expanding one (a damaged A1:XFD1048576) filled memory for seconds.
  const merges = [...xml.matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/g)].map((m) => [...decodeRef(m[1]), ...decodeRef(m[2])]);
  const master = (row: number, col: number): number => {
    for (const m of merges) if (row >= m[0] && row <= m[2] && col >= m[1] && col <= m[3]) return key(m[0], m[1]);
    return key(row, col);
  };
  const locate: Locate = (row, col) => ({ ...where, sheet: name, cell: cellRef(row, col) });
  return {
    name,
    rowCount,
    cell: (row, col) => {
      const raw = cells.get(master(row, col));
      return raw ? readCell(raw, strings, locate, row, col) : null;
    },
  };
}

/** Open a workbook; a truncated or non-xlsx file is XLSX_UNREADABLE. */
export async function readWorkbook(bytes: Buffer, where: Where): Promise<Sheet[]> {
  let parts: Map<string, Buffer>;
  try {
    // Only the parts that hold values (styles, themes and document properties are not read).
    parts = unzip(bytes, (name) => name.startsWith('xl/') && !name.startsWith('xl/styles') && !name.startsWith('xl/theme'));
  } catch (err) {
    throw new PipelineError('XLSX_UNREADABLE', `not a readable .xlsx workbook (${(err as Error).message})`, where, { cause: err });
  }
  const part = (name: string) => parts.get(name)?.toString('utf8');
  const book = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw new PipelineError('XLSX_UNREADABLE', 'not a readable .xlsx workbook (no xl/workbook.xml or its relationships)', where);
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target') ?? '']));
  const strings = sharedStrings(part('xl/sharedStrings.xml'), where);
  return [...book.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const name = xmlText(attr(m[0], 'name') ?? '');
    const target = targets.get(attr(m[0], 'r:id')) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const xml = part(path);
    if (xml === undefined) throw new PipelineError('XLSX_UNREADABLE', `sheet "${name}" has no part ${path}`, where);
    return readSheet(name, xml, strings, where);
  });
}
