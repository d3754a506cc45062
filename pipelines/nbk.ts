// NBK official exchange rates. The rate for a day is fixed at 15:30 Astana time on the
// trading day before, so the daily run is on working days at 16:30, for tomorrow's rate.
import type { Config } from '../src/config.ts';
import type { JobDefinition } from '../src/pipeline/job.ts';
import { createNbk, type NbkOptions } from '../src/sources/nbk.ts';

export const NBK_CURRENCIES = ['USD', 'EUR', 'RUB', 'CNY', 'GBP', 'JPY', 'CHF', 'TRY', 'KGS', 'UZS', 'BYN', 'AUD', 'CAD', 'NOK', 'ZAR'];

/**
 * The export form's internal currency ids, as read off the form by the public scraper
 * BakdauletBolatA/tenge-fx-analysis (src/config.py, commit 93a3690a). Check them against the
 * live form when a network is there.
 */
export const NBK_EXPORT_IDS: Record<string, number> = {
  USD: 5, EUR: 6, RUB: 16, CNY: 8, GBP: 2, JPY: 26, CHF: 23, CAD: 7, NOK: 14, AUD: 1, TRY: 41, UZS: 20, KGS: 10, BYN: 38, ZAR: 40,
};

export function nbkOptions(config: Config): NbkOptions {
  return {
    feedUrl: config.nbkRatesUrl,
    excelUrl: config.nbkExcelUrl,
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

export function nbkJob(config: Config): JobDefinition {
  return {
    name: 'nbk',
    connector: createNbk(nbkOptions(config)),
    schedule: { cron: '30 16 * * 1-5', timezone: 'Asia/Almaty', description: 'working days 16:30 Astana time, after the 15:30 fixing' },
    // Weekends and Nauryz holidays run up to five days without a new announcement.
    expectedCadenceDays: 6,
  };
}
