// World Bank WDI: annual series, updated a few times a year; a weekly look is plenty.
import type { Config } from '../src/config.ts';
import type { JobDefinition } from '../src/pipeline/job.ts';
import { createWorldBank } from '../src/sources/worldbank.ts';

export const WB_COUNTRIES = ['KAZ', 'RUS', 'CHN', 'UZB', 'KGZ', 'TJK', 'TKM'];
export const WB_CODES = ['NY.GDP.MKTP.CD', 'NY.GDP.MKTP.KD.ZG', 'FP.CPI.TOTL.ZG', 'FP.CPI.TOTL', 'SL.UEM.TOTL.ZS', 'PA.NUS.FCRF'];
/** What the bundled extract already holds for Kazakhstan; a build without one of these is wrong. */
const EXPECTED = ['NY.GDP.MKTP.CD', 'NY.GDP.MKTP.KD.ZG', 'FP.CPI.TOTL.ZG', 'SL.UEM.TOTL.ZS', 'PA.NUS.FCRF'].map((c) => `wb.${c}.KAZ`);

export function worldBankJob(config: Config): JobDefinition {
  return {
    name: 'worldbank',
    connector: createWorldBank({
      baseUrl: config.worldBankApiUrl,
      indicators: WB_CODES,
      // The bundled extract also carries Azerbaijan; keep it, it is real data of a neighbour.
      countries: [...WB_COUNTRIES, 'AZE'],
      perPage: 1000,
      pauseMs: 1000,
      expected: EXPECTED,
    }),
    schedule: { cron: '0 7 * * 2', timezone: 'Asia/Almaty', description: 'Tuesdays 07:00 Astana time' },
    expectedCadenceDays: 400,
  };
}
