// Stage 3 of a run: render the built series to processed files (CSV, earlier vintages,
// metadata) and say what changed against the files they replace (the caller writes them).
import type { Observation, SeriesMeta, VintageInfo } from '../domain/series.ts';
import { currentVintage, type BuiltSeries, type BuiltVintage } from '../domain/source-data.ts';
import type { SourceConnector } from '../sources/connector.ts';
import { parseSeriesCsv, renderSourceFiles, type ProcessedStorage, type SourceFileMeta, type SourceFilesText } from '../store/processed-store.ts';
import type { BuildResult } from './build.ts';
import type { SeriesChange } from './run-summary.ts';
import { byCodeUnit } from '../lib/order.ts';

const MAX_LISTED_SNAPSHOTS = 100;

/** The dates a source flags as estimates, for the metadata (the CSV rows carry values only). */
function estimateDates(obs: Observation[]): { estimates?: string[] } {
  const dates = obs.filter((o) => o.status === 'estimate').map((o) => o.date);
  return dates.length ? { estimates: dates } : {};
}

/** What the metadata says of one vintage, property by property in the order written (the
 *  spread form was most of the time spent rendering BNS's 4,000 vintages). */
function vintageInfo(v: BuiltVintage): VintageInfo {
  const obs = v.observations;
  const { key, label } = v.vintage;
  const { retrievedAt } = v;
  const rows = obs.length;
  const start = obs[0]?.date ?? null;
  const end = obs[obs.length - 1]?.date ?? null;
  const info: VintageInfo =
    v.lastActualYear !== undefined ? { key, label, lastActualYear: v.lastActualYear, retrievedAt, rows, start, end } : { key, label, retrievedAt, rows, start, end };
  let estimates: string[] | undefined;
  for (let i = 0; i < obs.length; i++) if (obs[i].status === 'estimate') (estimates ??= []).push(obs[i].date);
  if (estimates) info.estimates = estimates;
  return info;
}

export function seriesMeta(connector: SourceConnector, s: BuiltSeries): SeriesMeta {
  const cur = currentVintage(s);
  const obs = cur.observations;
  const snapshots = [...cur.snapshots].sort((a, b) => byCodeUnit(b.retrievedAt, a.retrievedAt) || byCodeUnit(a.file, b.file));
  const p = connector.publisher;
  const meta: SeriesMeta = {
    id: s.id,
    ...s.description,
    source: { job: connector.name, name: p.name, url: p.url, licence: p.licence, citation: p.citation },
    vintage: cur.vintage,
    retrievedAt: cur.retrievedAt,
    coverage: { start: obs[0]?.date ?? null, end: obs[obs.length - 1]?.date ?? null, rows: obs.length },
    vintages: s.vintages.map(vintageInfo),
    rawSnapshots: snapshots.slice(0, MAX_LISTED_SNAPSHOTS),
    ...estimateDates(obs),
  };
  if (snapshots.length > MAX_LISTED_SNAPSHOTS) {
    meta.notes = [...(meta.notes ?? []), `${snapshots.length} raw snapshots contribute; the ${MAX_LISTED_SNAPSHOTS} newest are listed.`];
  }
  return meta;
}

export function diffObservations(before: Observation[] | undefined, after: Observation[]): Omit<SeriesChange, 'series'> {
  const old = new Map((before ?? []).map((o) => [o.date, o.value]));
  let added = 0;
  let revised = 0;
  for (const o of after) {
    const v = old.get(o.date);
    if (v === undefined) added++;
    else if (v !== o.value) revised++;
    old.delete(o.date);
  }
  return { added, revised, removed: old.size };
}

/** The build as processed files, with each series' current observations. */
export interface RenderedBuild {
  files: SourceFilesText;
  current: Map<string, Observation[]>;
}

export function renderBuild(connector: SourceConnector, built: BuildResult): RenderedBuild {
  const current = new Map<string, Observation[]>();
  const earlier = new Map<string, Map<string, Observation[]>>();
  const metas: Record<string, SeriesMeta> = {};
  for (const [id, s] of built.series) {
    current.set(id, currentVintage(s).observations);
    if (s.vintages.length > 1) earlier.set(id, new Map(s.vintages.slice(0, -1).map((v) => [v.vintage.key, v.observations])));
    metas[id] = seriesMeta(connector, s);
  }
  const fileMeta: SourceFileMeta = { source: connector.name, title: connector.title, connectorVersion: connector.version, conflicts: built.conflicts.length, series: metas };
  return { files: renderSourceFiles(fileMeta, current, earlier), current };
}

/** The processed values a build replaces, or undefined when its CSV is the same text (an identical
 *  file needs no parsing to know nothing changed). A damaged old file replaces nothing: the build
 *  from raw is written over it (`onDamaged` says so). */
export async function replacedValues(connector: SourceConnector, rendered: RenderedBuild, processed: ProcessedStorage, onDamaged: (message: string) => void = () => {}): Promise<Map<string, Observation[]> | undefined> {
  const oldCsv = await processed.readCsv(connector.name);
  if (oldCsv === rendered.files.csv) return undefined;
  if (oldCsv === undefined) return new Map();
  try {
    return parseSeriesCsv(oldCsv, `processed/${connector.name}.csv`);
  } catch (err) {
    onDamaged(`processed/${connector.name}.csv could not be read (${(err as Error).message}); rewritten from the raw snapshots`);
    return new Map();
  }
}

/** What changed in each series against the values replaced. */
export function changesAgainst(before: Map<string, Observation[]>, rendered: RenderedBuild): SeriesChange[] {
  return [...rendered.current].map(([id, obs]) => ({ series: id, ...diffObservations(before.get(id), obs) })).filter((c) => c.added || c.revised || c.removed);
}
