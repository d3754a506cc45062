// The bundled WEO extract (imported file): one row per edition × country × indicator × year,
// values as published (NGDPD already in billions), with each edition's last actual year for
// that country and indicator. Each row is checked; a bad one fails the import naming its line.
import { PipelineError } from '../../domain/errors.ts';
import type { Vintage } from '../../domain/series.ts';
import type { ParsedSeries, ParseResult, RawMeta } from '../../domain/source-data.ts';
import { eachCsvRow, parseCsv } from '../../lib/csv.ts';
import { weoDescription, weoVintage } from './weo.ts';
import { weoId } from './words.ts';

const HEADER = ['vintage', 'iso3', 'imf_code', 'indicator', 'year', 'value', 'unit', 'unit_code', 'scale', 'last_actual_year'];
const NUMBER = /^-?\d+(\.\d+)?$/;
const YEAR = /^(19|20)\d\d$/;

interface Group {
  series: ParsedSeries;
  /** The latest year seen. */
  last: string;
}

function rowError(file: string, line: number, message: string, code = 'IMPORT_BAD_ROW'): PipelineError {
  return new PipelineError(code, `line ${line}: ${message}`, { source: 'imf', file, line });
}

/** The extract's rows, read one at a time; they come grouped by edition, country and indicator
 *  (44,000 rows, about 1,200 groups), so codes are checked and the series looked up only when
 *  the group changes. */
class WeoRows {
  private groups = new Map<string, Group>();
  private editions = new Map<string, Vintage | undefined>();
  private group: Group | undefined;
  /** The last full row read (its group's fields). */
  private before: string[] = [];
  private headerSeen = false;

  constructor(private file: string) {}

  /** A row as fields; line 1 is the header. */
  row(r: string[], line: number): void {
    const { file } = this;
    if (line === 1) {
      this.headerSeen = true;
      if (r.join(',') !== HEADER.join(',')) throw new PipelineError('IMPORT_SCHEMA_CHANGED', `expected header ${HEADER.join(',')}, got ${r.join(',')}`, { source: 'imf', file });
      return;
    }
    if (r.length === 1 && r[0] === '') return;
    if (r.length !== HEADER.length) throw rowError(file, line, `${r.length} fields, expected ${HEADER.length}`);
    const b = this.before;
    // Fields by index, not destructured: per-row iterator objects add up (see the head of runner/build.ts).
    if (!this.group || r[0] !== b[0] || r[1] !== b[1] || r[3] !== b[3] || r[9] !== b[9]) this.group = this.groupOf(r, line);
    this.before = r;
    this.value(r[4], r[5], line);
  }

  private groupOf(r: string[], line: number): Group {
    const { file, editions } = this;
    const editionText = r[0];
    const iso3 = r[1];
    const indicator = r[3];
    const lastActual = r[9];
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
    if (lastActual !== '' && !YEAR.test(lastActual)) throw rowError(file, line, `last_actual_year ${JSON.stringify(lastActual)} is not a year`);
    const id = weoId(indicator, iso3);
    const key = `${id}|${vintage.key}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { series: { id, description: weoDescription(indicator, iso3, lastActual ? Number(lastActual) : undefined), vintage, precedence: 1, observations: [] }, last: '' };
      this.groups.set(key, group);
    }
    return group;
  }

  /** A row of the current group: its year and value. */
  value(year: string, valueText: string, line: number): void {
    const { file, group } = this;
    if (!YEAR.test(year)) throw rowError(file, line, `year ${JSON.stringify(year)} is not a year`);
    const value = Number(valueText);
    if (!NUMBER.test(valueText) || !Number.isFinite(value)) throw rowError(file, line, `value ${JSON.stringify(valueText)} is not a finite number`, 'IMPORT_BAD_VALUE');
    // Years usually increase within a group; only a year that does not needs the full look.
    const obs = group!.series.observations;
    if (year <= group!.last && obs.some((o) => o.date === year)) {
      const b = this.before;
      throw rowError(file, line, `${b[0]} ${b[1]} ${b[3]} ${year} appears twice`, 'IMPORT_DUPLICATE');
    }
    if (year > group!.last) group!.last = year;
    obs.push({ date: year, value });
  }

  result(): ParseResult {
    if (!this.headerSeen) throw new PipelineError('IMPORT_SCHEMA_CHANGED', `expected header ${HEADER.join(',')}, got an empty file`, { source: 'imf', file: this.file });
    return { series: [...this.groups.values()].map((g) => g.series), notes: [] };
  }
}

export function parseWeoCsv(bytes: Buffer, meta: Pick<RawMeta, 'key'>): ParseResult {
  const rows = new WeoRows(meta.key);
  eachCsvRow(bytes.toString('utf8'), (r, i) => rows.row(r, i + 1));
  return rows.result();
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
