// The bundled NBK daily history (wide: date, then one column per currency), against a plain
// reading of the same file, and its malformed variants.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistoryCsv } from '../../src/sources/nbk/history.ts';
import { REPO } from '../support/data-dir.ts';

const FILE = path.join(REPO, 'data/raw/nbk/imported/nbk_daily_2005_2026/nbk_official_rates_daily_2005-2026.csv');
const meta = { key: 'imported/test' };

describe('NBK daily history', () => {
  it('every non-empty cell of a wanted currency is a value of its series, in file order; other currencies are left out', () => {
    const text = fs.readFileSync(FILE, 'utf8');
    const [header, ...lines] = text.trim().split('\n').map((l) => l.split(','));
    const wanted = ['USD', 'RUB', 'KGS'];
    const expected = new Map(wanted.map((c) => [`nbk.${c}`, lines.filter((l) => l[header.indexOf(c)] !== '').map((l) => ({ date: l[0], value: Number(l[header.indexOf(c)]) }))]));
    const parsed = parseHistoryCsv(Buffer.from(text), meta, wanted);
    expect(new Map(parsed.series.map((s) => [s.id, s.observations]))).toEqual(expected);
  });

  it('a currency named twice in the header, a short row and a rate that is not positive are coded errors', () => {
    const parse = (text: string) => () => parseHistoryCsv(Buffer.from(text), meta, ['USD', 'EUR']);
    expect(parse('date,USD,EUR,USD\n2024-01-02,450.1,490.2,451\n')).toThrow(expect.objectContaining({ code: 'IMPORT_SCHEMA_CHANGED', message: expect.stringMatching(/"USD" twice/) }));
    expect(parse('date,USD,EUR\n2024-01-02,450.1\n')).toThrow(expect.objectContaining({ code: 'IMPORT_BAD_ROW', context: expect.objectContaining({ line: 2 }) }));
    expect(parse('date,USD,EUR\n2024-01-02,450.1,490.2\n2024-01-03,-1,490.2\n')).toThrow(expect.objectContaining({ code: 'IMPORT_BAD_VALUE', context: expect.objectContaining({ line: 3 }) }));
  });
});
