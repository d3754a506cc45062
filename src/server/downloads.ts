// Files people take away: CSV of the view (long or wide), the full series, JSON, metadata,
// and a zip with CSV + metadata + a README holding the citation and the licence.
import { zipSync, strToU8 } from 'fflate';
import { localNames, titlesInEveryLanguage } from './localised-names.ts';
import type { Vocabulary } from '../domain/source-words.ts';
import { hasPhrase, LANGUAGES, translator } from './i18n.ts';
import { toCsv } from '../lib/csv.ts';
import { snapshotOrigin, type SeriesMeta } from '../domain/series.ts';
import type { DrawnSeries } from './view-model.ts';
import type { SeriesEntry } from '../store/repository.ts';
import { tableRows, withStatuses } from './view-model.ts';
import { fillGrid } from '../transform/view.ts';

/**
 * Where the values came from, honestly: a file imported from a repository copy ("imported from
 * mitsuoxv/imf-weo at 735c2b40…") is not an answer retrieved from the provider's API on a date.
 */
export function provenance(meta: SeriesMeta): string {
  const s = meta.rawSnapshots[0];
  const origin = snapshotOrigin(s);
  if (s && origin === 'imported') return `imported from the repository ${s.repository}${s.commit ? ` at ${s.commit.slice(0, 12)}` : ''} (bundled ${s.retrievedAt.slice(0, 10)})`;
  if (s && origin === 'recorded') return `a recorded answer of ${new URL(s.url!).host}, kept by ${s.repository}`;
  return `retrieved ${meta.retrievedAt.slice(0, 10)}${s?.url ? ` from ${new URL(s.url).host}` : ''}`;
}

export function citation(meta: SeriesMeta, url: string): string {
  return `${meta.source.citation}, "${meta.title}" (${meta.unit}; ${meta.vintage.label}), series ${meta.id}, ${provenance(meta)}, via kz-indicators, ${url}.`;
}

/** The wide CSV's value columns, each with what it holds (served as the view's metadata). */
export function viewColumns(drawn: DrawnSeries[]) {
  return drawn.map((d) => {
    const column = d.vintageLabel !== d.meta.vintage.label ? `${d.id} (${d.vintageLabel})` : d.id;
    return { column, statusColumn: `${column} status`, series: d.id, title: d.name, unit: d.unitLabel, vintage: d.vintageLabel, frequency: d.freq, source: d.meta.source.name };
  });
}

/** A value's status as written: empty where the value is missing. */
const statusCell = (value: number | null, status: string | undefined) => (value === null ? '' : (status ?? 'actual'));

/**
 * Long: one row per value with its series, vintage, frequency, unit and status. Wide: one value
 * column per series, each followed by its status column; units and vintages per column are in
 * the long layout and the metadata.
 */
export function viewCsv(drawn: DrawnSeries[], layout: 'long' | 'wide'): string {
  if (layout === 'wide') {
    const { dates, values, statuses } = tableRows(drawn);
    const names = drawn.map((d) => (d.vintageLabel !== d.meta.vintage.label ? `${d.id} (${d.vintageLabel})` : d.id));
    const header = ['date', ...names.flatMap((n) => [n, `${n} status`])];
    const rows = dates.map((date, i) => [date, ...values[i].flatMap((v, j) => [v, statusCell(v, statuses[i][j])])]);
    return toCsv(header, rows, new Set(drawn.map((_, i) => 1 + 2 * i)));
  }
  const rows: Array<Array<string | number | null>> = [];
  for (const d of drawn) for (const p of d.points) rows.push([d.id, d.vintageLabel, d.freq, d.unitLabel, p.date, p.value, statusCell(p.value, p.status)]);
  return toCsv(['series_id', 'vintage', 'frequency', 'unit', 'date', 'value', 'status'], rows, new Set([5]));
}

/** The whole series as the API gives it: every period from the first to the last (a missing one
 *  empty, not left out), each value with its status (actual, estimate, projection). */
export function fullCsv(entry: SeriesEntry): string {
  const points = fillGrid(withStatuses(entry.observations, entry.meta.lastActualYear), entry.meta.frequency);
  return toCsv(['series_id', 'date', 'value', 'status'], points.map((o) => [entry.meta.id, o.date, o.value, o.value === null ? '' : (o.status ?? 'actual')]), new Set([2]));
}

/** The bundle's README in one language: the series as the page names it, its licence, and the source's own (formal) citation. */
function readmeIn(lang: string, m: SeriesMeta, url: string, vocabulary: Vocabulary): string {
  const t = translator(lang);
  const names = localNames(lang, t, vocabulary);
  return [
    `# ${names.titleIn(m)}`,
    '',
    t('bundle.seriesId', { id: m.id }),
    t('bundle.unit', { unit: names.unitIn(m.unit), scale: hasPhrase(lang, `bundle.scale.${m.scale}`) ? t(`bundle.scale.${m.scale}`) : m.scale, frequency: t(`frequency.${m.frequency}`) }),
    t('bundle.source', { name: names.sourceIn(m.source), url: m.source.url }),
    t('bundle.vintage', { vintage: names.vintageIn(m.vintage, m.source.job), retrieved: m.retrievedAt }),
    t('bundle.coverage', { start: m.coverage.start, end: m.coverage.end, count: m.coverage.rows }),
    m.dateConvention ? t('bundle.dates', { convention: names.textIn(m.dateConvention).text }) : '',
    '',
    `## ${t('bundle.licence')}`,
    names.textIn(m.source.licence).text,
    '',
    `## ${t('bundle.citeAs')}`,
    citation(m, url),
    '',
    `## ${t('bundle.files')}`,
    `- ${t('bundle.csvFile', { file: `${m.id}.csv` })}`,
    `- ${t('bundle.metadataFile', { file: `${m.id}.metadata.json` })}`,
    '',
  ].join('\n');
}

/** CSV, metadata (titles and units in every language) and a README in every language, the same bytes whichever page it is taken from. */
export function bundleZip(entry: SeriesEntry, url: string, vocabulary: Vocabulary): Uint8Array {
  const m = entry.meta;
  const readme = LANGUAGES.map((lang) => readmeIn(lang, m, url, vocabulary)).join('\n---\n\n');
  return zipSync({
    [`${m.id}.csv`]: strToU8(fullCsv(entry)),
    [`${m.id}.metadata.json`]: strToU8(JSON.stringify({ ...m, ...titlesInEveryLanguage(m, vocabulary) }, null, 2)),
    'README.md': strToU8(readme),
  }, { mtime: new Date('2000-01-01T00:00:00Z') });
}
