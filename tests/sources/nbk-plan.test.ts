import { describe, expect, it } from 'vitest';
import { exportChunks, feedDatesToFetch, refreshRange, splitByArchive } from '../../src/sources/nbk/plan.ts';

describe('NBK refresh planning', () => {
  it('by default runs from the day after the last processed date to tomorrow', () => {
    expect(refreshRange({ today: '2026-12-01', latestProcessedDate: '2026-11-27' })).toEqual({ from: '2026-11-28', to: '2026-12-02' });
    expect(refreshRange({ today: '2026-12-01' })).toEqual({ from: '2026-11-24', to: '2026-12-02' });
    expect(refreshRange({ today: '2026-12-01', from: '2021-05-01', to: '2021-05-31' })).toEqual({ from: '2021-05-01', to: '2021-05-31' });
  });
  it('with no --from, data that already reach tomorrow mean nothing to fetch (a second run on one day)', () => {
    expect(refreshRange({ today: '2026-12-01', latestProcessedDate: '2026-12-02' })).toBeUndefined();
  });
  it('refuses --from after --to with BAD_RANGE', () => {
    expect(() => refreshRange({ today: '2026-12-01', from: '2026-12-05', to: '2026-12-01' })).toThrow(expect.objectContaining({ code: 'BAD_RANGE' }));
  });
  it('cuts a range into chunks of at most four years, end to end with no gap', () => {
    expect(exportChunks('1999-01-01', '2008-06-30', 4)).toEqual([
      ['1999-01-01', '2002-12-31'],
      ['2003-01-01', '2006-12-31'],
      ['2007-01-01', '2008-06-30'],
    ]);
    expect(exportChunks('2020-02-29', '2024-03-01', 4)).toEqual([
      ['2020-02-29', '2024-02-28'],
      ['2024-02-29', '2024-03-01'],
    ]);
    expect(exportChunks('2021-01-01', '2021-01-01', 4)).toEqual([['2021-01-01', '2021-01-01']]);
  });
  it('sends dates before the feed archive to the export, the rest to the feed', () => {
    expect(splitByArchive('2021-04-20', '2021-05-03', '2021-05-01')).toEqual({ exportRange: ['2021-04-20', '2021-04-30'], feedRange: ['2021-05-01', '2021-05-03'] });
    expect(splitByArchive('2020-01-01', '2020-12-31', '2021-05-01')).toEqual({ exportRange: ['2020-01-01', '2020-12-31'] });
    expect(splitByArchive('2022-01-01', '2022-01-02', '2021-05-01')).toEqual({ feedRange: ['2022-01-01', '2022-01-02'] });
  });
  it('fetches only the feed dates not stored yet', () => {
    const stored = new Set(['2026-04-02']);
    expect(feedDatesToFetch('2026-04-01', '2026-04-03', (d) => stored.has(d))).toEqual({ dates: ['2026-04-01', '2026-04-03'], skipped: 1 });
  });
});
