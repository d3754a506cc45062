import { describe, expect, it } from 'vitest';
import { notRaw } from '../support/data-dir.ts';
import path from 'node:path';
import { compound, matchesPrinted, pctChange, pctFallOfInverse, sum, valueAt, MissingData } from '../../src/ledger/operations.ts';
import { loadClaims, parseClaims, validateClaims, type ClaimsFile, type SeriesLookup } from '../../src/ledger/claims.ts';
import { evaluateLedger, VERDICTS } from '../../src/ledger/evaluate.ts';
import { DataRepository } from '../../src/store/repository.ts';
import { repositoryLookup } from '../../src/ledger/lookup.ts';
import { JOBS } from '../../pipelines/index.ts';
import { resealProcessed } from '../support/tamper.ts';

describe('recipe operations on hand-built series', () => {
  const rates = [{ date: '2020', value: 10 }, { date: '2021', value: 20 }, { date: '2022', value: -50 }];
  it('compound, sum, percent changes', () => {
    expect(compound(rates, '2020', '2022')).toBeCloseTo((1.1 * 1.2 * 0.5 - 1) * 100, 10); // −34
    expect(sum(rates, '2020', '2021')).toBe(30);
    expect(pctChange(400, 460)).toBeCloseTo(15, 12);
    expect(pctFallOfInverse(400, 500)).toBeCloseTo(20, 12);
  });
  it('missing data is said, not guessed', () => {
    expect(() => compound(rates, '2019', '2022')).toThrow(MissingData);
    expect(() => valueAt(rates, '2019')).toThrow(MissingData);
  });
  it('reads the rate in force on a weekend date', () => {
    const daily = [{ date: '2022-03-04', value: 1 }, { date: '2022-03-09', value: 2 }];
    expect(valueAt(daily, '2022-03-06')).toBe(1);
  });
  it('rounding edges: a printed 4.9 is [4.85, 4.95)', () => {
    expect(matchesPrinted(4.85, 4.9, 1)).toBe(true);
    expect(matchesPrinted(4.95, 4.9, 1)).toBe(false);
    expect(matchesPrinted(4.9499999, 4.9, 1)).toBe(true);
    expect(matchesPrinted(4.8499999, 4.9, 1)).toBe(false);
    expect(matchesPrinted(236.635, 236.6, 1)).toBe(true);
  });
});

describe('claims file validation', () => {
  const lookup: SeriesLookup = (id) => (id === 'imf.X.KAZ' ? { observations: [{ date: '2000', value: 1 }, { date: '2010', value: 2 }], vintageLabel: 'v', usedVintage: 'v' } : undefined);
  const file = (reading: object): ClaimsFile => ({ paperAccess: { date: '2024-03', note: '' }, claims: [{ id: 'c1', section: '1', quote: 'q', printed: 1, unit: 'u', reference: null, readings: [reading as never] }] });
  it.each([
    [{ label: 'l', op: 'value', series: 'imf.NOPE.KAZ', period: '2000' }, /claim "c1": unknown series id "imf.NOPE.KAZ"/],
    [{ label: 'l', op: 'value', series: 'imf.X.KAZ', period: '1999' }, /claim "c1": 1999 is outside the data of imf.X.KAZ/],
  ])('rejects %j against the data', (reading, msg) => {
    expect(() => validateClaims(file(reading), lookup)).toThrow(msg);
  });

  // The shape is checked when the file loads: one reading type per operation.
  it.each([
    [{ label: 'l', op: 'median', series: 'imf.X.KAZ', period: '2000' }, /claims\.0\.readings\.0\.op/],
    [{ label: 'l', op: 'value', series: 'imf.X.KAZ' }, /claims\.0\.readings\.0\.period/],
    [{ label: 'l', op: 'pct_change', series: 'imf.X.KAZ', from: '2000' }, /claims\.0\.readings\.0\.to/],
    [{ label: 'l', op: 'max_below', series: 'imf.X.KAZ', window: ['2000', '2001'], reference: ['2000', '2000'], period: '2000' }, /Unrecognized key.*period/],
    [{ label: 'l', op: 'pct_change_greater', series: 'imf.X.KAZ', from: '2000', to: '2001' }, /claims\.0\.readings\.0\.other/],
    [{ label: 'l', op: 'value', series: 'imf.X.KAZ', period: '20-01' }, /period is YYYY/],
  ])('refuses the shape %j when the file loads', (reading, msg) => {
    expect(() => parseClaims(file(reading))).toThrow(msg);
  });

  it('refuses a claim with neither readings nor a reason, and a repeated id', () => {
    const base = { id: 'c1', section: '1', quote: 'q', printed: 1, unit: 'u', reference: null };
    expect(() => parseClaims({ paperAccess: { date: '2024-03', note: '' }, claims: [base] })).toThrow(/readings or a notCheckable reason/);
    const one = { ...base, notCheckable: 'no data' };
    expect(() => parseClaims({ paperAccess: { date: '2024-03', note: '' }, claims: [one, one] })).toThrow(/"c1" is repeated/);
  });
});

