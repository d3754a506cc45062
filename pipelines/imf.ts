// IMF World Economic Outlook headline indicators via the DataMapper API.
// WEO vintages change in April and October; a weekly look is plenty.
import type { Config } from '../src/config.ts';
import type { JobDefinition } from '../src/pipeline/job.ts';
import { createImfDataMapper } from '../src/sources/imf-datamapper.ts';

export const IMF_COUNTRIES = ['KAZ', 'RUS', 'CHN', 'UZB', 'KGZ'];
export const IMF_INDICATORS = ['PCPIPCH', 'PCPIEPCH', 'PCPI', 'PCPIE', 'NGDPD', 'NGDP_RPCH', 'LUR'];

export function imfJob(config: Config): JobDefinition {
  return {
    name: 'imf',
    connector: createImfDataMapper({ baseUrl: config.imfDataMapperUrl, indicators: IMF_INDICATORS, countries: IMF_COUNTRIES, pauseMs: 1000 }),
    schedule: { cron: '0 6 * * 1', timezone: 'Asia/Almaty', description: 'Mondays 06:00 Astana time' },
    // WEO is published twice a year; allow a little slack past six months.
    expectedCadenceDays: 200,
  };
}
