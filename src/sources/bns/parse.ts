// Bureau of National Statistics, "Основные показатели внешней торговли Республики Казахстан":
// one workbook per release, one sheet per year (`12_2019`, `2022`), rows = partners and groups
// by Russian name, columns = turnover, exports, imports in thousand US dollars, each with its
// share of the total. Every sheet is checked before a value is kept: the header where it
// belongs, every name known, no partner twice, countries adding up to the total, shares equal
// to value / total.
import { PipelineError } from '../../domain/errors.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import type { Vintage } from '../../domain/series.ts';
import { partnerName } from '../../domain/partners.ts';
import { resolvePartner, normaliseName } from '../shared/partner-names.ts';
import { cellRef, readWorkbook, type Sheet, type Where } from '../shared/workbook.ts';
import { bnsId } from './words.ts';
import { shownDecimals } from '../../lib/decimals.ts';

export const BNS_FLOWS = [
  { code: 'TURNOVER', header: 'товарооборот', col: 2, words: 'trade turnover (exports + imports) with' },
  { code: 'EXPORTS', header: 'экспорт', col: 4, words: 'exports to' },
  { code: 'IMPORTS', header: 'импорт', col: 6, words: 'imports from' },
] as const;

/** The current view: for each year, the latest release that has it (a release revises the year before). */
export const BNS_LATEST: Vintage = { key: 'latest', label: 'BNS, latest release of each year' };

export interface BnsRow {
  name: string;
  code: string;
  kind: 'country' | 'group';
  row: number;
  values: Array<number | null>;
  shares: Array<number | null>;
}

export interface BnsTable {
  sheet: string;
  year: number;
  rows: BnsRow[];
}

const SHEET_NAME = /^(?:12_)?(\d{4})$/;

function text(v: unknown): string {
  return typeof v === 'string' ? normaliseName(v) : '';
}

/** The header rows: consecutive rows whose first cell starts with "Наименование", where BNS puts them (rows 4–6). */
function findHeader(sheet: Sheet, where: Where): { first: number; last: number } {
  for (let r = 1; r <= Math.min(7, sheet.rowCount); r++) {
    if (!text(sheet.cell(r, 1)).startsWith('наименование')) continue;
    let last = r;
    while (text(sheet.cell(last + 1, 1)).startsWith('наименование')) last++;
    for (const f of BNS_FLOWS) {
      if (text(sheet.cell(r, f.col)) !== f.header) {
        throw new PipelineError('BNS_HEADER_MOVED', `expected "${f.header}" above the ${f.code.toLowerCase()} columns, found ${JSON.stringify(sheet.cell(r, f.col))}`, { ...where, sheet: sheet.name, cell: cellRef(r, f.col) });
      }
      if (!text(sheet.cell(last, f.col + 1)).startsWith('удельный вес')) {
        throw new PipelineError('BNS_HEADER_MOVED', `expected the share column ("удельный вес …") beside ${f.header}, found ${JSON.stringify(sheet.cell(last, f.col + 1))}`, { ...where, sheet: sheet.name, cell: cellRef(last, f.col + 1) });
      }
    }
    const unit = [...Array(last).keys()].some((i) => [1, 2, 3, 4, 5, 6, 7].some((c) => text(sheet.cell(i + 1, c)) === 'тыс. долларов сша'));
    if (!unit) throw new PipelineError('BNS_UNIT_CHANGED', 'no "тыс. долларов США" (thousand US dollars) above the header', { ...where, sheet: sheet.name, cell: `A1:G${last}` });
    return { first: r, last };
  }
  throw new PipelineError('BNS_HEADER_MOVED', 'no header row ("Наименование …" in column A) in rows 1–7', { ...where, sheet: sheet.name, cell: 'A1:A7' });
}

function numberCell(sheet: Sheet, row: number, col: number, where: Where): number | null {
  const v = sheet.cell(row, col);
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new PipelineError('BNS_BAD_VALUE', `${JSON.stringify(v)} is not a number`, { ...where, sheet: sheet.name, cell: cellRef(row, col) });
}

