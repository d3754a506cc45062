// Processed data, one set of files per source:
//   processed/<source>.csv           tidy long: series_id,date,value (current vintage)
//   processed/<source>.vintages.csv  series_id,vintage,date,value (earlier vintages)
//   processed/<source>.meta.json     metadata for every series
//   processed/<source>.sha256        the sha256 of the three, written last (`sha256sum -c` reads it)
// Each is written atomically; the same build gives byte-identical files. A reader checks the
// files against the checksums, so a damaged file is named, never served.
import fs from 'node:fs/promises';
import path from 'node:path';
import { longCsv, parseCsv, type LongGroup } from '../lib/csv.ts';
import { fileHolds, writeFileAtomic } from './atomic-write.ts';
import { sha256 } from './raw-store.ts';
import { PipelineError } from '../domain/errors.ts';
import type { Observation, SeriesMeta } from '../domain/series.ts';
import { byCodeUnit } from '../lib/order.ts';
import { decodeMeta, renderMeta, type SourceFileMeta } from './meta-file.ts';

export type { SourceFileMeta };

export interface ProcessedSeries {
  meta: SeriesMeta;
  observations: Observation[];
  /** Earlier vintages, keyed by vintage key. */
  earlier: Map<string, Observation[]>;
}

export function processedPaths(dataDir: string, source: string) {
  const dir = path.join(dataDir, 'processed');
  return {
    dir,
    csv: path.join(dir, `${source}.csv`),
    vintages: path.join(dir, `${source}.vintages.csv`),
    meta: path.join(dir, `${source}.meta.json`),
    sums: path.join(dir, `${source}.sha256`),
  };
}

/** The checksum file of a source's three files, in `sha256sum`'s format. */
function renderSums(source: string, files: Omit<SourceFilesText, 'sums'>): string {
  const line = (text: string, name: string) => `${sha256(Buffer.from(text))}  ${name}\n`;
  return line(files.csv, `${source}.csv`) + line(files.vintages, `${source}.vintages.csv`) + line(files.meta, `${source}.meta.json`);
}

export function renderSourceFiles(
  fileMeta: SourceFileMeta,
  current: Map<string, Observation[]>,
  earlier: Map<string, Map<string, Observation[]>>,
): SourceFilesText {
  const ids = [...current.keys()].sort();
  const groups: LongGroup[] = ids.map((id) => [[id], current.get(id)!]);
  const vgroups: LongGroup[] = [];
  for (const id of [...earlier.keys()].sort()) {
    for (const [vk, obs] of [...earlier.get(id)!].sort(([a], [b]) => byCodeUnit(a, b))) vgroups.push([[id, vk], obs]);
  }
  const sortedMeta: SourceFileMeta = { ...fileMeta, series: Object.fromEntries(ids.map((id) => [id, fileMeta.series[id]])) };
  const text = {
    csv: longCsv(['series_id', 'date', 'value'], groups),
    vintages: longCsv(['series_id', 'vintage', 'date', 'value'], vgroups),
    meta: renderMeta(sortedMeta),
  };
  return { ...text, sums: renderSums(fileMeta.source, text) };
}

export interface SourceFilesText {
  csv: string;
  vintages: string;
  meta: string;
  sums: string;
}

/** What the runner needs of the processed files: the folder below, or memory in tests. */
export interface ProcessedStorage {
  readCsv(source: string): Promise<string | undefined>;
  readMeta(source: string): Promise<SourceFileMeta | undefined>;
  /** Data files before the metadata that describes them; returns the files that changed. */
  write(source: string, files: SourceFilesText): Promise<string[]>;
}

export function processedFolder(dataDir: string): ProcessedStorage {
  return {
    readCsv: (source) => fs.readFile(processedPaths(dataDir, source).csv, 'utf8').catch(() => undefined),
    readMeta: (source) => readSourceMeta(dataDir, source),
    write: (source, files) => writeSourceFiles(dataDir, source, files),
  };
}

/** The hashes the checksum file accepts for each file name (two while a write is under way). */
function parseSums(text: string): Map<string, Set<string>> | undefined {
  const out = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) out.set(m[2], (out.get(m[2]) ?? new Set()).add(m[1]));
    else if (line !== '') return undefined;
  }
  return out;
}

/**
 * Write data files before the metadata that describes them, and the checksums last. Before the
 * first file is replaced, the checksum file accepts each file's old and new version, so a crash
 * mid-way leaves files that are each the old or the new version and still verify; the final
 * checksum file then accepts only the new ones. Returns which files changed.
 */
export async function writeSourceFiles(dataDir: string, source: string, files: SourceFilesText): Promise<string[]> {
  const p = processedPaths(dataDir, source);
  const planned: Array<[string, Buffer]> = [
    [p.csv, Buffer.from(files.csv)],
    [p.vintages, Buffer.from(files.vintages)],
    [p.meta, Buffer.from(files.meta)],
    [p.sums, Buffer.from(files.sums)],
  ];
  // Compared concurrently; only files that differ are written (unchanged ones keep their mtime, so
  // ETags stay valid), in order, checksums last.
  const same = await Promise.all(planned.map(([file, bytes]) => fileHolds(file, bytes)));
  const changed = planned.filter((_, i) => !same[i]);
  if (!changed.length) return [];
  const old = parseSums(await fs.readFile(p.sums, 'utf8').catch(() => ''));
  if (old?.size) await writeFileAtomic(p.sums, files.sums + [...old].flatMap(([name, hashes]) => [...hashes].map((h) => `${h}  ${name}\n`)).join(''));
  for (const [file, bytes] of changed) if (file !== p.sums) await writeFileAtomic(file, bytes);
  await writeFileAtomic(p.sums, files.sums);
  return changed.map(([file]) => file);
}

