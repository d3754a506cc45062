// The build's shortcut for a series that one snapshot gives in date order must give exactly what
// the general merge gives (the same snapshot's rows shuffled take the general path), and the
// merge of several snapshots what a plain map by date gives.
import { describe, expect, it } from 'vitest';
import type { ParsedSeries, Snapshot } from '../../src/domain/source-data.ts';
import { buildSeries } from '../../src/runner/build.ts';
import { seededRandom } from '../support/seeded-random.ts';

const snapshot = (file: string, retrievedAt: string): Snapshot => ({ file, meta: { source: 'toy', kind: 'imported', parser: 'p', key: 'k', retrievedAt, bytes: 1, sha256: file, connectorVersion: '1' } as unknown as Snapshot['meta'] });

function parsed(observations: ParsedSeries['observations'], lastActualYear?: number): ParsedSeries {
  return {
    id: 'toy.A',
    description: { title: 'A', unit: 'u', scale: 'units', frequency: 'annual', ...(lastActualYear ? { lastActualYear } : {}) },
    vintage: { key: 'v1', label: 'V1' },
    precedence: 1,
    observations,
  };
}

describe('one snapshot in date order', () => {
  it('builds what the general merge builds from the same rows out of order (statuses, last actual year, snapshot list)', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 50; trial++) {
      const n = Math.floor(random() * 12);
      const rows: ParsedSeries['observations'] = Array.from({ length: n }, (_, i) => (random() < 0.3 ? { date: String(1990 + i), value: random() * 100, status: 'estimate' } : { date: String(1990 + i), value: random() * 100 }));
      const shuffled = [...rows].sort(() => random() - 0.5);
      if (n > 1 && shuffled.every((r, i) => r === rows[i])) shuffled.reverse();
      const last = trial % 2 ? 2001 : undefined;
      const fast = buildSeries([{ snapshot: snapshot('a.csv', '2026-01-01'), series: parsed(rows, last) }]);
      const general = buildSeries([{ snapshot: snapshot('a.csv', '2026-01-01'), series: parsed(shuffled, last) }]);
      expect(fast).toEqual(general);
    }
  });

  it('a repeated date in one snapshot still goes through the merge and is reported', () => {
    const built = buildSeries([{ snapshot: snapshot('a.csv', '2026-01-01'), series: parsed([{ date: '2001', value: 1 }, { date: '2001', value: 2 }]) }]);
    expect(built.conflicts).toHaveLength(1);
    expect(built.series.get('toy.A')!.vintages[0].observations).toEqual([{ date: '2001', value: 2 }]);
  });
});

/** The plain reference: every row into a map by date in contribution order (later wins), each disagreement recorded as met. */
function referenceMerge(contribs: Array<{ file: string; rows: ParsedSeries['observations'] }>) {
  const values = new Map<string, { value: number; file: string; status?: string }>();
  const conflicts: Array<{ date: string; kept: { value: number; file: string }; other: { value: number; file: string; status?: string } }> = [];
  for (const c of contribs) {
    for (const { date, value, status } of c.rows) {
      const prev = values.get(date);
      if (prev && Math.abs(prev.value - value) > 1e-9 * Math.max(1, Math.abs(prev.value), Math.abs(value))) conflicts.push({ date, kept: { value, file: c.file }, other: prev });
      values.set(date, status ? { value, file: c.file, status } : { value, file: c.file });
    }
  }
  const observations = [...values].map(([date, v]) => (v.status ? { date, value: v.value, status: v.status } : { date, value: v.value })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { observations, conflicts, used: new Set([...values.values()].map((v) => v.file)) };
}

describe('several snapshots of one series', () => {
  it('merge as the plain map-by-date reference does: later snapshots win, every disagreement reported in the order met, only snapshots still used listed', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const k = 2 + Math.floor(random() * 10); // up to 11 snapshots: walked side by side up to 8, sorted beyond
      const contribs = Array.from({ length: k }, (_, i) => {
        const n = Math.floor(random() * 10);
        // Mostly in date order (a history and daily answers), sometimes shuffled or with a repeated date.
        let dates = Array.from({ length: n }, () => String(2000 + Math.floor(random() * 15))).sort();
        if (random() < 0.5) dates = [...new Set(dates)];
        if (random() < 0.2) dates.sort(() => random() - 0.5);
        const rows: ParsedSeries['observations'] = dates.map((d) => {
          const value = random() < 0.5 ? Number(d) : Math.round(random() * 4);
          return random() < 0.2 ? { date: d, value, status: 'estimate' as const } : { date: d, value };
        });
        return { file: `s${i}.csv`, rows, retrievedAt: `2026-01-${String(i + 1).padStart(2, "0")}` };
      });
      const built = buildSeries(contribs.map((c) => ({ snapshot: snapshot(c.file, c.retrievedAt), series: parsed(c.rows) })));
      const ref = referenceMerge(contribs);
      const v = built.series.get('toy.A')?.vintages[0];
      expect(v?.observations ?? []).toEqual(ref.observations);
      expect(built.conflicts).toEqual(ref.conflicts.map((c) => ({ series: 'toy.A', vintage: 'v1', ...c })));
      if (v) expect(v.snapshots.map((s) => s.file)).toEqual(contribs.map((c) => c.file).filter((f) => ref.used.has(f)));
    }
  });
});