export function readBnsSheet(sheet: Sheet, where: Where): BnsTable {
  const year = Number(SHEET_NAME.exec(sheet.name)![1]);
  const { last } = findHeader(sheet, where);
  const title = [1, 2, 3].map((r) => String(sheet.cell(r, 1) ?? '')).join(' ');
  if (!title.includes(String(year))) {
    throw new PipelineError('BNS_YEAR_MISMATCH', `the sheet is named for ${year} but its title does not mention it: ${JSON.stringify(title.trim())}`, { ...where, sheet: sheet.name, cell: 'A1:A3' });
  }
  const rows: BnsRow[] = [];
  const seen = new Map<string, number>();
  for (let r = last + 1; r <= sheet.rowCount; r++) {
    const name = sheet.cell(r, 1);
    if (name === null) continue;
    const at = { ...where, sheet: sheet.name, cell: cellRef(r, 1) };
    if (typeof name !== 'string') throw new PipelineError('BNS_BAD_NAME', `a partner name must be text, found ${JSON.stringify(name)}`, at);
    const partner = resolvePartner(name, 'ru');
    if (!partner) throw new PipelineError('BNS_UNKNOWN_PARTNER', `unknown partner name ${JSON.stringify(name.trim())}: add it to the reviewed table in src/sources/shared/partner-names.ts`, { ...at, name });
    const before = seen.get(partner.code);
    if (before !== undefined) {
      throw new PipelineError('BNS_DUPLICATE_PARTNER', `${JSON.stringify(name.trim())} (${partner.code}) appears twice, in ${cellRef(before, 1)} and ${cellRef(r, 1)}`, { ...at, name });
    }
    seen.set(partner.code, r);
    rows.push({
      name: name.trim(), code: partner.code, kind: partner.kind, row: r,
      values: BNS_FLOWS.map((f) => numberCell(sheet, r, f.col, where)),
      shares: BNS_FLOWS.map((f) => numberCell(sheet, r, f.col + 1, where)),
    });
  }
  if (rows[0]?.code !== 'G001') throw new PipelineError('BNS_NO_TOTAL', 'the first data row is not the total ("Всего")', { ...where, sheet: sheet.name, cell: cellRef(last + 1, 1) });
  checkBnsTable({ sheet: sheet.name, year, rows }, where);
  return { sheet: sheet.name, year, rows };
}

export { shownDecimals };

/** Countries add up to the total within the rounding of the printed values; shares = value / total. */
export function checkBnsTable(t: BnsTable, where: Where): void {
  const total = t.rows[0];
  const countries = t.rows.filter((r) => r.kind === 'country');
  BNS_FLOWS.forEach((f, i) => {
    const stated = total.values[i];
    if (stated === null) throw new PipelineError('BNS_NO_TOTAL', `no total for ${f.header}`, { ...where, sheet: t.sheet, cell: cellRef(total.row, f.col) });
    let sum = 0;
    let slack = 0.5 * 10 ** -shownDecimals(stated);
    for (const r of countries) {
      const v = r.values[i];
      if (v === null) continue;
      sum += v;
      slack += 0.5 * 10 ** -shownDecimals(v);
    }
    if (Math.abs(sum - stated) > slack) {
      throw new PipelineError('BNS_TOTAL_MISMATCH', `the ${countries.length} country rows add up to ${sum.toFixed(3)} thousand US$ of ${f.header}, the stated total is ${stated} (difference ${(sum - stated).toFixed(3)}, allowed by rounding ${slack.toFixed(3)})`, { ...where, sheet: t.sheet, cell: cellRef(total.row, f.col) });
    }
    for (const r of t.rows) {
      const v = r.values[i];
      const share = r.shares[i];
      if (v === null || share === null) continue;
      const expected = (100 * v) / stated;
      if (Math.abs(expected - share) > 0.5 * 10 ** -shownDecimals(share) + 1e-9) {
        throw new PipelineError('BNS_SHARE_MISMATCH', `${r.name}: share ${share} % but ${v} / ${stated} = ${expected.toFixed(6)} %`, { ...where, sheet: t.sheet, cell: cellRef(r.row, f.col + 1) });
      }
    }
  });
}

function describe(flow: (typeof BNS_FLOWS)[number], code: string) {
  return {
    title: `Kazakhstan: ${flow.words} ${partnerName(code)} (BNS)`,
    unit: 'thousands of US dollars',
    scale: 'thousands',
    frequency: 'annual' as const,
    country: 'KAZ',
    notes: ['Kazakhstan\'s own figures (EAEU trade from the 1-TS survey, other trade from customs). Each year from the latest release that has it; every release is a vintage. An empty cell is missing, not zero.'],
  };
}

export async function parseBnsWorkbook(bytes: Buffer, meta: Pick<RawMeta, 'key'>): Promise<ParseResult> {
  const where: Where = { source: 'bns', file: meta.key };
  const sheets = (await readWorkbook(bytes, where)).filter((s) => SHEET_NAME.test(s.name));
  if (!sheets.length) throw new PipelineError('BNS_NO_DATA_SHEET', 'no sheet named for a year (e.g. "12_2019" or "2022")', where);
  const tables = sheets.map((s) => readBnsSheet(s, where));
  const release = Math.max(...tables.map((t) => t.year));
  const own: Vintage = { key: String(release), label: `BNS release for ${release} (tables for ${tables.map((t) => t.year).sort().join(' and ')})` };
  const series = new Map<string, { own: ParsedSeries; latest: ParsedSeries }>();
  for (const t of tables) {
    for (const r of t.rows) {
      BNS_FLOWS.forEach((f, i) => {
        const v = r.values[i];
        if (v === null) return;
        const id = bnsId(f.code, r.code);
        let s = series.get(id);
        if (!s) {
          const description = describe(f, r.code);
          s = { own: { id, description, vintage: own, precedence: release, observations: [] }, latest: { id, description, vintage: BNS_LATEST, precedence: release, observations: [] } };
          series.set(id, s);
        }
        // One observation in both views (observations are never changed after parsing).
        const o = { date: String(t.year), value: v };
        s.own.observations.push(o);
        s.latest.observations.push(o);
      });
    }
  }
  return { series: [...series.values()].flatMap((s) => [s.own, s.latest]), notes: [] };
}
