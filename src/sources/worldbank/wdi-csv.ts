// The bundled WDI extract (imported file): long `indicator,iso3,year,value`.
import { PipelineError } from '../../domain/errors.ts';
import type { Vintage } from '../../domain/series.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { parseCsv } from '../../lib/csv.ts';
import { description } from './indicators.ts';
import { wdiId } from './words.ts';

export function parseWdiLongCsv(bytes: Buffer, meta: Pick<RawMeta, 'key' | 'retrievedAt'>, countries: string[]): ParseResult {
  const rows = parseCsv(bytes.toString('utf8'));
  const file = meta.key;
  if (rows[0]?.join(',') !== 'indicator,iso3,year,value') throw new PipelineError('IMPORT_SCHEMA_CHANGED', `unexpected header ${rows[0]?.join(',')}`, { source: 'worldbank', file });
  const day = meta.retrievedAt.slice(0, 10);
  const vintage: Vintage = { key: day, label: `WDI, downloaded ${day}` };
  const wanted = new Set(countries);
  const groups = new Map<string, ParsedSeries>();
  for (let i = 1; i < rows.length; i++) {
    const [code, iso3, year, valueText] = rows[i];
    if (rows[i].length === 1 && code === '') continue;
    if (!wanted.has(iso3)) continue;
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) throw new PipelineError('IMPORT_BAD_VALUE', `value ${JSON.stringify(valueText)} is not a number`, { source: 'worldbank', file, line: i + 1 });
    const id = wdiId(code, iso3);
    let s = groups.get(id);
    if (!s) groups.set(id, (s = { id, description: description(code, iso3), vintage, precedence: 1, observations: [] }));
    s.observations.push({ date: year, value });
  }
  return { series: [...groups.values()], notes: [] };
}