/** The bundled data, loaded once for the tests that only read it. */
let bundled: Promise<DataRepository> | undefined;
function bundledRepository(): Promise<DataRepository> {
  bundled ??= (async () => {
    const repo = new DataRepository(path.resolve('data'), JOBS.map((j) => j.name));
    await repo.load();
    return repo;
  })();
  return bundled;
}

describe('the ledger on the bundled snapshot', () => {
  it('gives every claim an allowed verdict and every checkable claim a recomputed value', async () => {
    const repo = await bundledRepository();
    const file = await loadClaims(path.resolve('data'));
    const lookup = repositoryLookup(repo);
    validateClaims(file, lookup);
    const results = evaluateLedger(file, lookup);
    expect(results.length).toBe(file.claims.length);
    for (const r of results) {
      expect(VERDICTS).toContain(r.latest.verdict);
      if (!r.claim.notCheckable) expect(r.latest.readings.some((x) => x.value !== null), r.claim.id).toBe(true);
      else expect(r.latest.verdict).toBe('not checkable');
    }
    const by = Object.fromEntries(results.map((r) => [r.claim.id, r]));
    expect(by['gdp-2013'].latest.verdict).toBe('matches');
    // "From 2014 to 2023 inflation surged by 124%": the primary reading is the ten annual rates
    // compounded (137.35 %, = the index change 2013 → 2023); only the 2014 → 2023 index change
    // (122.70 %, which covers 2015–2023) comes near 124, and it is an alternative: differs.
    const infl = by['inflation-2014-2023'];
    expect(infl.latest.verdict).toBe('differs');
    expect(infl.latest.readings[infl.claim.primary!.reading].value).toBeCloseTo(137.35, 1);
    expect(infl.latest.summary).toMatch(/^By the primary reading \(Ten annual IMF PCPIPCH rates 2014\.\.2023 compounded\): differs\..*Alternatives — /);
    // At the paper's time (accessed March 2024: WEO October 2023) 2023 was a projection, and the reading says so.
    expect(infl.atPaper.accessDate).toBe('2024-03');
    expect(infl.atPaper.editions).toEqual(['WEO October 2023', 'WDI, downloaded 2026-01-30 (no vintage dated 2024-03 or earlier is held)']);
    expect(infl.atPaper.readings[infl.claim.primary!.reading]).toMatchObject({ usesProjection: true, detail: expect.stringMatching(/2023 was a projection in WEO October 2023 \(last actual year 2022\)/) });
    expect(by['gdp-2013'].atPaper.readings[0]).toMatchObject({ vintage: 'WEO October 2023', value: 236.635, verdict: 'matches' });
    expect(infl.latest.readings[infl.claim.primary!.reading].usesProjection).toBeUndefined();
    // "Mirroring" by a stated criterion: the rouble's move (+61.2 %) is 3.7 times the tenge's (+16.6 %).
    expect(by['rouble-mirror'].latest.verdict).toBe('differs');
    expect(by['rouble-mirror'].latest.readings[0].detail).toMatch(/sizes 3\.67\d*× apart \(criterion: within ×1\.5\)/);
    expect(by['tenge-fortnight'].latest.verdict).toBe('ambiguous'); // truly ambiguous words, said why in the claim
    expect(by['tenge-fortnight'].latest.readings.find((x) => x.label.includes('24 Feb → 9 Mar'))!.value).toBeCloseTo((503.3 / 437.22 - 1) * 100, 6);
  });
});

