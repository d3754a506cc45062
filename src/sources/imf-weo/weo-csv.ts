// The bundled WEO extract (imported file): one row per edition × country × indicator × year,
// values as published (NGDPD already in billions), with each edition's last actual year for
// that country and indicator. Each row is checked; a bad one fails the import naming its line.
import { PipelineError } from '../../domain/errors.ts';
import type { Vintage } from '../../domain/series.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { parseCsv } from '../../lib/csv.ts';
import { weoDescription, weoVintage } from './weo.ts';

const HEADER = ['vintage', 'iso3', 'imf_code', 'indicator', 'year', 'value', 'unit', 'unit_code', 'scale', 'last_actual_year'];
const NUMBER = /^-?\d+(\.\d+)?$/;

function rowError(file: string, line: number, message: string, code = 'IMPORT_BAD_ROW'): PipelineError {
  return new PipelineError(code, `line ${line}: ${message}`, { source: 'imf', file, line });
}

export function parseWeoCsv(bytes: Buffer, meta: Pick<RawMeta, 'key'>): ParseResult {
  const rows = parseCsv(bytes.toString('utf8'));
  const file = meta.key;
  if (rows[0]?.join(',') !== HEADER.join(',')) {
    throw new PipelineError('IMPORT_SCHEMA_CHANGED', `expected header ${HEADER.join(',')}, got ${rows[0]?.join(',')}`, { source: 'imf', file });
  }
  const groups = new Map<string, ParsedSeries>();
  const seen = new Set<string>();
  const editions = new Map<string, Vintage | undefined>();
  for (let i = 1; i < rows.length; i++) {
    const line = i + 1;
    const r = rows[i];
    if (r.length === 1 && r[0] === '') continue;
    if (r.length !== HEADER.length) throw rowError(file, line, `${r.length} fields, expected ${HEADER.length}`);
    const [editionText, iso3, , indicator, year, valueText, , , , lastActual] = r;
    if (!editions.has(editionText)) {
      try {
        editions.set(editionText, weoVintage(editionText));
      } catch {
        editions.set(editionText, undefined);
      }
    }
    const vintage = editions.get(editionText);
    if (!vintage) throw rowError(file, line, `edition ${JSON.stringify(editionText)} is not "WEO <Month> <YYYY>"`);
    if (!/^[A-Z]{3}$/.test(iso3)) throw rowError(file, line, `country ${JSON.stringify(iso3)} is not an ISO 3166 alpha-3 code`);
    if (!/^[A-Z][A-Z0-9_]*$/.test(indicator)) throw rowError(file, line, `indicator ${JSON.stringify(indicator)} is not a WEO code`);
    if (!/^(19|20)\d\d$/.test(year)) throw rowError(file, line, `year ${JSON.stringify(year)} is not a year`);
    if (!NUMBER.test(valueText) || !Number.isFinite(Number(valueText))) throw rowError(file, line, `value ${JSON.stringify(valueText)} is not a finite number`, 'IMPORT_BAD_VALUE');
    if (lastActual !== '' && !/^(19|20)\d\d$/.test(lastActual)) throw rowError(file, line, `last_actual_year ${JSON.stringify(lastActual)} is not a year`);
    const cell = `${vintage.key}|${iso3}|${indicator}|${year}`;
    if (seen.has(cell)) throw rowError(file, line, `${editionText} ${iso3} ${indicator} ${year} appears twice`, 'IMPORT_DUPLICATE');
    seen.add(cell);
    const id = `imf.${indicator}.${iso3}`;
    const key = `${id}|${vintage.key}`;
    let s = groups.get(key);
    if (!s) {
      s = { id, description: weoDescription(indicator, iso3, lastActual ? Number(lastActual) : undefined), vintage, precedence: 1, observations: [] };
      groups.set(key, s);
    }
    s.observations.push([year, Number(valueText)]);
  }
  return { series: [...groups.values()], notes: [] };
}

/**
 * The known-gaps list that travels with the extract: cells an edition lacks (values ≥ 1,000 lost
 * by the repository's build of WEO 2019–April 2020). Checked, and said in the run notes; the
 * values it quotes from another edition are for orientation only and never enter a series.
 */
export function parseWeoKnownGaps(bytes: Buffer, meta: Pick<RawMeta, 'key'>): ParseResult {
  const rows = parseCsv(bytes.toString('utf8'));
  const header = ['vintage', 'iso3', 'imf_code', 'indicator', 'year', 'reference_vintage', 'reference_value', 'cause'];
  if (rows[0]?.join(',') !== header.join(',')) {
    throw new PipelineError('IMPORT_SCHEMA_CHANGED', `expected header ${header.join(',')}, got ${rows[0]?.join(',')}`, { source: 'imf', file: meta.key });
  }
  const cells = rows.slice(1).filter((r) => !(r.length === 1 && r[0] === ''));
  const editions = [...new Set(cells.map((r) => r[0]))];
  return { series: [], notes: [`imf: ${cells.length} cells are known gaps in ${editions.join(', ')} (values ≥ 1,000 lost in the repository's build); they stay missing, never filled from another edition.`] };
}
