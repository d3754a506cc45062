// IMF World Economic Outlook headline indicators via the DataMapper API, and the bundled WEO
// extract (April 2024 and October 2025). WEO vintages change in April and October; a weekly look is plenty.
import { urlSetting, type JobModule } from '../src/runner/job.ts';
import { createImfWeo } from '../src/sources/imf-weo/index.ts';

export const IMF_COUNTRIES = ['KAZ', 'RUS', 'CHN', 'UZB', 'KGZ'];
export const IMF_INDICATORS = ['PCPIPCH', 'PCPIEPCH', 'PCPI', 'PCPIE', 'NGDPD', 'NGDP_RPCH', 'LUR'];
const SNAPSHOT_ASSEMBLED = '2026-11-28T00:00:00Z';

export const imf: JobModule = {
  name: 'imf',
  settings: [urlSetting('IMF_DATAMAPPER_URL', 'https://www.imf.org/external/datamapper/api/v1', 'IMF DataMapper API (World Economic Outlook).')],
  schedule: { cron: '0 6 * * 1', timezone: 'Asia/Almaty', description: 'Mondays 06:00 Astana time' },
  // WEO is published twice a year; allow a little slack past six months.
  expectedCadenceDays: 200,
  connector: (s) => createImfWeo({ baseUrl: s.IMF_DATAMAPPER_URL, indicators: IMF_INDICATORS, countries: IMF_COUNTRIES, pauseMs: 1000 }),
  bundled: [
    {
      from: 'imf/weo_kaz_peers_2024apr_2025oct.csv', fileName: 'weo_kaz_peers_2024apr_2025oct.csv', kind: 'imported-file',
      parser: 'weo-csv', key: 'imported/weo_kaz_peers', retrievedAt: SNAPSHOT_ASSEMBLED,
      publisher: 'International Monetary Fund, World Economic Outlook (April 2024 and October 2025 vintages)',
      repository: 'mitsuoxv/imf-weo', commit: '19bd6bc0174d5bc700f2f29d496d214ccf731ee7 (data_2404.rda); 735c2b40279cc3d10587d0a6f3dea8cb7e943907 (data_2510.rda)',
      originalPath: 'data/data_2404.rda, data/data_2510.rda', licence: 'Repository MIT; data © IMF, https://www.imf.org/external/terms.htm',
      notes: 'Filtered to KAZ, RUS, CHN, UZB, KGZ and seven indicators; values written with 15 significant digits. See PROVENANCE.md §2.',
    },
  ],
};
