// NBK official exchange rates. The rate for a day is fixed at 15:30 Astana time on the
// trading day before, so the daily run is on working days at 16:30, for tomorrow's rate.
import { urlSetting, type BundledFile, type JobModule } from '../src/runner/job.ts';
import { createNbk, type NbkOptions } from '../src/sources/nbk/index.ts';

export const NBK_CURRENCIES = ['USD', 'EUR', 'RUB', 'CNY', 'GBP', 'JPY', 'CHF', 'TRY', 'KGS', 'UZS', 'BYN', 'AUD', 'CAD', 'NOK', 'ZAR'];

/**
 * The export form's internal currency ids, as read off the form by the public scraper
 * BakdauletBolatA/tenge-fx-analysis (src/config.py, commit 93a3690a). Check them against the
 * live form when a network is there.
 */
export const NBK_EXPORT_IDS: Record<string, number> = {
  USD: 5, EUR: 6, RUB: 16, CNY: 8, GBP: 2, JPY: 26, CHF: 23, CAD: 7, NOK: 14, AUD: 1, TRY: 41, UZS: 20, KGS: 10, BYN: 38, ZAR: 40,
};

export function nbkOptions(s: Readonly<Record<string, string>>): NbkOptions {
  return {
    feedUrl: s.NBK_RATES_URL,
    excelUrl: s.NBK_EXCEL_URL,
    currencies: NBK_CURRENCIES,
    exportIds: NBK_EXPORT_IDS,
    feedArchiveStart: '2021-05-01',
    inFlight: 4,
    exportChunkYears: 4,
    exportPauseMs: 2000,
    checkpointEvery: 250,
    jumpFactor: 10,
    structuralBreaks: [
      { currency: 'BYN', date: '2016-07-02', reason: 'Belarusian rouble redenomination, 1 BYN = 10,000 BYR (1 July 2016)' },
    ],
  };
}

const recordedAnswer = (date: string): BundledFile => ({
  from: `nbk/raw/get_rates_fdate=${date}.xml`, fileName: `get_rates_fdate=${date}.xml`, kind: 'http',
  parser: 'get-rates', key: `get_rates/${date}`, retrievedAt: '2026-04-08T13:43:25Z',
  url: `https://nationalbank.kz/rss/get_rates.cfm?fdate=${date.split('-').reverse().join('.')}`, status: 200, contentType: 'text/xml; charset=UTF-8',
  request: { date },
  publisher: 'National Bank of the Republic of Kazakhstan', repository: 'lineofflight/frankfurter', commit: 'dbabfce73a56b4900f503534610f39a0b4c2150e',
  originalPath: 'spec/vcr_cassettes/nbk.yml', licence: 'NBK official rates, public regulatory information',
  notes: 'A real answer recorded by frankfurter\'s VCR cassette (body decoded from base64; length equals Content-Length).',
});

export const nbk: JobModule = {
  name: 'nbk',
  settings: [
    urlSetting('NBK_RATES_URL', 'https://nationalbank.kz/rss/get_rates.cfm', 'NBK daily rates feed (the connector adds ?fdate=DD.MM.YYYY).'),
    urlSetting('NBK_EXCEL_URL', 'https://nationalbank.kz/ru/exchangerates/ezhednevnye-oficialnye-rynochnye-kursy-valyut/excel', 'NBK Excel export, for history before the feed\'s archive (May 2021).'),
  ],
  schedule: { cron: '30 16 * * 1-5', timezone: 'Asia/Almaty', description: 'working days 16:30 Astana time, after the 15:30 fixing' },
  // Weekends and Nauryz holidays run up to five days without a new announcement.
  expectedCadenceDays: 6,
  connector: (s) => createNbk(nbkOptions(s)),
  bundled: [
    {
      from: 'nbk/nbk_official_rates_daily_2005-2026.csv', fileName: 'nbk_official_rates_daily_2005-2026.csv', kind: 'imported-file',
      parser: 'history-csv', key: 'imported/nbk_daily_2005_2026', retrievedAt: '2026-11-28T00:00:00Z',
      publisher: 'National Bank of the Republic of Kazakhstan (official rates, Excel export)',
      repository: 'BakdauletBolatA/tenge-fx-analysis', commit: 'd694c4321589d8ddd602df1ecfc1dcc2023325f8',
      originalPath: 'data/processed/rates_daily_long.csv', licence: 'Repository MIT; NBK official rates, public regulatory information',
      notes: 'Tenge per 1 unit (divided by quant), days on which no currency changed removed. See PROVENANCE.md §1.',
    },
    recordedAnswer('2026-04-01'),
    recordedAnswer('2026-04-02'),
  ],
};
