// World Bank WDI vocabulary shared by the API parser and the bundled extract.
import type { Publisher, SeriesDescription, Vintage } from '../../domain/series.ts';
import { countryName } from '../../domain/countries.ts';

export const WB_PUBLISHER: Publisher = {
  name: 'World Bank, World Development Indicators',
  url: 'https://data.worldbank.org/',
  licence: 'CC BY 4.0 (World Bank Terms of Use for Datasets)',
  citation: 'World Bank, World Development Indicators',
};

export const WB_INDICATORS: Record<string, { title: string; unit: string; scale: string }> = {
  'NY.GDP.MKTP.CD': { title: 'GDP (current US$)', unit: 'US dollars', scale: 'units' },
  'NY.GDP.MKTP.KD.ZG': { title: 'GDP growth (annual %, constant prices)', unit: 'percent change from previous year', scale: 'units' },
  'FP.CPI.TOTL.ZG': { title: 'Inflation, consumer prices (annual %)', unit: 'percent change from previous year', scale: 'units' },
  'FP.CPI.TOTL': { title: 'Consumer price index (2010 = 100)', unit: 'index, 2010 = 100', scale: 'units' },
  'SL.UEM.TOTL.ZS': { title: 'Unemployment, total (% of total labor force, modeled ILO estimate)', unit: 'percent of total labor force', scale: 'units' },
  'PA.NUS.FCRF': { title: 'Official exchange rate (LCU per US$, period average)', unit: 'local currency units per US dollar, annual average', scale: 'units' },
  'NE.EXP.GNFS.ZS': { title: 'Exports of goods and services (% of GDP)', unit: 'percent of GDP', scale: 'units' },
  'NE.IMP.GNFS.ZS': { title: 'Imports of goods and services (% of GDP)', unit: 'percent of GDP', scale: 'units' },
};

export function description(code: string, iso3: string): SeriesDescription {
  const info = WB_INDICATORS[code] ?? { title: code, unit: '', scale: 'units' };
  return { title: `${countryName(iso3)}: ${info.title}`, unit: info.unit, scale: info.scale, frequency: 'annual', country: iso3 };
}

export const wbVintage = (lastUpdated: string): Vintage => ({ key: lastUpdated, label: `WDI, last updated ${lastUpdated}` });

