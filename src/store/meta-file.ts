// The shape of processed/<source>.meta.json on disk. Schema 2 keeps what series share once, in
// tables at the top (the publisher, the notes, the vintages' records, the raw snapshots), and each
// series points into them by index, one series per line; schema 1 repeated all of it in every
// series (BNS: 3.1 MB of metadata for 0.3 MB of data). In memory every series still carries its
// full records (SourceFileMeta), whichever schema was read: a file without `schemaVersion` is
// schema 1 and reads as it always did.
import type { SeriesMeta, SnapshotRef, VintageInfo } from '../domain/series.ts';

export const META_SCHEMA_VERSION = 2;

export interface SourceFileMeta {
  source: string;
  title: string;
  connectorVersion: string;
  /** Disagreements between snapshots at the last build, kept so the status page can show them. */
  conflicts: number;
  series: Record<string, SeriesMeta>;
}

/** What a vintage is, shared by every series that has it; a series adds its own rows and dates. */
type VintageRecord = Pick<VintageInfo, 'key' | 'label' | 'lastActualYear' | 'retrievedAt'>;
type SeriesVintage = { v: number } & Pick<VintageInfo, 'rows' | 'start' | 'end' | 'estimates'>;
type StoredSeries = Omit<SeriesMeta, 'source' | 'notes' | 'vintages' | 'rawSnapshots'> & { source: number; notes?: number[]; vintages: SeriesVintage[]; rawSnapshots: number[] };

interface Tables {
  publishers: Array<SeriesMeta['source']>;
  notes: string[];
  vintages: VintageRecord[];
  snapshots: SnapshotRef[];
}

interface StoredMeta extends Omit<SourceFileMeta, 'series'>, Tables {
  schemaVersion: typeof META_SCHEMA_VERSION;
  series: Record<string, StoredSeries>;
}

/** A table of distinct values, each added once, in the order first met; values with the same
 *  key are the same value (by default the key is the whole value as JSON). */
function interner<T>(list: T[], keyOf: (value: T) => string = (v) => JSON.stringify(v)): (value: T) => number {
  const index = new Map<string, number>();
  return (value) => {
    const key = keyOf(value);
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = list.push(value) - 1));
    return i;
  };
}

/** The metadata as written: shared records once, series pointing to them by index. */
export function encodeMeta(meta: SourceFileMeta): StoredMeta {
  const tables: Tables = { publishers: [], notes: [], vintages: [], snapshots: [] };
  // A snapshot is one file with one hash: keyed so, not by its whole record (Comext: 30,000 records).
  const [publisher, note, vintage, snapshot] = [interner(tables.publishers), interner(tables.notes), interner(tables.vintages), interner(tables.snapshots, (s) => `${s.file}\n${s.sha256}`)];
  const series: Record<string, StoredSeries> = {};
  for (const [id, s] of Object.entries(meta.series)) {
    const stored = { ...s } as unknown as StoredSeries;
    stored.source = publisher(s.source);
    if (s.notes) stored.notes = s.notes.map(note);
    stored.vintages = s.vintages.map(({ key, label, lastActualYear, retrievedAt, rows, start, end, estimates }) => ({
      v: vintage(lastActualYear === undefined ? { key, label, retrievedAt } : { key, label, lastActualYear, retrievedAt }),
      rows, start, end, ...(estimates ? { estimates } : {}),
    }));
    stored.rawSnapshots = s.rawSnapshots.map(snapshot);
    series[id] = stored;
  }
  const { series: _, ...head } = meta;
  return { schemaVersion: META_SCHEMA_VERSION, ...head, ...tables, series };
}

/** The file's text: the head and tables indented, then one series per line (readable, and a
 *  diff of two builds shows the series that changed). */
export function renderMeta(meta: SourceFileMeta): string {
  const { series, ...head } = encodeMeta(meta);
  const lines = Object.entries(series).map(([id, s]) => `    ${JSON.stringify(id)}: ${JSON.stringify(s)}`);
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "series": {\n${lines.join(',\n')}\n  }\n}\n`;
}

function at<T>(table: T[], i: number, what: string): T {
  if (!Number.isInteger(i) || table[i] === undefined) throw new Error(`points to ${what} ${i}, which is not listed`);
  return table[i];
}

function decodeSeries(s: StoredSeries, t: Tables): SeriesMeta {
  const meta = { ...s } as unknown as SeriesMeta;
  meta.source = at(t.publishers, s.source, 'publisher');
  if (s.notes) meta.notes = s.notes.map((i) => at(t.notes, i, 'note'));
  meta.vintages = s.vintages.map(({ v, rows, start, end, estimates }) => {
    const r = at(t.vintages, v, 'vintage');
    const info: VintageInfo = r.lastActualYear === undefined ? { key: r.key, label: r.label, retrievedAt: r.retrievedAt, rows, start, end } : { key: r.key, label: r.label, lastActualYear: r.lastActualYear, retrievedAt: r.retrievedAt, rows, start, end };
    if (estimates) info.estimates = estimates;
    return info;
  });
  meta.rawSnapshots = s.rawSnapshots.map((i) => at(t.snapshots, i, 'raw snapshot'));
  return meta;
}

/** The metadata as the product uses it, from either schema. */
export function decodeMeta(stored: unknown): SourceFileMeta {
  const v = stored as Partial<StoredMeta> | null;
  if (typeof v?.series !== 'object' || v.series === null) throw new Error('has no series');
  if (v.schemaVersion === undefined) return stored as SourceFileMeta;
  if (v.schemaVersion !== META_SCHEMA_VERSION) throw new Error(`has schemaVersion ${JSON.stringify(v.schemaVersion)}; this version reads 1 and ${META_SCHEMA_VERSION}`);
  const { schemaVersion: _v, publishers, notes, vintages, snapshots, series, ...head } = v as StoredMeta;
  const tables = { publishers, notes, vintages, snapshots };
  for (const [name, table] of Object.entries(tables)) if (!Array.isArray(table)) throw new Error(`has no ${name} table`);
  return { ...head, series: Object.fromEntries(Object.entries(series).map(([id, s]) => [id, decodeSeries(s, tables)])) };
}