function groupRows(rows: string[][], file: string, idCol: number, dateCol: number, valueCol: number, vintageCol?: number) {
  const out = new Map<string, Map<string, Observation[]>>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length === 1 && r[0] === '') continue;
    const value = Number(r[valueCol]);
    if (r[valueCol] === '' || !Number.isFinite(value)) throw new Error(`${file}:${i + 1}: value ${JSON.stringify(r[valueCol])} is not a number`);
    const vk = vintageCol === undefined ? '' : r[vintageCol];
    let byV = out.get(r[idCol]);
    if (!byV) out.set(r[idCol], (byV = new Map()));
    let list = byV.get(vk);
    if (!list) byV.set(vk, (list = []));
    list.push({ date: r[dateCol], value });
  }
  return out;
}

/** Current observations by series from the text of a processed `<source>.csv`. */
export function parseSeriesCsv(text: string, file: string): Map<string, Observation[]> {
  const grouped = groupRows(parseCsv(text), file, 0, 1, 2);
  return new Map([...grouped].map(([id, byV]) => [id, byV.get('') ?? []]));
}

/** Only the metadata of one source's processed files (no CSV parsing); undefined when absent or damaged. */
export async function readSourceMeta(dataDir: string, source: string): Promise<SourceFileMeta | undefined> {
  try {
    return decodeMeta(JSON.parse(await fs.readFile(processedPaths(dataDir, source).meta, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || err instanceof SyntaxError || !(err as NodeJS.ErrnoException).code) return undefined;
    throw err;
  }
}

/** Put the source's estimate flags (kept in the metadata) back on the values they belong to. */
function flagEstimates(obs: Observation[], dates: string[] | undefined): Observation[] {
  if (!dates?.length) return obs;
  const flagged = new Set(dates);
  return obs.map((o) => (flagged.has(o.date) ? { ...o, status: 'estimate' } : o));
}

/** A processed file that cannot be trusted: named relative to the data folder, with the cure. */
export function damagedFile(dataDir: string, file: string, what: string): PipelineError {
  const rel = path.relative(dataDir, file).split(path.sep).join('/');
  return new PipelineError('PROCESSED_DAMAGED', `${rel} ${what}; npm run rebuild rewrites it from the raw snapshots`, { file: rel });
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Each file's text checked against the checksum file (when there is one: files written before checksums were kept have none). */
function checkSums(dataDir: string, p: ReturnType<typeof processedPaths>, sums: string | undefined, texts: Array<[string, string | undefined]>): void {
  if (sums === undefined) return;
  const accepted = parseSums(sums);
  if (!accepted) throw damagedFile(dataDir, p.sums, 'has a line that is not "<sha256>  <file>"');
  for (const [file, text] of texts) {
    const hashes = accepted.get(path.basename(file));
    if (hashes === undefined) throw damagedFile(dataDir, p.sums, `has no checksum for ${path.basename(file)}`);
    if (text === undefined) throw damagedFile(dataDir, file, 'is missing');
    if (!hashes.has(sha256(Buffer.from(text)))) throw damagedFile(dataDir, file, 'does not match its checksum (truncated, edited or damaged)');
  }
}

function parseOrDamaged<T>(dataDir: string, file: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw damagedFile(dataDir, file, `cannot be read (${(err as Error).message})`);
  }
}

/** Read one source's processed files. Returns undefined when the source has none yet; a damaged file is a PROCESSED_DAMAGED error naming it. */
export async function readSourceFiles(dataDir: string, source: string): Promise<{ fileMeta: SourceFileMeta; series: Map<string, ProcessedSeries> } | undefined> {
  const p = processedPaths(dataDir, source);
  const [metaText, csvText, vintagesText, sums] = await Promise.all([p.meta, p.csv, p.vintages, p.sums].map(readText));
  if (metaText === undefined) return undefined;
  checkSums(dataDir, p, sums, [[p.csv, csvText], [p.vintages, vintagesText], [p.meta, metaText]]);
  if (csvText === undefined) throw damagedFile(dataDir, p.csv, 'is missing');
  const fileMeta = parseOrDamaged(dataDir, p.meta, () => decodeMeta(JSON.parse(metaText)));
  const current = parseOrDamaged(dataDir, p.csv, () => groupRows(parseCsv(csvText), p.csv, 0, 1, 2));
  const earlier = vintagesText === undefined ? new Map<string, Map<string, Observation[]>>() : parseOrDamaged(dataDir, p.vintages, () => groupRows(parseCsv(vintagesText), p.vintages, 0, 2, 3, 1));
  const series = new Map<string, ProcessedSeries>();
  for (const [id, meta] of Object.entries(fileMeta.series)) {
    const byVintage = new Map(meta.vintages.map((v) => [v.key, v.estimates]));
    const past = new Map([...(earlier.get(id) ?? new Map<string, Observation[]>())].map(([k, obs]) => [k, flagEstimates(obs, byVintage.get(k))]));
    series.set(id, { meta, observations: flagEstimates(current.get(id)?.get('') ?? [], meta.estimates), earlier: past });
  }
  return { fileMeta, series };
}
