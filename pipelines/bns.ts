// Kazakhstan's trade by partner from the Bureau of National Statistics: five annual releases
// (2019–2023), each with its year and the year before. Imported only: BNS has no API the
// product reads, so there is no schedule; a new release is one more bundled file.
import type { BundledFile, JobModule } from '../src/runner/job.ts';
import { createBns } from '../src/sources/bns/index.ts';

const release = (stem: string, original: string, notes = ''): BundledFile => ({
  from: `trade/bns/${stem}.xlsx`, fileName: `${stem}.xlsx`, kind: 'imported-file',
  parser: 'bns-xlsx', key: `imported/${stem}`, retrievedAt: '2026-12-01T00:00:00Z',
  publisher: 'Bureau of National Statistics of the Republic of Kazakhstan',
  repository: 'mary-lev/eu-export-sanctions', commit: 'aecc5ff270863e05ce7fae7faf0be452a9146188',
  originalPath: `data/kazakhstan_data/${original}`, licence: 'Official statistics of the Republic of Kazakhstan; repository licence does not cover the data',
  notes: `The original .xls converted to .xlsx with LibreOffice 7 (every non-empty cell checked equal, trade/PROVENANCE.md). Thousand US dollars.${notes}`,
});

export const bns: JobModule = {
  name: 'bns',
  settings: [],
  // BNS publishes the by-country table once a year, in July.
  expectedCadenceDays: 400,
  connector: () => createBns(),
  bundled: [
    release('bns_main_foreign_trade_indicators_2019', 'Основные показатели внешней торговли_2019.xls'),
    release('bns_main_foreign_trade_indicators_2020', 'Основные показатели внешней торговли_2020.xls'),
    release('bns_main_foreign_trade_indicators_2021', 'Основные показатели внешней торговли_2021.xls'),
    release('bns_main_foreign_trade_indicators_by_country_2022', 'Основные показатели внешней торговли по странам_2022.xls'),
    release('bns_main_foreign_trade_indicators_by_country_2023', 'Основные показатели внешней торговли по странам_2023.xls', ' Cover: "Дата опубликования: 25.07.2024".'),
  ],
};
