// IMF World Economic Outlook headline indicators via the DataMapper API, and the bundled WEO
// extract (April 2024 and October 2025). WEO vintages change in April and October; a weekly look is plenty.
import { urlSetting, type JobModule } from '../src/runner/job.ts';
import { createImfWeo } from '../src/sources/imf-weo/index.ts';

export const IMF_COUNTRIES = ['KAZ', 'RUS', 'CHN', 'UZB', 'KGZ'];
export const IMF_INDICATORS = ['PCPIPCH', 'PCPIEPCH', 'PCPI', 'PCPIE', 'NGDPD', 'NGDP_RPCH', 'LUR'];
const SNAPSHOT_ASSEMBLED = '2026-11-28T00:00:00Z';
/** When the fourteen-edition extract joined the bundled snapshot. */
const SNAPSHOT_EDITIONS = '2026-12-01T00:00:00Z';

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
    {
      from: 'imf/weo_vintages_kaz_partners.csv', fileName: 'weo_vintages_kaz_partners.csv', kind: 'imported-file',
      parser: 'weo-csv', key: 'imported/weo_vintages_kaz_partners', retrievedAt: SNAPSHOT_EDITIONS,
      publisher: 'International Monetary Fund, World Economic Outlook (fourteen editions, April 2019 – October 2025)',
      repository: 'mitsuoxv/imf-weo',
      commit: 'the commit that added each edition: 60eb50ef (Apr 2019), 1ffb85a2 (Oct 2019), da274490 (Apr 2020), 4c8d78f6 (Oct 2020), 2f38804c (Apr 2021), e0a1942e (Oct 2021), b0de892d (Apr 2022), 6ca22624 (Oct 2022), ec5582ab (Apr 2023), 2b682714 (Oct 2023), 3d5329c1 (Apr 2024), 3b6dffc1 (Oct 2024), 12b3eabc (Apr 2025), 735c2b40 (Oct 2025)',
      originalPath: 'data/weo.rdata, data/weo_2010.rda, data/data_<yymm>.rda', licence: 'Repository MIT; data © IMF, https://www.imf.org/external/terms.htm',
      notes: 'KAZ, RUS, CHN, UZB, KGZ, TJK, TKM, USA, DEU × ten indicators, each edition as published (15 significant digits). WEO April 2019, October 2019 and April 2020 lack every value ≥ 1,000 (932 cells, see the known-gaps file). See WEO_VINTAGES.md.',
    },
    {
      from: 'imf/weo_vintages_kaz_partners_known_gaps.csv', fileName: 'weo_vintages_kaz_partners_known_gaps.csv', kind: 'imported-file',
      parser: 'weo-known-gaps', key: 'imported/weo_vintages_known_gaps', retrievedAt: SNAPSHOT_EDITIONS,
      publisher: 'kz-indicators shared data (a list of cells missing from the WEO extract, with the reason)',
      repository: 'mitsuoxv/imf-weo', commit: '03b77af3bd6505ea93e5f3f7b342ccdb0a4c3433 (HEAD read)', originalPath: 'weo_vintages_extract.R output',
      licence: 'Repository MIT; data © IMF', notes: 'Orientation only: the reference values it quotes come from another edition and never enter a series.',
    },
  ],
};
