// The one place CSV options live: RFC 4180 quoting, LF line ends, UTF-8, a header row,
// numbers in their shortest round-trip form, and text that cannot start a spreadsheet formula.

/** Canonical text for a number: shortest round-trip, never exponent notation, '' for missing. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  if (!Number.isFinite(v)) throw new Error(`cannot write non-finite number ${v} to CSV`);
  const s = String(v);
  if (!/e/i.test(s)) return s;
  // Exponent form only appears for |v| < 1e-6 or >= 1e21; spell it out.
  const fixed = v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed;
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

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export type Cell = string | number | null | undefined;
/** Columns listed here are numeric and written as numbers; every other column is text. */
export function toCsv(header: string[], rows: Cell[][], numericColumns: ReadonlySet<number> = new Set()): string {
  const out: string[] = [header.map((h) => quote(safeText(h))).join(',')];
  for (const row of rows) {
    out.push(
      row
        .map((cell, i) => {
          if (numericColumns.has(i) || typeof cell === 'number') return cell === '' ? '' : formatNumber(cell as number | null);
          return quote(safeText(cell ?? ''));
        })
        .join(','),
    );
  }
  return out.join('\n') + '\n';
}

/** Parse RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). Returns rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // BOM
  const n = text.length;
  if (i >= n) return rows;
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      // Quoted: runs to the next quote that is not doubled.
      let out = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new Error('CSV ends inside a quoted field (truncated?)');
        out += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = out;
    } else {
      // Unquoted: slice up to the next comma or line end (one slice per field, no per-char strings).
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    // Line end (LF or CRLF or CR).
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}
