// npm run check:workbooks — the workbook reader under thousands of seeded damages to every bundled
// workbook (tests/support/workbook-fuzz.ts): each read gives the exact cells or a coded refusal
// within 2 s. Prints counts by damage and outcome, and the slowest read; exit code 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../tests/support/data-dir.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';
import { cellsOf, DAMAGES, fuzzTrial } from '../tests/support/workbook-fuzz.ts';

const PER_DAMAGE = Number(process.env.TRIALS ?? 80);
const files = ['bns', 'imts'].flatMap((src) => {
  const dir = path.join(REPO, 'data/raw', src, 'imported');
  return fs.readdirSync(dir).flatMap((k) => fs.readdirSync(path.join(dir, k)).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, k, f)));
});
const counts = new Map<string, number>();
const failures: string[] = [];
let slowest = 0;
const random = seededRandom(20261207);
for (const file of files) {
  const original = fs.readFileSync(file);
  const expected = await cellsOf(original);
  for (const damage of DAMAGES) {
    for (let i = 0; i < PER_DAMAGE; i++) {
      const r = await fuzzTrial(original, expected, damage, random);
      counts.set(`${damage} ${r.outcome}`, (counts.get(`${damage} ${r.outcome}`) ?? 0) + 1);
      slowest = Math.max(slowest, r.ms);
      if (r.outcome === 'failed' || r.ms > 2000) failures.push(`${path.basename(file)} ${damage} #${i}: ${r.outcome} ${r.ms.toFixed(0)} ms ${r.detail ?? ''}`);
    }
  }
}
console.log(`${files.length} workbooks × ${DAMAGES.length} damages × ${PER_DAMAGE} = ${files.length * DAMAGES.length * PER_DAMAGE} trials`);
for (const [k, n] of [...counts].sort()) console.log(`  ${k}: ${n}`);
console.log(`slowest read: ${slowest.toFixed(0)} ms; failures: ${failures.length}`);
for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
process.exit(failures.length ? 1 : 0);
