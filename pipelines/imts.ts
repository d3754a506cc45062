// IMF trade in goods: Kazakhstan against every counterpart, and every reporter's trade with
// Kazakhstan (the mirror view). Monthly data lag by a few months; a weekly look is plenty.
import { urlSetting, type BundledFile, type JobModule } from '../src/runner/job.ts';
import { createImts } from '../src/sources/imf-imts/index.ts';
import { countryNameIndex } from '../src/domain/countries.ts';

/** A DOTS workbook (IMF Excel download of February 2022): Kazakhstan's own, or a partner's mirror view. */
const dots = (n: number, reporter: string): BundledFile => ({
  from: `trade/dots/DOTS_${n}.xlsx`, fileName: `DOTS_${n}.xlsx`, kind: 'imported-file',
  parser: 'dots-xlsx', key: `imported/dots_${n}`, retrievedAt: '2026-12-01T00:00:00Z',
  publisher: `International Monetary Fund, Direction of Trade Statistics (reporter: ${reporter})`, repository: 'SamLeBlanc/Direction-of-Trade-Map',
  commit: 'a769819d9b25a21a362d6cabfb10f150903f834d', originalPath: `data/DOTS/DOTS_${n}.xlsx`,
  licence: 'Repository MIT; data © IMF, https://www.imf.org/external/terms.htm',
  notes: 'Byte for byte. US$ millions; "0.14 e" cells are IMF estimates. Downloaded on or before 2022-02-02 (annual 2021 not yet there).',
});

export const imts: JobModule = {
  name: 'imts',
  settings: [urlSetting('IMF_SDMX_URL', 'https://api.imf.org/external/sdmx/3.0', 'IMF SDMX 3.0 API (trade in goods, IMTS).')],
  schedule: { cron: '0 7 * * 3', timezone: 'Asia/Almaty', description: 'Wednesdays 07:00 Astana time' },
  expectedCadenceDays: 120,
  connector: (s) =>
    createImts({
      baseUrl: s.IMF_SDMX_URL,
      indicators: ['XG_FOB_USD', 'MG_CIF_USD'],
      requiredCounterparts: ['RUS', 'CHN', 'G998', 'G001'],
      frequencies: ['A', 'M'],
      // IMTS codes partners by ISO 3166 alpha-3 and groups by the IMF's own codes (world, EU, euro area).
      codelist: [...countryNameIndex('en').map(([iso3]) => iso3).sort(), 'G001', 'G998', 'G163'],
      chunkSize: 60,
      pauseMs: 1000,
    }),
  bundled: [dots(103, 'Kazakhstan'), dots(40, 'China'), dots(162, 'Russia'), dots(210, 'Uzbekistan')],
};
