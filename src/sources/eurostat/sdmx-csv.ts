// Comext's dissemination API answer in SDMX-CSV (docs/sources.md §7): cells may be padded with
// spaces, `LAST UPDATE` is day-first, a cell with no trade is absent, and a query no cell matches
// answers with the header alone or an empty body (no series, not an error). Only total-product
// exports in euros are read; anything else in the answer is a coded error naming the line.
import { PipelineError } from '../../domain/errors.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { parseCsv } from '../../lib/csv.ts';
import { assertNotHtml } from '../shared/body-checks.ts';
import { codeOfComext } from './names.ts';
import { comextSeries } from './series.ts';
import { comextId } from './words.ts';

const COLUMNS = ['freq', 'reporter', 'partner', 'product', 'flow', 'indicators', 'TIME_PERIOD', 'OBS_VALUE'];

export function parseComextSdmxCsv(bytes: Buffer, meta: Pick<RawMeta, 'key' | 'url' | 'contentType'>): ParseResult {
  const where = { source: 'eurostat', file: meta.key, url: meta.url };
  assertNotHtml(bytes, meta.contentType, where);
  const rows = parseCsv(bytes.toString('utf8')).map((r) => r.map((c) => c.trim()));
  if (!rows.length || (rows.length === 1 && rows[0].join('') === '')) return { series: [], notes: [`${meta.key}: an empty answer (no cell matched)`] };
  const col = Object.fromEntries(COLUMNS.map((c) => [c, rows[0].indexOf(c)]));
  const missing = COLUMNS.filter((c) => col[c] < 0);
  if (missing.length) throw new PipelineError('SDMX_SCHEMA_CHANGED', `the SDMX-CSV header lacks ${missing.join(', ')}`, { ...where, line: 1 });
  const series = new Map<string, ParsedSeries>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length === 1 && r[0] === '') continue;
    const at = { ...where, line: i + 1 };
    const get = (c: string) => r[col[c]] ?? '';
    if (get('product') !== 'TOTAL' || get('flow') !== '2' || get('indicators') !== 'VALUE_IN_EUROS') {
      throw new PipelineError('SDMX_UNEXPECTED_ROW', `not total-product exports in euros (product ${get('product')}, flow ${get('flow')}, indicator ${get('indicators')})`, at);
    }
    const freq = get('freq');
    const date = get('TIME_PERIOD');
    if (!((freq === 'M' && /^\d{4}-(0[1-9]|1[0-2])$/.test(date)) || (freq === 'A' && /^\d{4}$/.test(date)))) throw new PipelineError('SDMX_UNEXPECTED_ROW', `period ${JSON.stringify(date)} does not fit frequency ${JSON.stringify(freq)}`, at);
    const reporter = codeOfComext(get('reporter'));
    const partner = codeOfComext(get('partner'));
    if (!reporter || !partner) throw new PipelineError('EUROSTAT_UNKNOWN_NAME', `reporter ${get('reporter')} or partner ${get('partner')} is not a code the product maps`, at);
    const text = get('OBS_VALUE');
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0) throw new PipelineError('SDMX_BAD_VALUE', `OBS_VALUE ${JSON.stringify(text)} is not a number of euros`, at);
    const id = comextId(reporter, partner, freq as 'M' | 'A');
    let s = series.get(id);
    if (!s) series.set(id, (s = comextSeries(reporter, partner, freq as 'M' | 'A', 1)));
    if (s.observations.some((o) => o.date === date)) throw new PipelineError('SDMX_DUPLICATE', `${s.id} has a second value for ${date}`, at);
    s.observations.push({ date, value });
  }
  for (const s of series.values()) s.observations.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { series: [...series.values()], notes: [] };
}
