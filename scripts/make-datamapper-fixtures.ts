// No real recording of an IMF DataMapper answer exists in public material, so the test
// fixtures are CONSTRUCTED: the documented shape (docs/sources.md §1) filled with the
// real WEO October 2025 values of the bundled extract. Replace them with recordings made by
// `npm run record` once a network is there.
//   npx tsx scripts/make-datamapper-fixtures.ts
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from '../src/lib/csv.ts';

const OUT = 'tests/fixtures/imf-datamapper';
const text = await fs.readFile('data/raw/imf/imported/weo_kaz_peers/weo_kaz_peers_2024apr_2025oct.csv', 'utf8');
const rows = parseCsv(text).slice(1).filter((r) => r[0] === 'WEO October 2025');
const values: Record<string, Record<string, Record<string, number>>> = {};
for (const [, iso3, , indicator, year, value] of rows) {
  ((values[indicator] ??= {})[iso3] ??= {})[year] = Number(value);
}
await fs.mkdir(OUT, { recursive: true });
for (const [indicator, byCountry] of Object.entries(values)) {
  // The stray empty-string key next to the indicator, as one probe saw it.
  const body = { values: { [indicator]: byCountry, '': null }, api: { version: '1', 'output-method': 'json' } };
  await fs.writeFile(path.join(OUT, `constructed_${indicator}.json`), JSON.stringify(body));
}
const indicators = Object.fromEntries(
  Object.keys(values).map((code) => [code, { label: code, description: '', source: 'World Economic Outlook (October 2025)', unit: '', dataset: 'WEO', 'last-modified': '2025-10-14 00:00:00' }]),
);
await fs.writeFile(path.join(OUT, 'constructed_indicators.json'), JSON.stringify({ indicators, api: { version: '1', 'output-method': 'json' } }));
console.log(`wrote ${Object.keys(values).length + 1} constructed fixtures to ${OUT}`);
