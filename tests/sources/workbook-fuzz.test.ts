// The workbook reader under seeded damage to real bundled workbooks (tests/support/workbook-fuzz.ts):
// exact cells or a coded refusal, never a hang, a crash or cells shifted silently. A sample here;
// `npm run check:workbooks` runs thousands over every bundled workbook.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/data-dir.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { cellsOf, DAMAGES, fuzzTrial } from '../support/workbook-fuzz.ts';

const SAMPLE = [
  'data/raw/bns/imported/bns_main_foreign_trade_indicators_2019/bns_main_foreign_trade_indicators_2019.xlsx',
  'data/raw/imts/imported/dots_210/DOTS_210.xlsx',
];

describe('the workbook reader under seeded damage', () => {
  it.each(SAMPLE)('%s: 12 trials of each damage give the exact cells or a coded refusal, each within 2 s', async (file) => {
    const original = fs.readFileSync(path.join(REPO, file));
    const expected = await cellsOf(original);
    expect(expected.split('\n').length).toBeGreaterThan(100);
    const random = seededRandom(20261207);
    const failed: string[] = [];
    const seen = new Set<string>();
    for (const damage of DAMAGES) {
      for (let i = 0; i < 12; i++) {
        const r = await fuzzTrial(original, expected, damage, random);
        seen.add(`${damage}:${r.outcome}`);
        if (r.outcome === 'failed' || r.ms > 2000) failed.push(`${damage} #${i}: ${r.outcome} in ${r.ms.toFixed(0)} ms ${r.detail ?? ''}`);
      }
    }
    expect(failed).toEqual([]);
    // The trials really damage: some are refused, and whitespace between tags reads exactly.
    expect(seen).toContain('truncate:refused');
    expect(seen).toContain('xml-space:exact');
  });
});
