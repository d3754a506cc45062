// Build series from parsed raw snapshots: group by series and vintage, merge observations
// by date (higher precedence, then later retrieval wins), and record every disagreement
// between snapshots instead of resolving it silently. Pure: same input, same output.
import type { Observation, SnapshotRef } from '../domain/series.ts';
import type { BuiltSeries, BuiltVintage, ParsedSeries, Snapshot } from '../domain/source-data.ts';
import { byCodeUnit } from '../lib/order.ts';

export interface Contribution {
  snapshot: Snapshot;
  series: ParsedSeries;
}

export interface Conflict {
  series: string;
  vintage: string;
  date: string;
  kept: { value: number; file: string };
  other: { value: number; file: string };
}

export interface BuildResult {
  series: Map<string, BuiltSeries>;
  conflicts: Conflict[];
}

/** Two values agree when they differ by less than this share of their size (float noise only). */
export const AGREEMENT_TOLERANCE = 1e-9;

export function agree(a: number, b: number): boolean {
  return Math.abs(a - b) <= AGREEMENT_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

export function snapshotRef(s: Snapshot): SnapshotRef {
  const m = s.meta;
  const ref: SnapshotRef = { file: s.file, sha256: m.sha256, retrievedAt: m.retrievedAt, kind: m.kind };
  if (m.url) ref.url = m.url;
  if (m.publisher) ref.publisher = m.publisher;
  if (m.repository) ref.repository = m.repository;
  if (m.commit) ref.commit = m.commit;
  return ref;
}

/** A snapshot's observations as the build gives them, if its dates strictly increase (else
 *  undefined: the general merge sorts them and reports repeats). The parsed objects themselves,
 *  not copies: nothing changes an observation after parsing, and a copy of every value was a
 *  large part of what the garbage collector had to move.
 *  Per-value loops in the engine are indexed, without destructuring: until the optimiser takes a
 *  function over, each for-of step and each `const [a, b] = row` allocates iterator objects, and
 *  most of a one-shot rebuild runs before it does (they were 45 MB of the 266 MB it allocated). */
function inOrder(parsed: Observation[]): Observation[] | undefined {
  for (let i = 1; i < parsed.length; i++) if (!(parsed[i - 1].date < parsed[i].date)) return undefined;
  return parsed.slice();
}

interface Row {
  observation: Observation;
  file: string;
  /** Position in contribution order, so conflicts are reported in the order they were met. */
  seq: number;
}

const kept = ({ observation: o, file }: Row) => (o.status ? { value: o.value, file, status: o.status } : { value: o.value, file });

/**
 * Several snapshots' rows for one series and vintage, merged by date: later contributions win,
 * and every disagreement is a conflict. A stable sort of the rows in contribution order puts
 * each date's values in the order they were given (and is near-linear on snapshots that are
 * each in date order, the usual case: a long history plus a few daily answers).
 */
function mergeByDate(id: string, key: string, contribs: Contribution[], conflicts: Conflict[]): { observations: Observation[]; used: Set<string> } {
  const rows: Row[] = [];
  for (const c of contribs) {
    const parsed = c.series.observations;
    const file = c.snapshot.file;
    for (let i = 0; i < parsed.length; i++) rows.push({ observation: parsed[i], file, seq: rows.length });
  }
  rows.sort((a, b) => byCodeUnit(a.observation.date, b.observation.date));
  const found: Array<[seq: number, conflict: Conflict]> = [];
  const observations: Observation[] = [];
  const used = new Set<string>();
  for (let i = 0; i < rows.length; ) {
    let last = rows[i];
    const date = last.observation.date;
    let j = i + 1;
    for (; j < rows.length && rows[j].observation.date === date; j++) {
      const r = rows[j];
      if (!agree(last.observation.value, r.observation.value)) found.push([r.seq, { series: id, vintage: key, date, kept: { value: r.observation.value, file: r.file }, other: kept(last) }]);
      last = r;
    }
    observations.push(last.observation);
    used.add(last.file);
    i = j;
  }
  for (const [, c] of found.sort((a, b) => a[0] - b[0])) conflicts.push(c);
  return { observations, used };
}

/** A built vintage, always made by this literal (one object shape for everything that reads thousands of them). */
function builtVintage(last: Contribution, retrievedAt: string, observations: Observation[], snapshots: SnapshotRef[]): BuiltVintage {
  const lastActualYear = last.series.description.lastActualYear;
  const vintage = last.series.vintage;
  return lastActualYear !== undefined ? { vintage, lastActualYear, retrievedAt, observations, snapshots } : { vintage, retrievedAt, observations, snapshots };
}

export function buildSeries(contributions: Contribution[]): BuildResult {
  // Deterministic order regardless of how the caller listed the snapshots.
  const ordered = [...contributions].sort(
    (a, b) =>
      byCodeUnit(a.series.id, b.series.id) ||
      byCodeUnit(a.series.vintage.key, b.series.vintage.key) ||
      a.series.precedence - b.series.precedence ||
      byCodeUnit(a.snapshot.meta.retrievedAt, b.snapshot.meta.retrievedAt) ||
      byCodeUnit(a.snapshot.file, b.snapshot.file),
  );
  const conflicts: Conflict[] = [];
  const bySeries = new Map<string, Map<string, Contribution[]>>();
  for (const c of ordered) {
    let vintages = bySeries.get(c.series.id);
    if (!vintages) bySeries.set(c.series.id, (vintages = new Map()));
    const list = vintages.get(c.series.vintage.key) ?? [];
    list.push(c);
    vintages.set(c.series.vintage.key, list);
  }

  const series = new Map<string, BuiltSeries>();
  for (const [id, vintages] of bySeries) {
    const built: BuiltVintage[] = [];
    for (const [key, contribs] of [...vintages].sort(([a], [b]) => byCodeUnit(a, b))) {
      const last = contribs[contribs.length - 1];
      // One snapshot with its dates in order (most series): nothing to merge.
      const alone = contribs.length === 1 ? inOrder(contribs[0].series.observations) : undefined;
      if (alone) {
        built.push(builtVintage(last, last.snapshot.meta.retrievedAt, alone, alone.length ? [snapshotRef(last.snapshot)] : []));
        continue;
      }
      const { observations, used } = mergeByDate(id, key, contribs, conflicts);
      const retrievedAt = contribs.reduce((m, c) => (c.snapshot.meta.retrievedAt > m ? c.snapshot.meta.retrievedAt : m), '');
      built.push(builtVintage(last, retrievedAt, observations, contribs.filter((c) => used.has(c.snapshot.file)).map((c) => snapshotRef(c.snapshot))));
    }
    const current = vintages.get(built[built.length - 1].vintage.key)!;
    series.set(id, { id, description: current[current.length - 1].series.description, vintages: built });
  }
  return { series, conflicts };
}
