// The generic checks every build passes before a write, one code each.
import { describe, expect, it } from 'vitest';
import type { BuiltSeries } from '../../src/domain/source-data.ts';
import type { Frequency } from '../../src/domain/series.ts';
import { validateBuilt } from '../../src/runner/validate.ts';
import type { SourceConnector } from '../../src/sources/connector.ts';

const connector = (expected: string[] = []) => ({ name: 't', expectedSeries: () => expected }) as unknown as SourceConnector;
const series = (id: string, frequency: Frequency, obs: Array<[string, number]>): [string, BuiltSeries] => [
  id,
  { id, description: { title: id, unit: 'u', scale: 'units', frequency }, vintages: [{ vintage: { key: 'v', label: 'v' }, retrievedAt: '', snapshots: [], observations: obs.map(([date, value]) => ({ date, value })) }] },
];
const codes = (c: SourceConnector, ...s: Array<[string, BuiltSeries]>) => validateBuilt(c, new Map(s)).map((i) => `${i.code} ${i.series ?? ''} ${i.date ?? ''}`.trim());

describe('validateBuilt', () => {
  it('passes a clean build', () => {
    expect(codes(connector(['t.A']), series('t.A', 'annual', [['2001', 1], ['2002', 2]]))).toEqual([]);
    expect(codes(connector(), series('t.D', 'daily', [['2000-02-29', 1], ['2024-02-29', 1], ['2024-12-31', 1]]))).toEqual([]);
  });
  it('EXPECTED_SERIES_MISSING for a series the connector promises', () => {
    expect(codes(connector(['t.A', 't.B']), series('t.A', 'annual', [['2001', 1]]))).toEqual(['EXPECTED_SERIES_MISSING t.B']);
  });
  it('BAD_SERIES_ID for an id outside <source>.<code>[.<country>]', () => {
    expect(codes(connector(), series('T.a b', 'annual', [['2001', 1]]))).toEqual(['BAD_SERIES_ID T.a b']);
  });
  it.each([
    ['daily', '2022-02-30'],
    ['daily', '2023-02-29'],
    ['daily', '1900-02-29'],
    ['daily', '2022-04-31'],
    ['daily', '2022-3-01'],
    ['monthly', '2022-13'],
    ['quarterly', '2022-Q5'],
    ['annual', '22'],
  ] as Array<[Frequency, string]>)('BAD_DATE for a %s date %s', (freq, date) => {
    expect(codes(connector(), series('t.A', freq, [[date, 1]]))).toEqual([`BAD_DATE t.A ${date}`]);
  });
  it('NOT_A_NUMBER for NaN and Infinity', () => {
    expect(codes(connector(), series('t.A', 'annual', [['2001', Number.NaN], ['2002', Infinity]]))).toEqual(['NOT_A_NUMBER t.A 2001', 'NOT_A_NUMBER t.A 2002']);
  });
  it('DUPLICATE_DATE for a repeated or out-of-order date', () => {
    expect(codes(connector(), series('t.A', 'annual', [['2001', 1], ['2001', 2], ['2000', 3]]))).toEqual(['DUPLICATE_DATE t.A 2001', 'DUPLICATE_DATE t.A 2000']);
  });
  it('EMPTY_SERIES for a series with no observations', () => {
    expect(codes(connector(), series('t.A', 'annual', []))).toEqual(['EMPTY_SERIES t.A']);
  });
  it("adds the connector's own checks", () => {
    const c = { ...connector(), validate: () => [{ code: 'OWN', message: 'own rule' }] } as SourceConnector;
    expect(codes(c, series('t.A', 'annual', [['2001', 1]]))).toEqual(['OWN']);
  });
});