describe('re-check on refresh', () => {
  it('lists the claims whose verdict changed with the new data in the run record', async () => {
    const { tempDataDir } = await import('../support/data-dir.ts');
    const fs = await import('node:fs/promises');
    const { ledgerAfterJob } = await import('../../src/ledger/recheck.ts');
    const { JOBS } = await import('../../pipelines/index.ts');
    const dir = await tempDataDir();
    await fs.cp(path.resolve('data'), dir, { recursive: true, filter: notRaw });
    const afterJob = ledgerAfterJob(dir, JOBS.map((j) => j.name));
    const record = { outcome: 'success', changes: [{ series: 'imf.LUR.KAZ', added: 0, revised: 1, removed: 0 }] };
    expect(await afterJob({ ...record, outcome: 'failed' })).toEqual({}); // nothing to re-check after a failed run
    expect((await afterJob(record)).ledgerChanges).toEqual([]); // same data as the committed verdicts
    // A revision: unemployment 2022 from 4.875 to 5.3 in the processed IMF data.
    const csv = path.join(dir, 'processed/imf.csv');
    const text = await fs.readFile(csv, 'utf8');
    expect(text).toContain('imf.LUR.KAZ,2022,4.875\n');
    await fs.writeFile(csv, text.replace('imf.LUR.KAZ,2022,4.875\n', 'imf.LUR.KAZ,2022,5.3\n'));
    await resealProcessed(dir, 'imf');
    // 4.9 % in 2021 → 5.3 % in 2022: the level no longer matches 4.9, and the rate now rises.
    expect((await afterJob(record)).ledgerChanges).toEqual([
      { claim: 'unemployment-2022', before: 'matches', after: 'differs' },
      { claim: 'unemployment-rise-2022', before: 'differs', after: 'matches' },
    ]);
  });
});

