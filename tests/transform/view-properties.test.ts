// Every unit × frequency × aggregation × basis × index date × window, on random series with
// gaps and weekends, against the plain reference in reference.ts (which shares no code with
// src/transform). Seeded, and bounded to a few seconds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { viewSeries } from '../../src/transform/view.ts';
import type { Frequency } from '../../src/domain/series.ts';
import { referenceView, type RefSpec } from './reference.ts';

const UNITS = ['lin', 'chg', 'ch1', 'pch', 'pc1', 'pca', 'log', 'index'] as const;
const ORDER: Frequency[] = ['daily', 'monthly', 'quarterly', 'annual'];

function iso(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}
const DAY0 = Date.UTC(2019, 0, 1) / 86_400_000;

/**
 * Daily announcements: a start, a length, each day kept with some chance (weekends and holidays
 * missing), up to two holes of 20–70 days (whole months without an announcement), rates with 2 decimals.
 */
const dailySeries = fc
  .record({
    start: fc.integer({ min: 0, max: 900 }),
    days: fc.integer({ min: 1, max: 420 }),
    keep: fc.double({ min: 0.05, max: 1, noNaN: true }),
    holes: fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 20, max: 70 })), { maxLength: 2 }),
  })
  .chain(({ start, days, keep, holes }) =>
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60000 })), { minLength: days, maxLength: days }).map((draws) => {
      const obs: Array<{ date: string; value: number }> = [];
      const inHole = (i: number) => holes.some(([at, len]) => i >= at && i < at + len);
      draws.forEach(([r, cents], i) => {
        if (i === 0 || (r < keep && !inHole(i))) obs.push({ date: iso(DAY0 + start + i), value: cents / 100 });
      });
      return obs;
    }),
  );

function periodLabels(freq: Frequency, start: number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = start + i;
    if (freq === 'annual') out.push(String(1995 + k));
    else if (freq === 'quarterly') out.push(`${2000 + Math.floor(k / 4)}-Q${(k % 4) + 1}`);
    else out.push(`${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Monthly, quarterly or annual values with missing periods, some zero or negative. */
const regularSeries = (freq: Frequency) =>
  fc.record({ start: fc.integer({ min: 0, max: 30 }), n: fc.integer({ min: 1, max: 40 }) }).chain(({ start, n }) =>
    fc.array(fc.option(fc.integer({ min: -500, max: 5000 }), { nil: null, freq: 5 }), { minLength: n, maxLength: n }).map((vals) =>
      periodLabels(freq, start, n)
        .map((date, i) => ({ date, value: vals[i] === null ? null : (vals[i] as number) / 10 }))
        .filter((o, i) => i === 0 || o.value !== null)
        .map((o) => ({ date: o.date, value: o.value ?? 1 })),
    ),
  );

const dateLike = fc.oneof(
  fc.integer({ min: -200, max: 1500 }).map((d) => iso(DAY0 + d)),
  fc.integer({ min: 1993, max: 2024 }).map(String),
  fc.integer({ min: 0, max: 150 }).map((k) => `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`),
);

const spec = (native: Frequency): fc.Arbitrary<RefSpec> =>
  fc.record(
    {
      freq: fc.constantFrom(...ORDER.filter((f) => ORDER.indexOf(f) >= ORDER.indexOf(native))),
      agg: fc.constantFrom('avg' as const, 'eop' as const),
      basis: fc.constantFrom('calendar' as const, 'announcement' as const),
      units: fc.constantFrom(...UNITS),
      indexDate: dateLike.map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d)),
      from: fc.option(dateLike.map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d)), { nil: undefined }),
      to: fc.option(dateLike.map((d) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-28` : d)), { nil: undefined }),
    },
    { requiredKeys: ['freq', 'agg', 'basis', 'units', 'indexDate'] },
  );

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function check(obs: Array<{ date: string; value: number }>, native: Frequency, s: RefSpec) {
  const mine = viewSeries(obs, native, s);
  const ref = referenceView(obs, native, s);
  expect(mine.freq).toBe(ref.freq);
  expect(mine.points.map((p) => p.date)).toEqual(ref.points.map((p) => p.date));
  mine.points.forEach((p, i) => {
    if (!same(p.value, ref.points[i].value)) throw new Error(`${p.date}: product ${p.value} vs reference ${ref.points[i].value} (${JSON.stringify(s)})`);
  });
}

describe('views against the reference implementation (property)', () => {
  it('daily rates at every frequency, aggregation, basis and unit', () => {
    fc.assert(fc.property(dailySeries, spec('daily'), (obs, s) => check(obs, 'daily', s)), { numRuns: 400, seed: 1201 });
  });
  it.each(['monthly', 'quarterly', 'annual'] as Frequency[])('%s series', (native) => {
    fc.assert(fc.property(regularSeries(native), spec(native), (obs, s) => check(obs, native, s)), { numRuns: 400, seed: 1202 });
  });
});
