// The build's shortcut for a series that one snapshot gives in date order must give exactly what
// the general merge gives (the same snapshot's rows shuffled take the general path).
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
      const rows: ParsedSeries['observations'] = Array.from({ length: n }, (_, i) => (random() < 0.3 ? [String(1990 + i), random() * 100, 'estimate'] : [String(1990 + i), random() * 100]));
      const shuffled = [...rows].sort(() => random() - 0.5);
      if (n > 1 && shuffled.every((r, i) => r === rows[i])) shuffled.reverse();
      const last = trial % 2 ? 2001 : undefined;
      const fast = buildSeries([{ snapshot: snapshot('a.csv', '2026-01-01'), series: parsed(rows, last) }]);
      const general = buildSeries([{ snapshot: snapshot('a.csv', '2026-01-01'), series: parsed(shuffled, last) }]);
      expect(fast).toEqual(general);
    }
  });

  it('a repeated date in one snapshot still goes through the merge and is reported', () => {
    const built = buildSeries([{ snapshot: snapshot('a.csv', '2026-01-01'), series: parsed([['2001', 1], ['2001', 2]]) }]);
    expect(built.conflicts).toHaveLength(1);
    expect(built.series.get('toy.A')!.vintages[0].observations).toEqual([{ date: '2001', value: 2 }]);
  });
});
