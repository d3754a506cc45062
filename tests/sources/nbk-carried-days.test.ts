// Dropping the days that only repeat the last announcement, against a plain reference: a date is
// carried when every currency quoted on it has the same rate on the date before (among all dates).
import { describe, expect, it } from 'vitest';
import type { BuiltSeries } from '../../src/domain/source-data.ts';
import { dropCarriedDays } from '../../src/sources/nbk/checks.ts';
import { seededRandom } from '../support/seeded-random.ts';

function reference(series: Array<Array<{ date: string; value: number }>>): Array<Array<{ date: string; value: number }>> {
  const maps = series.map((obs) => new Map(obs.map((o) => [o.date, o.value])));
  const dates = [...new Set(series.flat().map((o) => o.date))].sort();
  const carried = new Set<string>();
  for (let i = 1; i < dates.length; i++) {
    const present = maps.filter((m) => m.has(dates[i]));
    if (present.every((m) => m.get(dates[i - 1]) === m.get(dates[i]))) carried.add(dates[i]);
  }
  return series.map((obs) => obs.filter((o) => !carried.has(o.date)));
}

const built = (observations: Array<{ date: string; value: number }>): BuiltSeries => ({
  id: 'nbk.X',
  description: { title: '', unit: '', scale: 'units', frequency: 'daily' },
  vintages: [{ vintage: { key: 'official', label: '' }, retrievedAt: '', observations: [...observations], snapshots: [] }],
});

describe('dropCarriedDays', () => {
  it('drops what the plain reference drops, on random currencies with gaps, repeats and changes', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const days = Array.from({ length: 12 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
      const currencies = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        let rate = 100;
        return days.filter(() => random() < 0.8).map((date) => ({ date, value: random() < 0.5 ? rate : (rate += 1) }));
      });
      const series = currencies.map(built);
      dropCarriedDays(series);
      expect(series.map((s) => s.vintages[0].observations)).toEqual(reference(currencies));
    }
  });

  it('a series out of date order is an error, not a wrong answer', () => {
    expect(() => dropCarriedDays([built([{ date: '2024-01-02', value: 1 }, { date: '2024-01-01', value: 2 }])])).toThrow(/out of date order at 2024-01-01/);
  });
});
