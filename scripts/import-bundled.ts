// Copy the real data gathered in shared/data into data/raw as imported-file snapshots, each
// with a sidecar naming the original publisher, the repository it came through and the commit.
// Run by a maintainer when shared/data changes (a clone has no shared/); the copies are committed
// and `npm run rebuild` builds the processed data from them through the normal path.
//   npx tsx scripts/import-bundled.ts [path/to/shared/data]
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { RawStore, type RawMeta } from '../src/store/raw-store.ts';

const SNAPSHOT_ASSEMBLED = '2026-11-28T00:00:00Z';

type Imported = Omit<RawMeta, 'bytes' | 'sha256' | 'connectorVersion' | 'kind'> & { from: string; fileName: string; kind?: RawMeta['kind'] };

const FILES: Imported[] = [
  {
    from: 'imf/weo_kaz_peers_2024apr_2025oct.csv', fileName: 'weo_kaz_peers_2024apr_2025oct.csv',
    source: 'imf', parser: 'weo-csv', key: 'imported/weo_kaz_peers', retrievedAt: SNAPSHOT_ASSEMBLED,
    publisher: 'International Monetary Fund, World Economic Outlook (April 2024 and October 2025 vintages)',
    repository: 'mitsuoxv/imf-weo', commit: '19bd6bc0174d5bc700f2f29d496d214ccf731ee7 (data_2404.rda); 735c2b40279cc3d10587d0a6f3dea8cb7e943907 (data_2510.rda)',
    originalPath: 'data/data_2404.rda, data/data_2510.rda', licence: 'Repository MIT; data © IMF, https://www.imf.org/external/terms.htm',
    notes: 'Filtered to KAZ, RUS, CHN, UZB, KGZ and seven indicators; values written with 15 significant digits. See PROVENANCE.md §2.',
  },
  {
    from: 'nbk/nbk_official_rates_daily_2005-2026.csv', fileName: 'nbk_official_rates_daily_2005-2026.csv',
    source: 'nbk', parser: 'history-csv', key: 'imported/nbk_daily_2005_2026', retrievedAt: SNAPSHOT_ASSEMBLED,
    publisher: 'National Bank of the Republic of Kazakhstan (official rates, Excel export)',
    repository: 'BakdauletBolatA/tenge-fx-analysis', commit: 'd694c4321589d8ddd602df1ecfc1dcc2023325f8',
    originalPath: 'data/processed/rates_daily_long.csv', licence: 'Repository MIT; NBK official rates, public regulatory information',
    notes: 'Tenge per 1 unit (divided by quant), days on which no currency changed removed. See PROVENANCE.md §1.',
  },
  ...(['2026-04-01', '2026-04-02'] as const).map((date): Imported => ({
    from: `nbk/raw/get_rates_fdate=${date}.xml`, fileName: `get_rates_fdate=${date}.xml`, kind: 'http',
    source: 'nbk', parser: 'get-rates', key: `get_rates/${date}`, retrievedAt: '2026-04-08T13:43:25Z',
    url: `https://nationalbank.kz/rss/get_rates.cfm?fdate=${date.split('-').reverse().join('.')}`, status: 200, contentType: 'text/xml; charset=UTF-8',
    request: { date },
    publisher: 'National Bank of the Republic of Kazakhstan', repository: 'lineofflight/frankfurter', commit: 'dbabfce73a56b4900f503534610f39a0b4c2150e',
    originalPath: 'spec/vcr_cassettes/nbk.yml', licence: 'NBK official rates, public regulatory information',
    notes: 'A real answer recorded by frankfurter\'s VCR cassette (body decoded from base64; length equals Content-Length).',
  })),
  {
    from: 'worldbank/wdi_central_asia_2026-01-30.csv', fileName: 'wdi_central_asia_2026-01-30.csv',
    source: 'worldbank', parser: 'wdi-long-csv', key: 'imported/wdi_central_asia', retrievedAt: '2026-01-30T00:00:00Z',
    publisher: 'World Bank, World Development Indicators (downloaded from the API on 2026-01-30)',
    repository: 'LEE-CHENYU/OpenCausality', commit: 'c70fe27f424b3359f444a70d575f4ab805382736',
    originalPath: 'data/backup/worldbank/*.parquet', licence: 'CC BY 4.0 (World Bank); repository MIT',
    notes: 'Parquet melted to long form, values as shortest round-trip doubles, nulls dropped. See PROVENANCE.md §3.',
  },
];

async function main() {
  const sharedData = path.resolve(process.argv[2] ?? '../shared/data');
  const config = loadConfig();
  const store = new RawStore(config.dataDir);
  for (const f of FILES) {
    const { from, fileName, kind, ...meta } = f;
    const body = await fs.readFile(path.join(sharedData, from));
    const ext = path.extname(fileName).slice(1);
    const { snapshot, stored } = await store.put({ ...meta, kind: kind ?? 'imported-file', connectorVersion: 'import-bundled/1' }, body, ext, undefined, fileName);
    console.log(`${stored ? 'imported' : 'unchanged'} ${snapshot.file}`);
  }
  for (const doc of ['PROVENANCE.md', 'RAW_SAMPLES.md']) {
    await fs.copyFile(path.join(sharedData, doc), path.join(config.dataDir, 'raw', doc));
  }
}

await main();
