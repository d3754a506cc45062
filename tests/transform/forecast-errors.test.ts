// Forecast paths and errors on hand-built editions, every number worked out by hand below.
import { describe, expect, it } from 'vitest';
import { actuals, forecastErrors, forecastPath, type Edition } from '../../src/transform/forecast-errors.ts';

const ed = (key: string, lastActualYear: number, values: Record<string, number>): Edition => ({
  key,
  label: key,
  lastActualYear,
  observations: Object.entries(values).map(([date, value]) => ({ date, value })),
});

// Target 2022: forecast 4.0 a year ahead in spring (2021-04), 3.9 in autumn (2021-10), 2.3 in
// spring 2022, 2.5 in autumn 2022; first actual 3.2 (2023-04, last actual 2022); latest 3.3 (2024-04).
// Target 2023: 4.5 (2022-04, ahead spring), 4.4 (2022-10, ahead autumn), 4.3 (2023-04), 4.6 (2023-10);
// first actual 5.1 (2024-04); no later edition.
const editions: Edition[] = [
  ed('2021-04', 2020, { '2020': -2.6, '2022': 4.0 }),
  ed('2021-10', 2020, { '2020': -2.5, '2022': 3.9 }),
  ed('2022-04', 2021, { '2022': 2.3, '2023': 4.5 }),
  ed('2022-10', 2021, { '2022': 2.5, '2023': 4.4 }),
  ed('2023-04', 2022, { '2022': 3.2, '2023': 4.3 }),
  ed('2023-10', 2022, { '2022': 3.2, '2023': 4.6 }),
  ed('2024-04', 2023, { '2022': 3.3, '2023': 5.1 }),
];

describe('forecast path of one year', () => {
  it('lists every edition that has the year, oldest first, projection or actual in its own edition', () => {
    const p = forecastPath(editions, '2022');
    expect(p.map((x) => `${x.edition} ${x.value} ${x.status}`)).toEqual([
      '2021-04 4 projection', '2021-10 3.9 projection', '2022-04 2.3 projection', '2022-10 2.5 projection',
      '2023-04 3.2 actual', '2023-10 3.2 actual', '2024-04 3.3 actual',
    ]);
    const a = actuals(p);
    expect([a.first?.edition, a.first?.value, a.latest?.edition, a.latest?.value]).toEqual(['2023-04', 3.2, '2024-04', 3.3]);
  });
});

describe('forecast errors', () => {
  const { rows, summary } = forecastErrors(editions);
  it('one row per target and horizon, forecast − actual', () => {
    const r = Object.fromEntries(rows.map((x) => [`${x.target} ${x.horizon}`, x]));
    expect(r['2022 ahead-spring']).toMatchObject({ forecast: 4.0, firstActual: 3.2, latestActual: 3.3 });
    expect(r['2022 ahead-spring'].errorFirst).toBeCloseTo(0.8, 12);
    expect(r['2022 current-spring'].errorFirst).toBeCloseTo(-0.9, 12); // 2.3 − 3.2
    expect(r['2022 current-spring'].errorLatest).toBeCloseTo(-1.0, 12); // 2.3 − 3.3
    expect(r['2023 current-autumn'].errorFirst).toBeCloseTo(-0.5, 12); // 4.6 − 5.1
    expect(r['2023 current-autumn'].errorLatest).toBeCloseTo(-0.5, 12); // latest = first
    expect(rows.some((x) => x.target === '2020')).toBe(false); // 2020 is never a forecast here
  });
  it('mean error (bias) and mean absolute error by horizon', () => {
    const s = Object.fromEntries(summary.map((x) => [x.horizon, x]));
    // current-spring: 2022: 2.3−3.2 = −0.9; 2023: 4.3−5.1 = −0.8 → mean −0.85, MAE 0.85.
    expect(s['current-spring'].n).toBe(2);
    expect(s['current-spring'].meanErrorFirst).toBeCloseTo(-0.85, 12);
    expect(s['current-spring'].meanAbsErrorFirst).toBeCloseTo(0.85, 12);
    // ahead-autumn: 2022: 3.9−3.2 = 0.7; 2023: 4.4−5.1 = −0.7 → mean 0, MAE 0.7.
    expect(s['ahead-autumn'].meanErrorFirst).toBeCloseTo(0, 12);
    expect(s['ahead-autumn'].meanAbsErrorFirst).toBeCloseTo(0.7, 12);
    // ahead-spring against the latest actuals: 4.0−3.3 = 0.7; 4.5−5.1 = −0.6 → mean 0.05.
    expect(s['ahead-spring'].meanErrorLatest).toBeCloseTo(0.05, 12);
  });
  it('a target with no actual yet has no error and does not count', () => {
    const { rows: r2, summary: s2 } = forecastErrors([ed('2024-04', 2023, { '2024': 3.1 }), ed('2024-10', 2023, { '2024': 3.5 })]);
    expect(r2.map((x) => [x.horizon, x.errorFirst])).toEqual([['current-spring', null], ['current-autumn', null]]);
    expect(s2.every((x) => x.n === 0 && x.meanErrorFirst === null)).toBe(true);
  });
});
