// The bundled WEO extract (imported file): one row per vintage × country × indicator × year,
// values as published (NGDPD already in billions), with each vintage's last actual year.
import { PipelineError } from '../../domain/errors.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { parseCsv } from '../../lib/csv.ts';
import { weoDescription, weoVintage } from './weo.ts';

const HEADER = ['vintage', 'iso3', 'imf_code', 'indicator', 'year', 'value', 'unit', 'unit_code', 'scale', 'last_actual_year'];

export function parseWeoCsv(bytes: Buffer, meta: Pick<RawMeta, 'key'>): ParseResult {
  const rows = parseCsv(bytes.toString('utf8'));
  const file = meta.key;
  if (rows[0]?.join(',') !== HEADER.join(',')) {
    throw new PipelineError('IMPORT_SCHEMA_CHANGED', `expected header ${HEADER.join(',')}, got ${rows[0]?.join(',')}`, { source: 'imf', file });
  }
  const groups = new Map<string, ParsedSeries>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length === 1 && r[0] === '') continue;
    if (r.length !== HEADER.length) throw new PipelineError('IMPORT_BAD_ROW', `row has ${r.length} fields, expected ${HEADER.length}`, { source: 'imf', file, line: i + 1 });
    const [vintageText, iso3, , indicator, year, valueText, , , , lastActual] = r;
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) throw new PipelineError('IMPORT_BAD_VALUE', `value ${JSON.stringify(valueText)} is not a number`, { source: 'imf', file, line: i + 1 });
    const vintage = weoVintage(vintageText);
    const id = `imf.${indicator}.${iso3}`;
    const key = `${id}|${vintage.key}`;
    let s = groups.get(key);
    if (!s) {
      s = { id, description: weoDescription(indicator, iso3, lastActual ? Number(lastActual) : undefined), vintage, precedence: 1, observations: [] };
      groups.set(key, s);
    }
    s.observations.push([year, value]);
  }
  return { series: [...groups.values()], notes: [] };
}
