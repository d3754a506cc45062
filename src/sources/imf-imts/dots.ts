// IMF Direction of Trade Statistics (DOTS), the Excel download: IMTS's predecessor, bundled for
// 1992–2020. Sheets "Exports, FOB" and "Imports, CIF"; row 4 the reporter, row 5 the unit, row 7
// the years from column C, one partner or group per row from row 8 (name in column B). A cell is
// a number, empty, or text with the IMF's estimate flag ("0.14 e"): the value is kept with the
// flag as its status. Series get the live IMTS ids under their own edition (DOTS_VINTAGE): a refresh
// adds IMTS beside them, each year of each kept.
import { PipelineError } from '../../domain/errors.ts';
import type { ObservationStatus } from '../../domain/series.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { HEADING_NAMES, normaliseName, resolvePartner } from '../shared/partner-names.ts';
import { cellRef, readWorkbook, type Sheet, type Where } from '../shared/workbook.ts';
import { imtsDescription } from './parse.ts';
import { imtsId } from './words.ts';

/** The bundled DOTS download is its own edition: a refresh's IMTS answers are another (key 'imts',
 *  later in key order, so a series' current values are IMTS's where it has them), never merged
 *  with it year by year. */
export const DOTS_VINTAGE = { key: 'dots-2022-02', label: 'IMF DOTS (downloaded February 2022)' };

const SHEETS = [
  { name: 'Exports, FOB', indicator: 'XG_FOB_USD' },
  { name: 'Imports, CIF', indicator: 'MG_CIF_USD' },
] as const;

// "0.14 e", "1,191.26 e": the IMF prints estimates as text, with thousands separators.
const ESTIMATE = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?) e$/;

export interface DotsCell {
  value: number;
  status?: ObservationStatus;
}

/**
 * Millions → units by moving the decimal point in the number's shortest decimal text: the
 * nearest double to the exact decimal (0.8999999999999999 → 899999.9999999999), where × 1e6
 * would add binary drift. (Decimal.js gives the same result, 30× slower over 29,000 cells.)
 */
export function millionsToUnits(decimalText: string): number {
  const [mantissa, exp = '0'] = decimalText.toLowerCase().split('e');
  return Number(`${mantissa}e${Number(exp) + 6}`);
}

/** Beyond this a millionth is no longer finer than the spacing of doubles near the value. */
const EXACT_MILLIONTHS_BELOW = 2 ** 31;

/**
 * millionsToUnits(String(v)) without the text when it can be told from arithmetic: if an integer
 * n divided by 10⁶ gives back v, then n × 10⁻⁶ is the one multiple of 10⁻⁶ that reads back as v
 * (below 2³¹ doubles are closer than 10⁻⁶), so v's shortest decimal text moved six places is n.
 * Most cells (two decimals) take this path; a property test holds it to the text path.
 */
export function millionsNumberToUnits(v: number): number {
  const n = Math.round(v * 1e6);
  if (Math.abs(v) < EXACT_MILLIONTHS_BELOW && n / 1e6 === v) return n === 0 ? 0 : n;
  return millionsToUnits(String(v));
}

/** A DOTS cell in US$ millions → US dollars; `at(row, col)` names the cell, asked only for an error (a location, or even a closure, per cell cost more than the rest of the parse). */
export function dotsCell(v: number | string | null, at: (row: number, col: number) => Where, row: number, col: number): DotsCell | null {
  if (v === null) return null;
  if (typeof v === 'number') return { value: millionsNumberToUnits(v) };
  const m = ESTIMATE.exec(v.trim());
  if (!m) throw new PipelineError('DOTS_BAD_VALUE', `${JSON.stringify(v)} is neither a number nor a number with the IMF estimate flag ("0.14 e")`, at(row, col));
  return { value: millionsToUnits(m[1].replaceAll(',', '')), status: 'estimate' };
}

interface DotsRow {
  code: string;
  kind: 'country' | 'group';
  row: number;
  cells: Array<DotsCell | null>;
}

