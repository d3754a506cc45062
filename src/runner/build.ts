// Build series from parsed raw snapshots: group by series and vintage, merge observations
// by date (higher precedence, then later retrieval wins), and record every disagreement
// between snapshots instead of resolving it silently. Pure: same input, same output.
// Per-value loops in the engine are indexed, without destructuring: until the optimiser takes a
// function over, each for-of step and each `const [a, b] = row` allocates iterator objects, and
// most of a one-shot rebuild runs before it does (they were 45 MB of the 266 MB it allocated).
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
 *  large part of what the garbage collector had to move. */
function inOrder(parsed: Observation[]): Observation[] | undefined {
  return ascending(parsed) ? parsed.slice() : undefined;
}

function ascending(obs: Observation[]): boolean {
  for (let i = 1; i < obs.length; i++) if (!(obs[i - 1].date < obs[i].date)) return false;
  return true;
}

/** Folds each date's values, given in contribution order: the last one wins, and every value
 *  that disagrees with the one before it is a conflict (listed at the end in the order met). */
class DateFold {
  readonly observations: Observation[] = [];
  readonly used = new Set<string>();
  private found: Array<[seq: number, conflict: Conflict]> = [];
  private last: Observation | undefined;
  private lastFile = '';

  constructor(
    private id: string,
    private key: string,
  ) {}

  add(o: Observation, file: string, seq: number): void {
    const last = this.last;
    if (last && !agree(last.value, o.value)) {
      const other = last.status ? { value: last.value, file: this.lastFile, status: last.status } : { value: last.value, file: this.lastFile };
      this.found.push([seq, { series: this.id, vintage: this.key, date: o.date, kept: { value: o.value, file }, other }]);
    }
    this.last = o;
    this.lastFile = file;
  }

  endDate(): void {
    this.observations.push(this.last!);
    this.used.add(this.lastFile);
    this.last = undefined;
  }

  conflictsInOrder(): Conflict[] {
    return this.found.sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  }
}

/** Above this many snapshots the side-by-side walk costs more than a sort. */
const MAX_RUNS_WALKED = 8;

/** Snapshots each in date order (a long history plus a few daily answers), walked side by side. */
function walkRuns(contribs: Contribution[], fold: DateFold): boolean {
  const runs = contribs.map((c) => c.series.observations);
  if (runs.length > MAX_RUNS_WALKED || !runs.every(ascending)) return false;
  const at = runs.map(() => 0);
  const seqBase = runs.map((_, k) => runs.slice(0, k).reduce((n, r) => n + r.length, 0));
  for (;;) {
    let date: string | undefined;
    for (let k = 0; k < runs.length; k++) if (at[k] < runs[k].length && (date === undefined || runs[k][at[k]].date < date)) date = runs[k][at[k]].date;
    if (date === undefined) return true;
    for (let k = 0; k < runs.length; k++) {
      if (at[k] < runs[k].length && runs[k][at[k]].date === date) {
        fold.add(runs[k][at[k]], contribs[k].snapshot.file, seqBase[k] + at[k]);
        at[k]++;
      }
    }
    fold.endDate();
  }
}

/** Any snapshots: a stable sort of every value in contribution order puts each date's values in the order given. */
function sortRuns(contribs: Contribution[], fold: DateFold): void {
  const rows: Array<{ observation: Observation; file: string; seq: number }> = [];
  for (const c of contribs) {
    const parsed = c.series.observations;
    const file = c.snapshot.file;
    for (let i = 0; i < parsed.length; i++) rows.push({ observation: parsed[i], file, seq: rows.length });
  }
  rows.sort((a, b) => byCodeUnit(a.observation.date, b.observation.date));
  for (let i = 0; i < rows.length; i++) {
    fold.add(rows[i].observation, rows[i].file, rows[i].seq);
    if (i + 1 === rows.length || rows[i + 1].observation.date !== rows[i].observation.date) fold.endDate();
  }
}

/** Several snapshots' values for one series and vintage, merged by date: later contributions win, and every disagreement is a conflict. */
function mergeByDate(id: string, key: string, contribs: Contribution[], conflicts: Conflict[]): { observations: Observation[]; used: Set<string> } {
  const fold = new DateFold(id, key);
  if (!walkRuns(contribs, fold)) sortRuns(contribs, fold);
  conflicts.push(...fold.conflictsInOrder());
  return { observations: fold.observations, used: fold.used };
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
