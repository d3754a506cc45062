// What every nbk.<CCY> series says about itself, whichever NBK endpoint a date came from.
import { Decimal } from 'decimal.js';
import type { Observation, Publisher, SeriesDescription, Vintage } from '../../domain/series.ts';
import type { ParsedSeries } from '../../domain/source-data.ts';
import { rateId } from './words.ts';

export const NBK_PUBLISHER: Publisher = {
  name: 'National Bank of the Republic of Kazakhstan, official (market) exchange rates',
  url: 'https://nationalbank.kz/en/exchangerates/ezhednevnye-oficialnye-rynochnye-kursy-valyut',
  licence: 'Public regulatory information; no open-data licence published. Attribute "National Bank of the Republic of Kazakhstan (nationalbank.kz)".',
  citation: 'National Bank of the Republic of Kazakhstan, Daily official (market) foreign exchange rates',
};

/** NBK rates have no vintages: one official value per date (corrections show as conflicts). */
export const NBK_VINTAGE: Vintage = { key: 'official', label: 'NBK official rates' };

export const NBK_DATE_CONVENTION =
  'The rate for date D is announced on D−1 from that day\'s trading (USD: KASE weighted average at 15:30 Astana time; ' +
  'others: cross rates via USD). Weekends and holidays carry the last rate; dates on which no tracked currency changed ' +
  'are not stored, so each row is an announcement day.';

export const CURRENCY_NAMES: Record<string, string> = {
  USD: 'US dollar', EUR: 'euro', RUB: 'Russian rouble', CNY: 'Chinese yuan', GBP: 'pound sterling', JPY: 'Japanese yen',
  CHF: 'Swiss franc', TRY: 'Turkish lira', KGS: 'Kyrgyz som', UZS: 'Uzbek sum', BYN: 'Belarusian rouble', AUD: 'Australian dollar',
  CAD: 'Canadian dollar', NOK: 'Norwegian krone', ZAR: 'South African rand',
};

/** The feed's other currencies get ICU's English name (built into Node; no table to keep). */
const ICU_CURRENCY_NAMES = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'code' });

export function currencyName(ccy: string): string {
  return CURRENCY_NAMES[ccy] ?? ICU_CURRENCY_NAMES.of(ccy) ?? ccy;
}

export function nbkDescription(ccy: string): SeriesDescription {
  const notes = ['Rates are published rounded to 2 decimals per quoted quantity (quant), so small rates have few significant digits.'];
  if (ccy === 'BYN') notes.push('Before 2 July 2016 the values are per old Belarusian rouble (BYR); 1 BYN = 10,000 BYR since the redenomination.');
  return {
    title: `Official rate: tenge per ${currencyName(ccy)} (${ccy})`,
    unit: `tenge per 1 ${ccy}`,
    scale: 'units',
    frequency: 'daily',
    country: 'KAZ',
    dateConvention: NBK_DATE_CONVENTION,
    notes,
  };
}

/** One currency's rates as any NBK endpoint delivers them. */
export function parsedRateSeries(ccy: string, precedence: number, observations: Observation[]): ParsedSeries {
  return { id: rateId(ccy), description: nbkDescription(ccy), vintage: NBK_VINTAGE, precedence, observations };
}

/** description / quant; quant is a power of ten in every answer seen, so shift the decimal point exactly. */
export function ratePerUnit(description: string, quant: string): number {
  if (/^10*$/.test(quant)) {
    const zeros = quant.length - 1;
    const [int, frac = ''] = description.split('.');
    const digits = int.padStart(zeros + 1, '0') + frac;
    const point = digits.length - frac.length - zeros;
    return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
  }
  return new Decimal(description).div(quant).toNumber();
}
