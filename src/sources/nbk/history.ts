// The bundled daily history (an imported file): wide `date,AUD,...,ZAR`, tenge per 1 unit
// already divided by the quant, an empty field where the origin has no value.
import { PipelineError } from '../../domain/errors.ts';
import type { Observation } from '../../domain/series.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { parseCsv } from '../../lib/csv.ts';
import { parsedRateSeries } from './describe.ts';

export const IMPORTED_PRECEDENCE = 1;

export function toSeries(byCode: Map<string, Observation[]>, precedence: number): ParsedSeries[] {
  return [...byCode].map(([code, observations]) => parsedRateSeries(code, precedence, observations));
}

export function parseHistoryCsv(bytes: Buffer, meta: Pick<RawMeta, 'key'>, currencies: string[]): ParseResult {
  const file = meta.key;
  const rows = parseCsv(bytes.toString('utf8'));
  const header = rows[0] ?? [];
  if (header[0] !== 'date' || header.length < 2) throw new PipelineError('IMPORT_SCHEMA_CHANGED', `expected a header starting with "date", got ${header.join(',')}`, { source: 'nbk', file });
  const twice = header.find((code, c) => header.indexOf(code) !== c);
  if (twice !== undefined) throw new PipelineError('IMPORT_SCHEMA_CHANGED', `the header names ${JSON.stringify(twice)} twice`, { source: 'nbk', file });
  const wanted = new Set(currencies);
  const columns = header.flatMap((code, c) => (c > 0 && wanted.has(code) ? [{ c, code, values: [] as Observation[] }] : []));
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length === 1 && r[0] === '') continue;
    if (r.length !== header.length) throw new PipelineError('IMPORT_BAD_ROW', `row has ${r.length} fields, expected ${header.length}`, { source: 'nbk', file, line: i + 1 });
    // Indexed, not destructured: this runs once per cell (see the head of runner/build.ts).
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k];
      const text = r[col.c];
      if (text === '') continue; // empty = missing in the origin
      const v = Number(text);
      if (!Number.isFinite(v) || v <= 0) throw new PipelineError('IMPORT_BAD_VALUE', `${col.code} ${JSON.stringify(text)} is not a positive number`, { source: 'nbk', file, line: i + 1 });
      col.values.push({ date: r[0], value: v });
    }
  }
  // A currency with no value at all starts no series (as before: series are made from values).
  const byCode = new Map(columns.filter((col) => col.values.length).map((col) => [col.code, col.values]));
  return { series: toSeries(byCode, IMPORTED_PRECEDENCE), notes: [] };
}

