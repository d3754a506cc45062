// Economies the product follows, by ISO 3166 alpha-3 code (IMF DataMapper and World Bank both use it).
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
};

export function countryName(iso3: string): string {
  return COUNTRY_NAMES[iso3] ?? iso3;
}