describe('the trade and investment operations, on hand-built series', () => {
  // Partners P1..P3 and a group G998 under one prefix, plus a second publication for a record.
  const series: Record<string, Array<{ date: string; value: number }>> = {
    'bns.T.RUS': [{ date: '2021', value: 20 }, { date: '2022', value: 27 }],
    'bns.T.CHN': [{ date: '2021', value: 18 }, { date: '2022', value: 24 }],
    'bns.T.ITA': [{ date: '2021', value: 15 }, { date: '2022', value: 14 }],
    'bns.T.G998': [{ date: '2021', value: 30 }, { date: '2022', value: 41 }],
    'bns.T.G001': [{ date: '2021', value: 100 }, { date: '2022', value: 135 }],
    'imf.X.RUS': [{ date: '2011', value: 10 }, { date: '2012', value: 12 }],
    'imf.M.RUS': [{ date: '2011', value: 11 }, { date: '2012', value: 13.5 }],
    'gdp.USD': [{ date: '2013', value: 236 }, { date: '2016', value: 137 }],
    'kzt.per.USD': [{ date: '2013', value: 152 }, { date: '2016', value: 342 }],
  };
  const lookup: SeriesLookup = Object.assign((id: string) => (series[id] ? { observations: series[id], vintageLabel: 'hand-built', usedVintage: 'h' } : undefined), { ids: () => Object.keys(series) });
  const claim = (id: string, printed: number | null, readings: object[], extra: object = {}) =>
    ({ id, section: 't', quote: id, printed, decimals: 0, unit: 'u', reference: null, tolerancePct: 10, readings, primary: { reading: 0, why: 'w' }, ...extra }) as never;
  const file: ClaimsFile = {
    paperAccess: { date: '2024-03', note: '' },
    claims: [
      claim('rank', null, [
        { label: 'RUS first 2022', op: 'rank_among', series: 'bns.T.RUS', prefix: 'bns.T.', period: '2022', within: 1 },
        { label: 'ITA in top 2 2022', op: 'rank_among', series: 'bns.T.ITA', prefix: 'bns.T.', period: '2022', within: 2 },
        { label: 'EU against countries', op: 'rank_among', series: 'bns.T.G998', prefix: 'bns.T.', period: '2022', within: 1 },
      ]),
      claim('share', 19, [{ label: 's', op: 'share_of', series: 'bns.T.CHN', other: 'bns.T.G001', period: '2022' }]),
      claim('doubled', null, [{ label: 'd', op: 'ratio_at_least', series: 'bns.T.RUS', from: '2021', to: '2022', atLeast: 1.8 }]),
      claim('record', null, [
        { label: 'r', op: 'record', series: 'bns.T.RUS', period: '2022', window: ['2021', '2022'], earlier: { series: 'imf.X.RUS', plus: 'imf.M.RUS', window: ['2011', '2012'], label: 'IMF' } },
        { label: 'beaten by the IMF years', op: 'record', series: 'bns.T.ITA', period: '2022', window: ['2022', '2022'], earlier: { series: 'imf.X.RUS', plus: 'imf.M.RUS', window: ['2011', '2012'], label: 'IMF' } },
      ]),
      claim('tenge', null, [{ label: 't', op: 'direction', series: 'gdp.USD', times: 'kzt.per.USD', from: '2013', to: '2016', direction: 'up' }]),
      claim('recovery', null, [{ label: 'a', op: 'all_above', series: 'bns.T.RUS', window: ['2022', '2022'], than: '2021' }]),
      claim('gross basis', 20, [{ label: 'net stock', op: 'value', series: 'bns.T.RUS', period: '2021', basis: 'net' }], { primary: undefined, notCheckable: 'the paper counts gross inflows' }),
    ],
  };
  it('computes each by hand', () => {
    const r = Object.fromEntries(evaluateLedger(file, lookup).map((x) => [x.claim.id, x.latest]));
    // Groups never count against countries, except the one being ranked (the EU against single countries).
    expect(r.rank.readings.map((x) => [x.value, x.verdict])).toEqual([[1, 'matches'], [3, 'differs'], [1, 'matches']]);
    expect(r.rank.readings[1].detail).toMatch(/rank 3 of 3 partner countries in 2022; ahead: RUS, CHN/);
    expect(r.share.readings[0].value).toBeCloseTo((100 * 24) / 135, 12); // 17.78 against 19, within 10 %: close
    expect(r.share.verdict).toBe('close');
    expect(r.doubled.readings[0]).toMatchObject({ value: 27 / 20, holds: false, verdict: 'differs' });
    // 27 above 20 (2021) and above 25.5 (IMF 2012: 12 + 13.5); 14 is below 25.5.
    expect(r.record.readings.map((x) => x.holds)).toEqual([true, false]);
    expect(r.record.readings[0].detail).toMatch(/IMF: highest 2012 \(25\.5\)/);
    expect(r.tenge.readings[0]).toMatchObject({ value: 137 * 342 - 236 * 152, holds: true });
    expect(r.recovery.readings[0]).toMatchObject({ holds: true });
    // On another basis: shown with its own verdict, and the claim stays not checkable.
    expect(r['gross basis'].verdict).toBe('not checkable');
    expect(r['gross basis'].readings[0]).toMatchObject({ value: 20, verdict: 'matches' });
    expect(r['gross basis'].summary).toMatch(/^the paper counts gross inflows On the data's own basis — net stock: 20 \(matches on that basis\)\.$/);
  });
});

describe('every recipe operation through the evaluator, on hand-built series', () => {
  const series: Record<string, Array<{ date: string; value: number }>> = {
    'imf.A.KAZ': [{ date: '2019', value: 6 }, { date: '2020', value: -2 }, { date: '2021', value: 4 }, { date: '2022', value: 3 }],
    'imf.B.KAZ': [{ date: '2019', value: 100 }, { date: '2020', value: 110 }, { date: '2021', value: 121 }, { date: '2022', value: 133.1 }],
    'imf.C.KAZ': [{ date: '2019', value: 20 }, { date: '2020', value: 21 }, { date: '2021', value: 30 }, { date: '2022', value: 31 }],
    'nbk.X': [{ date: '2022-02-24', value: 400 }, { date: '2022-03-10', value: 460 }],
    'nbk.Y': [{ date: '2022-02-24', value: 80 }, { date: '2022-03-10', value: 120 }],
  };
  const lookup: SeriesLookup = (id) => (series[id] ? { observations: series[id], vintageLabel: 'hand-built', usedVintage: 'h' } : undefined);
  const claim = (id: string, printed: number | null, decimals: number, readings: object[], tolerancePct = 0) =>
    ({ id, section: 't', quote: id, printed, decimals, unit: 'u', reference: null, tolerancePct, readings }) as never;
  const file: ClaimsFile = {
    paperAccess: { date: '2024-03', note: '' },
    claims: [
      claim('value', 3, 0, [{ label: 'v', op: 'value', series: 'imf.A.KAZ', period: '2022' }]),
      claim('pct', 33.1, 1, [{ label: 'p', op: 'pct_change', series: 'imf.B.KAZ', from: '2019', to: '2022' }]),
      claim('fall', 13.0, 1, [{ label: 'f', op: 'pct_fall_of_inverse', series: 'nbk.X', from: '2022-02-24', to: '2022-03-10' }]),
      claim('compound', 8, 0, [{ label: 'c', op: 'compound', series: 'imf.A.KAZ', from: '2020', to: '2022' }], 5),
      claim('sum', 5, 0, [{ label: 's', op: 'sum', series: 'imf.A.KAZ', from: '2020', to: '2022' }]),
      claim('max_below', null, 0, [{ label: 'm', op: 'max_below', series: 'imf.A.KAZ', window: ['2020', '2022'], reference: ['2019', '2019'] }]),
      claim('greater', null, 0, [{ label: 'g', op: 'pct_change_greater', series: 'nbk.Y', other: 'nbk.X', from: '2022-02-24', to: '2022-03-10' }]),
      claim('min', null, 0, [{ label: 'n', op: 'min_in_window_is', series: 'imf.A.KAZ', window: ['2019', '2022'], period: '2020' }]),
      claim('spread', null, 0, [{ label: 'sp', op: 'spread_rises', series: 'imf.B.KAZ', other: 'imf.C.KAZ', from: '2020', to: '2021' }]),
      claim('two readings', 33.1, 1, [
        { label: 'right', op: 'pct_change', series: 'imf.B.KAZ', from: '2019', to: '2022' },
        { label: 'wrong', op: 'pct_change', series: 'imf.B.KAZ', from: '2020', to: '2022' },
      ]),
      claim('missing', 1, 0, [{ label: 'x', op: 'compound', series: 'imf.A.KAZ', from: '2018', to: '2022' }]),
      claim('alike', null, 0, [
        { label: 'within 1.5', op: 'moves_alike', series: 'nbk.Y', other: 'nbk.X', from: '2022-02-24', to: '2022-03-10', factor: 1.5 }, // +50% vs +15%: 3.33×
        { label: 'within 4', op: 'moves_alike', series: 'nbk.Y', other: 'nbk.X', from: '2022-02-24', to: '2022-03-10', factor: 4 },
        { label: 'direction', op: 'moves_alike', series: 'nbk.Y', other: 'nbk.X', from: '2022-02-24', to: '2022-03-10' },
      ]),
      { ...(claim('primary wins', 33.1, 1, [
        { label: 'wrong', op: 'pct_change', series: 'imf.B.KAZ', from: '2020', to: '2022' },
        { label: 'right', op: 'pct_change', series: 'imf.B.KAZ', from: '2019', to: '2022' },
      ]) as object), primary: { reading: 1, why: 'the natural reading' } } as never,
    ],
  };
  it('computes each by hand', () => {
    const r = Object.fromEntries(evaluateLedger(file, lookup).map((x) => [x.claim.id, x.latest]));
    expect(r.value.readings[0]).toMatchObject({ value: 3, verdict: 'matches' });
    expect(r.pct.readings[0].value).toBeCloseTo(33.1, 9);
    expect(r.pct.verdict).toBe('matches');
    expect(r.fall.readings[0].value).toBeCloseTo((1 - 400 / 460) * 100, 9); // 13.04
    expect(r.fall.verdict).toBe('matches');
    expect(r.compound.readings[0].value).toBeCloseTo((0.98 * 1.04 * 1.03 - 1) * 100, 9); // 4.98 vs printed 8: differs
    expect(r.compound.verdict).toBe('differs');
    expect(r.sum.readings[0]).toMatchObject({ value: 5, verdict: 'matches' });
    expect(r.max_below.readings[0]).toMatchObject({ value: 4, holds: true, verdict: 'matches' });
    expect(r.greater.readings[0]).toMatchObject({ holds: true, verdict: 'matches' }); // +50% vs +15%
    expect(r.min.readings[0]).toMatchObject({ value: -2, holds: true });
    expect(r.spread.readings[0]).toMatchObject({ value: 91, holds: true }); // 89 → 91
    expect(r['two readings'].verdict).toBe('ambiguous'); // no primary reading named: readings that disagree are ambiguous
    expect(r['two readings'].summary).toMatch(/Reproduced by: right/);
    expect(r.missing).toMatchObject({ verdict: 'not checkable' });
    expect(r.missing.readings[0].detail).toMatch(/missing data: needs 5 annual rates/);
    expect(r.alike.readings.map((x) => x.verdict)).toEqual(['differs', 'matches', 'matches']);
    expect(r.alike.readings[0].detail).toMatch(/sizes 3\.3333× apart \(criterion: within ×1\.5\)/);
    // With a primary reading named, the verdict is that reading's, whatever the alternatives say.
    expect(r['primary wins'].verdict).toBe('matches');
    expect(r['primary wins'].summary).toBe('By the primary reading (right): matches. Alternatives — wrong: differs.');
  });
});

describe('a statement of concern gets context, not a verdict (issue 26, item 5)', () => {
  it('the conduit sentence: every reading recomputed on its own basis, none judged; "nearly doubled" keeps its own verdict', async () => {
    const repo = await bundledRepository();
    const file = await loadClaims(path.resolve('data'));
    const results = evaluateLedger(file, repositoryLookup(repo));
    const conduit = results.find((r) => r.claim.id === 'conduit-concern')!;
    expect(conduit.latest.verdict).toBe('context');
    expect(conduit.latest.readings.length).toBeGreaterThanOrEqual(9);
    for (const [i, r] of conduit.latest.readings.entries()) {
      const reading = conduit.claim.readings![i] as { series: string; from: string; to: string };
      const obs = repo.get(reading.series)!.observations;
      const at = (y: string) => obs.find((o) => o.date === y)!.value;
      expect(r.verdict).toBe('context');
      expect(Math.abs(r.value! - (at(reading.to) / at(reading.from) - 1) * 100), r.label).toBeLessThan(1e-9);
    }
    expect(results.find((r) => r.claim.id === 'exports-russia-doubled')!.latest.verdict).not.toBe('context');
    // Context is said apart from the verdicts that judge, and only for a claim that says why.
    const base = { id: 'c1', section: '1', quote: 'q', printed: null, unit: 'u', reference: null, readings: [{ label: 'l', op: 'value', series: 'imf.NGDPD.KAZ', period: '2020' }] };
    expect(() => parseClaims({ paperAccess: { date: '2024-03', note: '' }, claims: [base] })).toThrow(/primary reading/);
    expect(() => parseClaims({ paperAccess: { date: '2024-03', note: '' }, claims: [{ ...base, context: 'a concern' }] })).not.toThrow();
  });
});

describe('a not-checkable claim a refresh can settle (issue 26, item 6)', () => {
  it('the half-year China figure stays not checkable on the bundle, naming the refresh; with monthly IMTS figures it is judged', async () => {
    const repo = await bundledRepository();
    const file = await loadClaims(path.resolve('data'));
    const only = { ...file, claims: file.claims.filter((c) => c.id === 'trade-china-h1-2023') };
    const [bundled] = evaluateLedger(only, repositoryLookup(repo));
    expect(bundled.latest.verdict).toBe('not checkable');
    expect(bundled.claim.notCheckable).toMatch(/--source imts/);
    // Test-only monthly values (not data): Kazakhstan's exports and imports with China, 1.1 bn and 1.2 bn a month.
    const months = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
    const monthly = (v: number) => ({ observations: months.map((date) => ({ date, value: v })), vintageLabel: 'test values', usedVintage: 'test' });
    const fake: Record<string, ReturnType<typeof monthly>> = {
      'imf.imts.XG_FOB_USD.CHN.KAZ.M': monthly(1.1e9), 'imf.imts.MG_CIF_USD.CHN.KAZ.M': monthly(1.2e9),
      'imf.imts.MG_CIF_USD.KAZ.CHN.M': monthly(1.5e9), 'imf.imts.XG_FOB_USD.KAZ.CHN.M': monthly(1.6e9),
    };
    const base = repositoryLookup(repo);
    const lookup = Object.assign((id: string, at?: Parameters<typeof base>[1]) => (fake[id] as unknown as ReturnType<typeof base>) ?? base(id, at), { ids: base.ids });
    const [settled] = evaluateLedger(only, lookup as typeof base);
    // Shown as judged: every reading has its claim text, the primary is the settling one.
    expect(settled.claim.readings!.length).toBe(settled.latest.readings.length);
    expect(settled.claim.primary!.reading).toBe(1);
    expect(settled.claim.notCheckable).toBeUndefined();
    const primary = settled.latest.readings[1];
    expect(primary.value).toBeCloseTo(6 * 2.3, 9);
    expect(settled.latest.verdict).toBe('differs');
    expect(settled.latest.readings[2].value).toBeCloseTo(6 * 3.1, 9);
  });
});
