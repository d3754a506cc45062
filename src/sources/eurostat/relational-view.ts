// Comext's Relational View CSV (the web interface's download): one period a file, one row per
// reporter and partner. Labels come in English, in English with codes (`TOTAL-Total`, `2-EXPORT`,
// `201952-Jan.-Dec. 2019`) or in French (2016); every row must be the total product, exports,
// every statistical procedure, the file's one period, and a whole number of euros.
import { PipelineError } from '../../domain/errors.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { eachCsvRow } from '../../lib/csv.ts';
import { comextCode } from './names.ts';
import { comextSeries } from './series.ts';
import { comextId } from './words.ts';

const HEADER = 'REPORTER,PARTNER,PRODUCT,FLOW,STAT_PROCEDURE,PERIOD,VALUE_IN_EUR';
const TOTAL_PRODUCT = new Set(['Total', 'TOTAL-Total']);
const EXPORT_FLOW = new Set(['EXPORT', '2-EXPORT', 'EXPORTATION']);
const TOTAL_PROCEDURE = new Set(['Total', 'T-Total']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Aug. 2024", "202408-Aug. 2024" → 2024-08 (monthly); "Jan.-Dec. 2019", "201952-Jan.-Dec. 2019" → 2019 (annual). */
export function comextPeriod(text: string): { date: string; frequency: 'M' | 'A' } | undefined {
  const year = /^(?:(\d{4})52-)?Jan\.-Dec\. (\d{4})$/.exec(text);
  if (year) return !year[1] || year[1] === year[2] ? { date: year[2], frequency: 'A' } : undefined;
  const month = /^(?:(\d{4})(\d{2})-)?([A-Z][a-z]{2})\. (\d{4})$/.exec(text);
  const m = month ? MONTHS.indexOf(month[3]) + 1 : 0;
  if (!month || m === 0) return undefined;
  const date = `${month[4]}-${String(m).padStart(2, '0')}`;
  return !month[1] || `${month[1]}-${month[2]}` === date ? { date, frequency: 'M' } : undefined;
}

export function parseRelationalView(bytes: Buffer, meta: Pick<RawMeta, 'key'>, precedence = 0): ParseResult {
  const where = { source: 'eurostat', file: meta.key };
  const series = new Map<string, ParsedSeries>();
  let period: string | undefined;
  eachCsvRow(bytes.toString('utf8'), (r, i) => {
    const at = { ...where, line: i + 1 };
    if (i === 0) {
      if (r.join(',') !== HEADER) throw new PipelineError('IMPORT_SCHEMA_CHANGED', `expected header ${HEADER}, got ${JSON.stringify(r.join(','))}`, at);
      return;
    }
    if (r.length === 1 && r[0] === '') return;
    if (r.length !== 7) throw new PipelineError('IMPORT_BAD_ROW', `${r.length} fields, expected 7`, at);
    const [reporterLabel, partnerLabel, product, flow, procedure, periodText, valueText] = r;
    if (!TOTAL_PRODUCT.has(product) || !EXPORT_FLOW.has(flow) || !TOTAL_PROCEDURE.has(procedure)) {
      throw new PipelineError('IMPORT_BAD_ROW', `not a total-product export row (product ${JSON.stringify(product)}, flow ${JSON.stringify(flow)}, procedure ${JSON.stringify(procedure)})`, at);
    }
    const p = comextPeriod(periodText);
    if (!p) throw new PipelineError('IMPORT_BAD_ROW', `period ${JSON.stringify(periodText)} is neither a month ("Aug. 2024") nor a year ("Jan.-Dec. 2019")`, at);
    if (period !== undefined && periodText !== period) throw new PipelineError('IMPORT_BAD_ROW', `period ${JSON.stringify(periodText)} differs from the file's ${JSON.stringify(period)}`, at);
    period = periodText;
    // A French-labelled file (2016) says EXPORTATION; some of its labels mean another country.
    const lang = flow === 'EXPORTATION' ? 'fr' : 'en';
    const reporter = comextCode(reporterLabel, lang);
    const partner = comextCode(partnerLabel, lang);
    if (!reporter) throw new PipelineError('EUROSTAT_UNKNOWN_NAME', `reporter ${JSON.stringify(reporterLabel)} maps to no country or group code (add it to src/sources/eurostat/names.ts once reviewed)`, at);
    if (!partner) throw new PipelineError('EUROSTAT_UNKNOWN_NAME', `partner ${JSON.stringify(partnerLabel)} maps to no country or group code (add it to src/sources/eurostat/names.ts once reviewed)`, at);
    if (!/^\d+$/.test(valueText)) throw new PipelineError('IMPORT_BAD_VALUE', `value ${JSON.stringify(valueText)} is not a whole number of euros`, at);
    const id = comextId(reporter, partner, p.frequency);
    let s = series.get(id);
    if (!s) series.set(id, (s = comextSeries(reporter, partner, p.frequency, precedence)));
    if (s.observations.length) throw new PipelineError('IMPORT_DUPLICATE_ROW', `${s.id} has a second row for ${p.date} (${JSON.stringify(reporterLabel)} → ${JSON.stringify(partnerLabel)})`, at);
    s.observations.push({ date: p.date, value: Number(valueText) });
  });
  if (period === undefined) throw new PipelineError('IMPORT_SCHEMA_CHANGED', 'the file has a header and no rows', where);
  return { series: [...series.values()], notes: [] };
}
