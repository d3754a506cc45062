// China's customs figures for its trade with Kazakhstan (UN Comtrade), 2014–2024: the mirror of
// Kazakhstan's own. Imported only, no schedule (no Comtrade answer has been recorded to write a
// connector against).
import type { JobModule } from '../src/runner/job.ts';
import { createComtrade } from '../src/sources/comtrade/index.ts';

export const comtrade: JobModule = {
  name: 'comtrade',
  settings: [],
  expectedCadenceDays: 400,
  connector: () => createComtrade(),
  bundled: [
    {
      from: 'trade/comtrade/comtrade_reporter_CHN_partner_KAZ_total.csv', fileName: 'comtrade_reporter_CHN_partner_KAZ_total.csv', kind: 'imported-file',
      parser: 'comtrade-csv', key: 'imported/comtrade_chn_kaz_total', retrievedAt: '2026-12-01T00:00:00Z',
      publisher: 'United Nations, UN Comtrade (comtradeapi v1 CSV)', repository: 'omirbeknikar-ship-it/dissertation-final',
      commit: '1078ec9feac9ecf46b92636cfb833cd9e80bad23', originalPath: 'Collected_Raw_Data/raw_downloads/comtrade_chn_reporter.csv',
      licence: 'UN Comtrade terms of use; repository licence does not cover the data',
      notes: 'Cut: the header and the 22 rows with partnerISO KAZ and cmdCode TOTAL (2014–2024, flows M and X), field by field; LF line endings.',
    },
  ],
};
