// World Bank WDI: annual series, updated a few times a year; a weekly look is plenty.
import { urlSetting, type JobModule } from '../src/runner/job.ts';
import { createWorldBank } from '../src/sources/worldbank/index.ts';

export const WB_COUNTRIES = ['KAZ', 'RUS', 'CHN', 'UZB', 'KGZ', 'TJK', 'TKM'];
export const WB_CODES = ['NY.GDP.MKTP.CD', 'NY.GDP.MKTP.KD.ZG', 'FP.CPI.TOTL.ZG', 'FP.CPI.TOTL', 'SL.UEM.TOTL.ZS', 'PA.NUS.FCRF'];
/** What the bundled extract already holds for Kazakhstan; a build without one of these is wrong. */
const EXPECTED = ['NY.GDP.MKTP.CD', 'NY.GDP.MKTP.KD.ZG', 'FP.CPI.TOTL.ZG', 'SL.UEM.TOTL.ZS', 'PA.NUS.FCRF'].map((c) => `wb.${c}.KAZ`);

export const worldbank: JobModule = {
  name: 'worldbank',
  settings: [urlSetting('WORLDBANK_API_URL', 'https://api.worldbank.org/v2', 'World Bank Indicators API v2.')],
  schedule: { cron: '0 7 * * 2', timezone: 'Asia/Almaty', description: 'Tuesdays 07:00 Astana time' },
  expectedCadenceDays: 400,
  connector: (s) =>
    createWorldBank({
      baseUrl: s.WORLDBANK_API_URL,
      indicators: WB_CODES,
      // The bundled extract also carries Azerbaijan; keep it, it is real data of a neighbour.
      countries: [...WB_COUNTRIES, 'AZE'],
      perPage: 1000,
      pauseMs: 1000,
      expected: EXPECTED,
      maxPages: 20,
    }),
  bundled: [
    {
      from: 'worldbank/wdi_central_asia_2026-01-30.csv', fileName: 'wdi_central_asia_2026-01-30.csv', kind: 'imported-file',
      parser: 'wdi-long-csv', key: 'imported/wdi_central_asia', retrievedAt: '2026-01-30T00:00:00Z',
      publisher: 'World Bank, World Development Indicators (downloaded from the API on 2026-01-30)',
      repository: 'LEE-CHENYU/OpenCausality', commit: 'c70fe27f424b3359f444a70d575f4ab805382736',
      originalPath: 'data/backup/worldbank/*.parquet', licence: 'CC BY 4.0 (World Bank); repository MIT',
      notes: 'Parquet melted to long form, values as shortest round-trip doubles, nulls dropped. See PROVENANCE.md §3.',
    },
  ],
};
