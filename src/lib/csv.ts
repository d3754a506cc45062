// The one place CSV options live. node-csv (csv-parse and csv-stringify: RFC 4180, tested on
// decades of odd files) is the reference. The common cases are read and written directly: text
// with no quote and no carriage return is split or joined (5–10× faster on the large bundled
// files), and well-formed quoted fields with LF line ends are scanned; anything else goes to
// node-csv, which reads it or refuses it with its own message. Property tests hold each direct
// path to exactly what the libraries give. The rules that are
// ours are small functions here: UTF-8 without BOM, LF line ends, a header row, numbers in the
// shortest form that reads back to the same double (never exponent notation), and text that
// cannot start a spreadsheet formula.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * Canonical text for a number: the shortest round-trip digits, never exponent notation
 * (1.4488048926821074e+50 is written with all 51 digits), '' for missing. Non-finite values
 * must not reach a writer: the transforms turn them into missing values with a reason.
 */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  if (!Number.isFinite(v)) throw new Error(`cannot write non-finite number ${v} to CSV`);
  if (v === 0) return '0'; // and -0
  const s = String(v);
  if (!s.includes('e')) return s;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const digits = int + frac;
  const exp = Number(expText);
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const point = 1 + exp;
  return sign + (digits.length <= point ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`);
}

const NUMERIC = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Text for a CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection):
 * a leading = + @ tab or CR, or a '-' that does not begin a number, gets a leading apostrophe.
 */
export function safeText(s: string): string {
  if (s === '') return s;
  const c = s[0];
  if (c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r' || (c === '-' && !NUMERIC.test(s))) return `'${s}`;
  return s;
}

export type Cell = string | number | null | undefined;

const NEEDS_QUOTING = /[",\r\n]/;

/** A table as CSV: the columns in `numericColumns` are written as numbers, every other column as text. */
export function toCsv(header: string[], rows: Cell[][], numericColumns: ReadonlySet<number> = new Set()): string {
  // One pass, line by line (the large processed files are most of a rebuild's writing); text
  // that needs RFC 4180 quoting sends the whole table to the library. A number never does.
  let plain = true;
  const cell = (c: Cell, i: number): string => {
    if (numericColumns.has(i) || typeof c === 'number') return c === '' ? '' : formatNumber(c as number | null);
    const text = safeText(c ?? '');
    if (plain && NEEDS_QUOTING.test(text)) plain = false;
    return text;
  };
  const lines = new Array<string>(rows.length + 1);
  lines[0] = header.map((h) => cell(h, -1)).join(',');
  for (let r = 0; plain && r < rows.length; r++) {
    const row = rows[r];
    let line = row.length ? cell(row[0], 0) : '';
    for (let i = 1; i < row.length; i++) line = `${line},${cell(row[i], i)}`;
    lines[r + 1] = line;
  }
  if (plain) return lines.join('\n') + '\n';
  return stringifyCsv([header.map((h) => safeText(h)), ...rows.map((row) => row.map(cell))]);
}

/** One group of a long table: the text cells its rows share (series id, vintage), then its dated values. */
export type LongGroup = [lead: string[], observations: ReadonlyArray<{ date: string; value: number }>];

/**
 * A long table (lead cells, date, value) written group by group without a row array per value:
 * the same text as toCsv gives for the rows spelled out (property test), a tenth of the
 * allocation on the large processed files. Text that needs quoting takes toCsv's path.
 */
export function longCsv(header: string[], groups: LongGroup[]): string {
  const plainText = (s: string) => {
    const t = safeText(s);
    return NEEDS_QUOTING.test(t) ? undefined : t;
  };
  const parts: string[] = [];
  for (const [lead, observations] of groups) {
    let prefix = '';
    for (const c of lead) {
      const t = plainText(c);
      if (t === undefined) return longCsvQuoted(header, groups);
      prefix += `${t},`;
    }
    let chunk = '';
    for (let i = 0; i < observations.length; i++) {
      const o = observations[i];
      const date = plainText(o.date);
      if (date === undefined) return longCsvQuoted(header, groups);
      chunk += `${prefix}${date},${formatNumber(o.value)}\n`;
    }
    parts.push(chunk);
  }
  const head = header.map(plainText);
  if (head.includes(undefined)) return longCsvQuoted(header, groups);
  return `${head.join(',')}\n${parts.join('')}`;
}

function longCsvQuoted(header: string[], groups: LongGroup[]): string {
  const rows = groups.flatMap(([lead, obs]) => obs.map((o): Cell[] => [...lead, o.date, o.value]));
  return toCsv(header, rows, new Set([header.length - 1]));
}

/** csv-stringify with our options (LF records; a CR is quoted too). */
export function stringifyCsv(rows: string[][]): string {
  return stringify(rows, { record_delimiter: '\n', quoted_match: /\r/ });
}

/** Parse CSV text (quoted fields, doubled quotes, CRLF or LF, a BOM is dropped) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  eachCsvRow(text, (row) => {
    rows.push(row);
  });
  return rows;
}

/**
 * Each row of CSV text in turn (index 0 is the header), as parseCsv gives them, without holding
 * them all on the plain path: a large file's rows then die young instead of filling the old
 * generation.
 */
export function eachCsvRow(text: string, fn: (row: string[], index: number) => void): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.includes('\r') || body.includes('"')) {
    parseWithLibrary(body).forEach(fn);
    return;
  }
  let index = 0;
  for (let start = 0; start < body.length; ) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    fn(body.slice(start, end).split(','), index++);
    start = end + 1;
  }
}

/** csv-parse with our options: every record, its fields as strings, rows of any length. */
export function parseWithLibrary(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    throw new Error(`CSV cannot be read: ${e.message}${e.code === 'CSV_QUOTE_NOT_CLOSED' ? ' (truncated?)' : ''}`, { cause: err });
  }
}
