// UN Comtrade, comtradeapi v1 CSV layout, China as reporter and Kazakhstan as partner: the
// mirror view of Kazakhstan's trade with China. Exports are valued FOB (`fobvalue`), imports
// CIF (`cifvalue`); each must equal the row's `primaryValue`. One row per year and flow, all
// commodities (`cmdCode` TOTAL), every partner-2, customs procedure and mode of transport.
import { PipelineError } from '../../domain/errors.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { countryName } from '../../domain/countries.ts';
import { parseCsv } from '../../lib/csv.ts';
import { byCodeUnit } from '../../lib/order.ts';
import { comtradeId } from './words.ts';

export const COMTRADE_VINTAGE = { key: 'comtrade', label: 'UN Comtrade (as downloaded)' };

const FLOWS: Record<string, { column: string; words: string; prep: string }> = {
  X: { column: 'fobvalue', words: 'exports (FOB)', prep: 'to' },
  M: { column: 'cifvalue', words: 'imports (CIF)', prep: 'from' },
};

const REQUIRED = ['refYear', 'freqCode', 'reporterISO', 'partnerISO', 'partner2ISO', 'flowCode', 'cmdCode', 'customsCode', 'motCode', 'cifvalue', 'fobvalue', 'primaryValue'];

export function parseComtradeCsv(bytes: Buffer, meta: Pick<RawMeta, 'key'>): ParseResult {
  const where = { source: 'comtrade', file: meta.key };
  const rows = parseCsv(bytes.toString('utf8'));
  const header = rows[0] ?? [];
  const col = Object.fromEntries(REQUIRED.map((name) => [name, header.indexOf(name)]));
  const missing = REQUIRED.filter((name) => col[name] < 0);
  if (missing.length) throw new PipelineError('COMTRADE_SCHEMA_CHANGED', `the header lacks ${missing.join(', ')}`, { ...where, line: 1 });
  const series = new Map<string, ParsedSeries>();
  const seen = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length === 1 && r[0] === '') continue;
    const at = { ...where, line: i + 1 };
    const get = (name: string) => r[col[name]] ?? '';
    const flow = FLOWS[get('flowCode')];
    if (!flow) throw new PipelineError('COMTRADE_BAD_ROW', `flowCode ${JSON.stringify(get('flowCode'))} is not X or M`, at);
    // Only the all-commodity, all-procedure, all-transport total is imported.
    if (get('freqCode') !== 'A' || get('cmdCode') !== 'TOTAL' || get('partner2ISO') !== 'W00' || get('customsCode') !== 'C00' || get('motCode') !== '0') {
      throw new PipelineError('COMTRADE_BAD_ROW', 'not an annual all-commodity total (freqCode A, cmdCode TOTAL, partner2 W00, customs C00, mode 0)', at);
    }
    const year = get('refYear');
    if (!/^\d{4}$/.test(year)) throw new PipelineError('COMTRADE_BAD_ROW', `refYear ${JSON.stringify(year)} is not a year`, at);
    const text = get(flow.column);
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw new PipelineError('COMTRADE_BAD_VALUE', `${flow.column} ${JSON.stringify(text)} is not a number`, at);
    if (Number(get('primaryValue')) !== value) throw new PipelineError('COMTRADE_BAD_VALUE', `${flow.column} ${text} differs from primaryValue ${get('primaryValue')}`, at);
    const reporter = get('reporterISO');
    const partner = get('partnerISO');
    const id = comtradeId(get('flowCode'), partner, reporter);
    if (seen.has(`${id}:${year}`)) throw new PipelineError('COMTRADE_DUPLICATE_ROW', `${id} has two rows for ${year}`, at);
    seen.add(`${id}:${year}`);
    let s = series.get(id);
    if (!s) {
      s = {
        id,
        description: {
          title: `${countryName(reporter)}: ${flow.words} ${flow.prep} ${countryName(partner)} (UN Comtrade)`,
          unit: 'US dollars', scale: 'units', frequency: 'annual', country: reporter,
          notes: [`Mirror view: as ${countryName(reporter)} reports its trade with ${countryName(partner)}, not as ${countryName(partner)} does.`, `Valued ${get('flowCode') === 'X' ? 'FOB' : 'CIF'}, all commodities (HS TOTAL).`],
        },
        vintage: COMTRADE_VINTAGE, precedence: 1, observations: [],
      };
      series.set(id, s);
    }
    s.observations.push({ date: year, value });
  }
  for (const s of series.values()) s.observations.sort((a, b) => byCodeUnit(a.date, b.date));
  return { series: [...series.values()], notes: [] };
}
