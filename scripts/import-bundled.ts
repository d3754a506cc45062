// Copy the real data gathered in shared/data into data/raw as snapshots, each with a sidecar
// naming the original publisher, the repository it came through and the commit. The files each
// job ships are declared in its file under pipelines/ (`bundled`). Run by a maintainer when
// shared/data changes (a clone has no shared/); the copies are committed and `npm run rebuild`
// builds the processed data from them through the normal path.
//   npm run import:bundled -- [path/to/shared/data]
import fs from 'node:fs/promises';
import path from 'node:path';
import { JOBS, loadJobConfig } from '../pipelines/index.ts';
import type { RawMetaDraft } from '../src/domain/source-data.ts';
import { RawStore } from '../src/store/raw-store.ts';

async function main() {
  const sharedData = path.resolve(process.argv[2] ?? '../shared/data');
  const config = loadJobConfig();
  const store = new RawStore(config.dataDir);
  for (const job of JOBS) {
    for (const f of job.bundled ?? []) {
      const { from, fileName, ...meta } = f;
      const body = await fs.readFile(path.join(sharedData, from));
      const draft = { ...meta, source: job.name, connectorVersion: 'import-bundled/1' } as RawMetaDraft;
      const { snapshot, stored } = await store.put(draft, body, path.extname(fileName).slice(1), undefined, fileName);
      console.log(`${stored ? 'imported' : 'unchanged'} ${snapshot.file}`);
    }
  }
  // The documents that go with the data, and evidence that is kept but not parsed (a body
  // without a sidecar is never read as a snapshot): BNS's original .xls beside the conversions,
  // the press quotations the ledger cites, the checksums.
  const companions: Array<[string, string]> = [
    ['PROVENANCE.md', 'PROVENANCE.md'], ['RAW_SAMPLES.md', 'RAW_SAMPLES.md'], ['imf/WEO_VINTAGES.md', 'imf/WEO_VINTAGES.md'],
    ['trade/PROVENANCE.md', 'TRADE_PROVENANCE.md'], ['trade/SHA256SUMS', 'TRADE_SHA256SUMS'],
    ['trade/press/trade_reference_points_press.csv', 'press/trade_reference_points_press.csv'],
    ['trade/press/press_reference_points_supplement.csv', 'press/press_reference_points_supplement.csv'],
  ];
  for (const f of await fs.readdir(path.join(sharedData, 'trade/bns/original'))) companions.push([`trade/bns/original/${f}`, `bns/original/${f}`]);
  for (const [doc, as] of companions) {
    await fs.mkdir(path.dirname(path.join(config.dataDir, 'raw', as)), { recursive: true });
    await fs.copyFile(path.join(sharedData, doc), path.join(config.dataDir, 'raw', as));
  }
}

await main();