function readSheet(sheet: Sheet, indicator: string, where: Where, reporterOf: (name: string) => string) {
  const at = (row: number, col: number) => ({ ...where, sheet: sheet.name, cell: cellRef(row, col) });
  const reporter = reporterOf(String(sheet.cell(4, 2) ?? ''));
  const unit = sheet.cell(5, 2);
  if (unit !== 'US Dollars, Millions') throw new PipelineError('DOTS_UNIT_CHANGED', `expected "US Dollars, Millions", found ${JSON.stringify(unit)}`, at(5, 2));
  const years: string[] = [];
  for (let c = 3; sheet.cell(7, c) !== null; c++) {
    const y = String(sheet.cell(7, c));
    if (!/^\d{4}$/.test(y) || (years.length && Number(y) <= Number(years[years.length - 1]))) {
      throw new PipelineError('DOTS_HEADER_MOVED', `expected increasing years in row 7, found ${JSON.stringify(y)}`, at(7, c));
    }
    years.push(y);
  }
  if (!years.length) throw new PipelineError('DOTS_HEADER_MOVED', 'no years in row 7 from column C', at(7, 3));
  const rows: DotsRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 8; r <= sheet.rowCount; r++) {
    const name = sheet.cell(r, 2);
    if (name === null) continue;
    if (typeof name !== 'string') throw new PipelineError('DOTS_BAD_NAME', `a partner name must be text, found ${JSON.stringify(name)}`, at(r, 2));
    const cells = years.map((_, i) => dotsCell(sheet.cell(r, 3 + i), at, r, 3 + i));
    if (HEADING_NAMES.en.has(normaliseName(name))) {
      if (cells.some((c) => c !== null)) throw new PipelineError('DOTS_BAD_VALUE', `the heading ${JSON.stringify(name)} should carry no values`, at(r, 2));
      continue;
    }
    const partner = resolvePartner(name, 'en');
    if (!partner) throw new PipelineError('DOTS_UNKNOWN_PARTNER', `unknown partner name ${JSON.stringify(name)}: add it to the reviewed table in src/sources/shared/partner-names.ts`, { ...at(r, 2), name });
    // DOTS lists a partner once under each aggregate it belongs to: a repeat must be identical.
    const before = seen.get(partner.code);
    if (before !== undefined) {
      const first = rows.find((x) => x.row === before)!;
      const differs = cells.findIndex((c, i) => c?.value !== first.cells[i]?.value || c?.status !== first.cells[i]?.status);
      if (differs >= 0) {
        throw new PipelineError('DOTS_DUPLICATE_PARTNER', `${JSON.stringify(name)} (${partner.code}) appears in ${cellRef(before, 2)} and ${cellRef(r, 2)} with different values (${years[differs]}: ${first.cells[differs]?.value ?? 'empty'} vs ${cells[differs]?.value ?? 'empty'})`, { ...at(r, 3 + differs), name });
      }
      continue;
    }
    seen.set(partner.code, r);
    rows.push({ code: partner.code, kind: partner.kind, row: r, cells });
  }
  if (!seen.has('G001')) throw new PipelineError('DOTS_NO_TOTAL', 'no "World" row', at(8, 2));
  return { reporter, indicator, years, rows };
}

export async function parseDotsWorkbook(bytes: Buffer, meta: Pick<RawMeta, 'key'>, opts: { home: string }): Promise<ParseResult> {
  const where: Where = { source: 'imts', file: meta.key };
  const sheets = await readWorkbook(bytes, where);
  const reporterOf = (name: string) => {
    const p = resolvePartner(name, 'en');
    if (!p || p.kind !== 'country') throw new PipelineError('DOTS_UNKNOWN_REPORTER', `unknown reporter ${JSON.stringify(name)}`, { ...where, cell: 'B4' });
    return p.code;
  };
  const series: ParsedSeries[] = [];
  for (const spec of SHEETS) {
    const sheet = sheets.find((s) => s.name === spec.name);
    if (!sheet) throw new PipelineError('DOTS_NO_SHEET', `no sheet "${spec.name}" (sheets: ${sheets.map((s) => s.name).join(', ')})`, where);
    const t = readSheet(sheet, spec.indicator, where, reporterOf);
    // Kazakhstan's own file gives every partner; a partner's file gives its mirror view of Kazakhstan.
    const rows = t.reporter === opts.home ? t.rows : t.rows.filter((r) => r.code === opts.home);
    for (const r of rows) {
      const observations: ParsedSeries['observations'] = [];
      r.cells.forEach((c, i) => {
        if (c) observations.push(c.status ? { date: t.years[i], value: c.value, status: c.status } : { date: t.years[i], value: c.value });
      });
      if (!observations.length) continue;
      const description = imtsDescription(spec.indicator, t.reporter, r.code, 'annual', undefined);
      description.notes = [
        'To 2020 from IMF DOTS (February 2022 download; US$ millions there, US dollars here; "e" estimates keep their flag). A refresh of IMF IMTS continues it and wins where both have a year.',
        ...(description.notes ?? []).filter((n) => !n.startsWith("Values in US dollars (full units). The provider's SCALE")),
      ];
      series.push({ id: imtsId(spec.indicator, r.code, t.reporter, 'A'), description, vintage: DOTS_VINTAGE, precedence: 0, observations });
    }
  }
  return { series, notes: [] };
}
