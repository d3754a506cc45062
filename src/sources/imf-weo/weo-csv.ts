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
  const groups = new Map<string, { series: ParsedSeries; years: Set<string> }>();
  const editions = new Map<string, Vintage | undefined>();
  // A field value seen once is checked once: 44,000 rows hold a few dozen distinct codes.
  const checked = new Set<string>();
  const once = (field: string, value: string, ok: () => boolean, message: string, line: number) => {
    const k = `${field}\u0000${value}`;
    if (checked.has(k)) return;
    if (!ok()) throw rowError(file, line, message);
    checked.add(k);
  };
  let group: { series: ParsedSeries; years: Set<string> } | undefined;
  let groupOf = '';
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
    once('iso3', iso3, () => /^[A-Z]{3}$/.test(iso3), `country ${JSON.stringify(iso3)} is not an ISO 3166 alpha-3 code`, line);
    once('indicator', indicator, () => /^[A-Z][A-Z0-9_]*$/.test(indicator), `indicator ${JSON.stringify(indicator)} is not a WEO code`, line);
    once('year', year, () => /^(19|20)\d\d$/.test(year), `year ${JSON.stringify(year)} is not a year`, line);
    if (!NUMBER.test(valueText) || !Number.isFinite(Number(valueText))) throw rowError(file, line, `value ${JSON.stringify(valueText)} is not a finite number`, 'IMPORT_BAD_VALUE');
    once('last', lastActual, () => lastActual === '' || /^(19|20)\d\d$/.test(lastActual), `last_actual_year ${JSON.stringify(lastActual)} is not a year`, line);
    // Rows come grouped by edition, country and indicator: look the series up only when that changes.
    const of = `${editionText}|${iso3}|${indicator}`;
    if (of !== groupOf) {
      const id = `imf.${indicator}.${iso3}`;
      const key = `${id}|${vintage.key}`;
      group = groups.get(key);
      if (!group) {
        group = { series: { id, description: weoDescription(indicator, iso3, lastActual ? Number(lastActual) : undefined), vintage, precedence: 1, observations: [] }, years: new Set() };
        groups.set(key, group);
      }
      groupOf = of;
    }
    if (group!.years.has(year)) throw rowError(file, line, `${editionText} ${iso3} ${indicator} ${year} appears twice`, 'IMPORT_DUPLICATE');
    group!.years.add(year);
    group!.series.observations.push([year, Number(valueText)]);
  }
  return { series: [...groups.values()].map((g) => g.series), notes: [] };
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
