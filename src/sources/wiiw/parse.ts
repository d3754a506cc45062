// wiiw FDI database, Kazakhstan by partner (values from the National Bank of Kazakhstan): FDI
// inflows and inward stocks, EUR millions and % of total, 2003–2021. Net, directional figures
// (BPM6 from 2013), not the "gross inflow" totals officials quote. "." is a missing value.
// Each % row is checked against its EUR row: share = value / total.
import { PipelineError } from '../../domain/errors.ts';
import { alpha2ToAlpha3 } from '../../domain/countries.ts';
import { NET_FDI_CAVEAT, partnerName } from '../../domain/partners.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { parseCsv } from '../../lib/csv.ts';
import { wiiwId } from './words.ts';

export const WIIW_VINTAGE = { key: 'wiiw', label: 'wiiw FDI database (as downloaded)' };


const DIRECTIONS: Record<string, { code: string; words: string }> = {
  'FDI inflow': { code: 'FDI_INFLOW', words: 'net FDI inflow from' },
  'FDI inward stock': { code: 'FDI_STOCK', words: 'inward FDI stock held by' },
};

/** wiiw's own partner codes: ISO alpha-2 for countries, names for groups. */
const WIIW_GROUPS: Record<string, string> = { WORLD: 'G001', EU27_2020: 'G998', EU28_2013: 'GEU28', EU15_1995: 'GEU15', AN: 'ANT' };

const HEADER = ['Tree Level 1', 'Country-Code', 'Country', 'Direction', 'Partner-Code', 'Partner', 'Unit', 'Footnotes', 'Sources'];

function cellValue(text: string, at: Record<string, unknown> & { source: string }): number | null {
  if (text === '.' || text === '') return null;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new PipelineError('WIIW_BAD_VALUE', `${JSON.stringify(text)} is not a number (or "." for missing)`, at);
  return v;
}

/** Shares are published with 7 decimals from unrounded values: share = 100 × value / total to 1e-4 pp. */
function checkShares(code: string, e: { eur?: Array<number | null>; pct?: Array<number | null> }, total: Array<number | null>, years: string[], at: Record<string, unknown> & { source: string }) {
  e.pct?.forEach((share, k) => {
    const v = e.eur?.[k];
    const t = total[k];
    if (share === null || v === null || v === undefined || t === null || t === 0) return;
    if (Math.abs((100 * v) / t - share) > 1e-4) {
      throw new PipelineError('WIIW_SHARE_MISMATCH', `${partnerName(code)} ${years[k]}: share ${share} % but ${v} / ${t} = ${((100 * v) / t).toFixed(7)} %`, { ...at, year: years[k] });
    }
  });
}

export function parseWiiwCsv(bytes: Buffer, meta: Pick<RawMeta, 'key'>): ParseResult {
  const where = { source: 'wiiw', file: meta.key };
  const rows = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  const header = rows[0] ?? [];
  HEADER.forEach((h, i) => {
    if (header[i] !== h) throw new PipelineError('WIIW_SCHEMA_CHANGED', `column ${i + 1} should be ${JSON.stringify(h)}, found ${JSON.stringify(header[i])}`, { ...where, line: 1 });
  });
  const years = header.slice(HEADER.length).map((h, i) => {
    if (!/^_\d{4}$/.test(h)) throw new PipelineError('WIIW_SCHEMA_CHANGED', `column ${HEADER.length + i + 1} should be a year like _2003, found ${JSON.stringify(h)}`, { ...where, line: 1 });
    return h.slice(1);
  });
  // direction → partner → unit → values, with the line each came from.
  const table = new Map<string, Map<string, { line: number; eur?: Array<number | null>; pct?: Array<number | null> }>>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length === 1 && r[0] === '') continue;
    const at = { ...where, line: i + 1 };
    if (r[1] !== 'KZ') throw new PipelineError('WIIW_BAD_ROW', `reporter ${JSON.stringify(r[1])} is not KZ`, at);
    const dir = DIRECTIONS[r[3]];
    if (!dir) throw new PipelineError('WIIW_BAD_ROW', `unknown direction ${JSON.stringify(r[3])}`, at);
    const code = WIIW_GROUPS[r[4]] ?? (r[4].length === 2 ? alpha2ToAlpha3(r[4]) : undefined);
    if (!code) throw new PipelineError('WIIW_UNKNOWN_PARTNER', `unknown partner code ${JSON.stringify(r[4])} (${r[5]})`, { ...at, name: r[5] });
    const unit = r[6] === 'EUR m' ? 'eur' : r[6] === 'in % of total' ? 'pct' : undefined;
    if (!unit) throw new PipelineError('WIIW_BAD_ROW', `unknown unit ${JSON.stringify(r[6])}`, at);
    const values = years.map((y, k) => cellValue(r[HEADER.length + k] ?? '', { ...at, year: y }));
    let byPartner = table.get(dir.code);
    if (!byPartner) table.set(dir.code, (byPartner = new Map()));
    const entry = byPartner.get(code) ?? { line: i + 1 };
    if (entry[unit]) throw new PipelineError('WIIW_DUPLICATE_PARTNER', `${r[5]} (${code}) has two "${r[6]}" rows for ${r[3]}`, at);
    entry[unit] = values;
    byPartner.set(code, entry);
  }
  const series: ParsedSeries[] = [];
  for (const [dirCode, byPartner] of table) {
    const total = byPartner.get('G001')?.eur;
    if (!total) throw new PipelineError('WIIW_NO_TOTAL', `no "Total by countries" row for ${dirCode}`, where);
    const words = Object.values(DIRECTIONS).find((d) => d.code === dirCode)!.words;
    for (const [code, e] of byPartner) {
      checkShares(code, e, total, years, { ...where, line: e.line });
      const observations: ParsedSeries['observations'] = [];
      e.eur?.forEach((v, k) => v !== null && observations.push({ date: years[k], value: v }));
      if (!observations.length) continue;
      series.push({
        id: wiiwId(dirCode, code),
        description: {
          title: `Kazakhstan: ${words} ${partnerName(code)} (wiiw, from NBK data)`,
          unit: 'millions of euros', scale: 'millions', frequency: 'annual', country: 'KAZ',
          notes: [NET_FDI_CAVEAT],
        },
        vintage: WIIW_VINTAGE, precedence: 1, observations,
      });
    }
  }
  return { series, notes: [] };
}
