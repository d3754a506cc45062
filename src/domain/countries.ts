// Country names by ISO 3166 alpha-3 code. The economies the product follows have the short
// names economists write (and IMF DataMapper and the World Bank use); every other country
// gets its English name from i18n-iso-countries, which also carries Russian names.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(ru);

export const COUNTRY_NAMES: Record<string, string> = {
  KAZ: 'Kazakhstan',
  RUS: 'Russia',
  CHN: 'China',
  UZB: 'Uzbekistan',
  KGZ: 'Kyrgyz Republic',
  TJK: 'Tajikistan',
  TKM: 'Turkmenistan',
  AZE: 'Azerbaijan',
  USA: 'United States',
  DEU: 'Germany',
  NLD: 'Netherlands',
  KOR: 'Korea',
  GBR: 'United Kingdom',
  TWN: 'Taiwan Province of China',
  HKG: 'Hong Kong SAR',
};

/** Codes of countries that no longer exist (ISO 3166-3), which old trade tables still carry. */
export const FORMER_COUNTRIES: Record<string, string> = {
  SUN: 'USSR',
  CSK: 'Czechoslovakia',
  YUG: 'Yugoslavia',
  SCG: 'Serbia and Montenegro',
  ANT: 'Netherlands Antilles',
  DDR: 'German Democratic Republic',
  YMD: "Yemen, People's Democratic Republic",
  // North Yemen kept the code YEM on unification in 1990; DOTS lists both, so the former state gets its own.
  YAR: 'Yemen Arab Republic',
};

export function countryName(iso3: string): string {
  return COUNTRY_NAMES[iso3] ?? FORMER_COUNTRIES[iso3] ?? countries.getName(iso3, 'en', { select: 'official' }) ?? iso3;
}

/** Whether the library knows this alpha-3 code (a current ISO 3166-1 country or territory). */
export function isIsoCountry(iso3: string): boolean {
  return countries.isValid(iso3) && iso3.length === 3;
}

/** Alpha-3 code for an alpha-2 code (wiiw, Comtrade partner codes), if the library knows it. */
export function alpha2ToAlpha3(code: string): string | undefined {
  return countries.alpha2ToAlpha3(code) ?? undefined;
}

/** Every name the library has for each country in a language, by alpha-3 code. */
export function countryNameIndex(lang: 'en' | 'ru'): Array<[iso3: string, names: string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const [a2, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
    const a3 = countries.alpha2ToAlpha3(a2);
    if (a3) out.push([a3, names]);
  }
  return out;
}

const require = createRequire(import.meta.url);
const registered = new Set(['en', 'ru']);

/** The library's name of a country in a language (a page in Russian, Kazakh…), if it has one. */
export function countryNameIn(iso3: string, lang: string): string | undefined {
  if (!registered.has(lang)) {
    try {
      countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    } catch {
      return undefined;
    }
    registered.add(lang);
  }
  return countries.getName(iso3, lang, { select: 'official' }) ?? undefined;
}
