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
  for (const [doc, as] of [['PROVENANCE.md', 'PROVENANCE.md'], ['RAW_SAMPLES.md', 'RAW_SAMPLES.md'], ['imf/WEO_VINTAGES.md', 'imf/WEO_VINTAGES.md']]) {
    await fs.copyFile(path.join(sharedData, doc), path.join(config.dataDir, 'raw', as));
  }
}

await main();
