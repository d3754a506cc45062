// IMF trade in goods for Kazakhstan with Russia, China, the EU and the world, and the mirror
// view from Russia and China. Monthly data lag by a few months; a weekly look is plenty.
import { urlSetting, type JobModule } from '../src/runner/job.ts';
import { createImts } from '../src/sources/imf-imts/index.ts';

export const imts: JobModule = {
  name: 'imts',
  settings: [urlSetting('IMF_SDMX_URL', 'https://api.imf.org/external/sdmx/3.0', 'IMF SDMX 3.0 API (trade in goods, IMTS).')],
  schedule: { cron: '0 7 * * 3', timezone: 'Asia/Almaty', description: 'Wednesdays 07:00 Astana time' },
  expectedCadenceDays: 120,
  connector: (s) =>
    createImts({
      baseUrl: s.IMF_SDMX_URL,
      indicators: ['XG_FOB_USD', 'MG_CIF_USD'],
      counterparts: ['RUS', 'CHN', 'G998', 'G001'],
      mirrorReporters: ['RUS', 'CHN'],
      frequencies: ['A', 'M'],
      pauseMs: 1000,
    }),
};
