import { describe, expect, it } from 'vitest';
import { formatNumber, longCsv, parseCsv, parseWithLibrary, safeText, stringifyCsv, toCsv } from '../../src/lib/csv.ts';

describe('CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(safeText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(safeText('+1+2')).toBe("'+1+2");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('-cmd')).toBe("'-cmd");
    expect(safeText('-12.5')).toBe('-12.5');
    expect(safeText('\t=1')).toBe("'\t=1");
    expect(safeText('Kazakhstan')).toBe('Kazakhstan');
    const csv = toCsv(['series_id', 'note', 'value'], [['imf.X', '=1+2', -3.5]], new Set([2]));
    expect(csv).toBe(`series_id,note,value\nimf.X,'=1+2,-3.5\n`);
  });

  it('quotes commas, quotes and newlines, and parses its own output back', () => {
    const rows: string[][] = [['a,b', 'say "hi"', 'line\nbreak']];
    const csv = toCsv(['x', 'y', 'z'], rows);
    expect(parseCsv(csv)).toEqual([['x', 'y', 'z'], ...rows]);
  });

  it('writes numbers in shortest round-trip form without exponents', () => {
    expect(formatNumber(0.0004)).toBe('0.0004');
    expect(formatNumber(236.635)).toBe('236.635');
    expect(formatNumber(261840000000)).toBe('261840000000');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(null)).toBe('');
  });

  it('says so when a quoted field never ends (truncated file)', () => {
    expect(() => parseCsv('a,b\n"unterminated')).toThrow(/truncated/);
  });
});

describe('numbers in CSV round-trip (property)', () => {
  it('every finite double written and read back is the same double, in plain decimal notation', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const text = formatNumber(v);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(v === 0 ? 0 : v); // -0 is written as 0
        const [, row] = parseCsv(toCsv(['v'], [[v]], new Set([0])));
        expect(Number(row[0])).toBe(v === 0 ? 0 : v);
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });
  it('writes the extremes in full', () => {
    expect(formatNumber(1.4488048926821074e50)).toBe('144880489268210740000000000000000000000000000000000');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-2.5e-7)).toBe('-0.00000025');
    expect(formatNumber(Number.MIN_VALUE)).toBe(`0.${'0'.repeat(323)}5`);
    expect(() => formatNumber(Infinity)).toThrow(/non-finite/);
  });
});

// Text with a quote or a CR is read by node-csv itself (parseWithLibrary); only plain text, the
// processed files a server loads after every refresh, takes the direct path (docs/performance.md).
describe('the direct paths give exactly what node-csv gives (property)', () => {
  it('parsing and writing', async () => {
    const fc = await import('fast-check');
    const field = fc.oneof(fc.constantFrom('', 'KAZ', '2022-03-09', '-3.5', 'тенге', ' a b ', '1e5'), fc.string({ maxLength: 6 }).map((s) => s.replace(/[",\r\n]/g, '')));
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(table, fc.boolean(), (rows, trailing) => {
        const text = rows.map((r) => r.join(',')).join('\n') + (trailing ? '\n' : '');
        expect(parseCsv(text)).toEqual(parseWithLibrary(text));
        const written = toCsv(rows[0], rows.slice(1));
        expect(written).toBe(stringifyCsv(rows.map((r) => r.map(safeText))));
      }),
      { numRuns: 1500, seed: 20261202 },
    );
  });

  it('a long table written group by group is the text toCsv writes for its rows spelled out', async () => {
    const fc = await import('fast-check');
    const text = fc.oneof(fc.constantFrom('nbk.USD', '2022-03-09', 'latest', '=cmd', '-1', '-x', 'a,b', '"q"', 'x\ny'), fc.string({ maxLength: 5 }));
    const obs = fc.array(fc.record({ date: text, value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()) }), { maxLength: 6 });
    const group = (width: number) => fc.tuple(fc.array(text, { minLength: width, maxLength: width }), obs);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }).chain((w) => fc.tuple(fc.constant(w), fc.array(group(w), { maxLength: 6 }))), ([width, groups]) => {
        const header = [...['series_id', 'vintage'].slice(0, width), 'date', 'value'];
        const rows = groups.flatMap(([lead, o]) => o.map((x) => [...lead, x.date, x.value]));
        expect(longCsv(header, groups)).toBe(toCsv(header, rows, new Set([width + 1])));
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  it('writing any text (commas, quotes, line ends anywhere) gives what node-csv gives', async () => {
    const fc = await import('fast-check');
    const field = fc.oneof(fc.constantFrom('', 'KAZ', 'a,b', '"q"', 'x\ny', 'r\r', '=1'), fc.string({ maxLength: 6 }));
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(table, (rows) => {
        expect(toCsv(rows[0], rows.slice(1))).toBe(stringifyCsv(rows.map((r) => r.map(safeText))));
      }),
      { numRuns: 1500, seed: 20261203 },
    );
  });
});
