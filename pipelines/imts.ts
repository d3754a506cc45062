// IMF trade in goods for Kazakhstan with Russia, China, the EU and the world, and the mirror
// view from Russia and China. Monthly data lag by a few months; a weekly look is plenty.
import type { Config } from '../src/config.ts';
import type { JobDefinition } from '../src/pipeline/job.ts';
import { createImts } from '../src/sources/imf-imts.ts';

export function imtsJob(config: Config): JobDefinition {
  return {
    name: 'imts',
    connector: createImts({
      baseUrl: config.imfSdmxUrl,
      indicators: ['XG_FOB_USD', 'MG_CIF_USD'],
      counterparts: ['RUS', 'CHN', 'G998', 'G001'],
      mirrorReporters: ['RUS', 'CHN'],
      frequencies: ['A', 'M'],
      pauseMs: 1000,
    }),
    schedule: { cron: '0 7 * * 3', timezone: 'Asia/Almaty', description: 'Wednesdays 07:00 Astana time' },
    expectedCadenceDays: 120,
  };
}
