// World Economic Outlook vocabulary shared by the live DataMapper connector and the bundled
// WEO extract: indicator titles and units, vintage labels, the IMF's terms.
import { PipelineError } from '../../domain/errors.ts';
import type { Publisher, SeriesDescription, Vintage } from '../../domain/series.ts';
import { countryName } from '../../domain/countries.ts';

export const IMF_PUBLISHER: Publisher = {
  name: 'International Monetary Fund, World Economic Outlook',
  url: 'https://www.imf.org/external/datamapper/',
  licence: 'IMF Copyright and Usage (data may be reused with attribution): https://www.imf.org/external/terms.htm',
  citation: 'International Monetary Fund, World Economic Outlook',
};

export const WEO_INDICATORS: Record<string, { title: string; unit: string; scale: string }> = {
  NGDPD: { title: 'GDP, current prices', unit: 'billions of US dollars', scale: 'billions' },
  NGDP_RPCH: { title: 'Real GDP growth', unit: 'percent change from previous year', scale: 'units' },
  PCPIPCH: { title: 'Inflation, average consumer prices', unit: 'percent change from previous year', scale: 'units' },
  PCPIEPCH: { title: 'Inflation, end of period consumer prices', unit: 'percent change from previous year', scale: 'units' },
  PCPI: { title: 'Consumer prices, period average', unit: 'index', scale: 'units' },
  PCPIE: { title: 'Consumer prices, end of period', unit: 'index', scale: 'units' },
  LUR: { title: 'Unemployment rate', unit: 'percent of total labor force', scale: 'units' },
  BCA_NGDPD: { title: 'Current account balance', unit: 'percent of GDP', scale: 'units' },
  GGXWDG_NGDP: { title: 'General government gross debt', unit: 'percent of GDP', scale: 'units' },
  NGDPDPC: { title: 'GDP per capita, current prices', unit: 'US dollars per person', scale: 'units' },
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 'World Economic Outlook (April 2026)' or 'WEO April 2024' → { key: '2026-04', label: 'WEO April 2026' }. */
export function weoVintage(text: string): Vintage {
  const m = /(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})/i.exec(text);
  if (!m) throw new PipelineError('IMF_VINTAGE_UNKNOWN', `cannot read a WEO vintage (month and year) from ${JSON.stringify(text)}`);
  const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
  const name = m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
  return { key: `${m[2]}-${String(month).padStart(2, '0')}`, label: `WEO ${name} ${m[2]}` };
}

export function weoDescription(indicator: string, iso3: string, lastActualYear?: number): SeriesDescription {
  const info = WEO_INDICATORS[indicator] ?? { title: indicator, unit: '', scale: 'units' };
  const d: SeriesDescription = {
    title: `${countryName(iso3)}: ${info.title}`,
    unit: info.unit,
    scale: info.scale,
    frequency: 'annual',
    country: iso3,
    notes: ['IMF WEO values after the last actual year are projections.'],
  };
  if (lastActualYear !== undefined) d.lastActualYear = lastActualYear;
  return d;
}

