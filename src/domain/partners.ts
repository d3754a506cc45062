// Trade and investment partners: a country by its ISO 3166 alpha-3 code, or a group by a code
// of its own. A group is never a country: pages and checks sum countries, never groups.
// Codes used by the IMF keep the IMF's code (G001 world, G998 EU, G163 euro area); the
// others are named here, each with the publisher whose table defines its membership.
import { countryName } from './countries.ts';

export interface PartnerGroup {
  code: string;
  en: string;
  /** Whose definition of membership this is. */
  definedBy: string;
}

const g = (code: string, en: string, definedBy: string): PartnerGroup => ({ code, en, definedBy });

export const PARTNER_GROUPS: readonly PartnerGroup[] = [
  g('G001', 'the world', 'the reporting statistics office (all partners)'),
  g('G998', 'the European Union', 'the publisher, in its membership of the year (EU-27 from 2020)'),
  g('G163', 'the euro area', 'IMF DOTS'),
  g('GCIS', 'the CIS', 'BNS'),
  g('GEAEU', 'the Eurasian Economic Union', 'BNS (Armenia, Belarus, Kyrgyzstan, Russia)'),
  g('GCIS_NONEAEU', 'the CIS outside the EAEU', 'BNS'),
  g('GNONCIS', 'countries outside the CIS', 'BNS'),
  g('GEUROPE', 'Europe', 'BNS'),
  g('GEUROPE_NONEU', 'Europe outside the EU', 'BNS'),
  g('GASIA', 'Asia', 'BNS'),
  g('GAMERICA', 'the Americas', 'BNS'),
  g('GAFRICA', 'Africa', 'BNS'),
  g('GOCEANIA', 'Australia and Oceania', 'BNS'),
  g('GIMF_ADV', 'advanced economies', 'IMF DOTS'),
  g('GIMF_EMDE', 'emerging and developing economies', 'IMF DOTS'),
  g('GIMF_EDASIA', 'emerging and developing Asia', 'IMF DOTS'),
  g('GIMF_EDEUR', 'emerging and developing Europe', 'IMF DOTS'),
  g('GIMF_MECA', 'the Middle East and Central Asia', 'IMF DOTS'),
  g('GIMF_SSA', 'sub-Saharan Africa', 'IMF DOTS'),
  g('GIMF_WH', 'the Western Hemisphere', 'IMF DOTS'),
  g('GIMF_AFRICA', 'Africa (IMF memorandum item)', 'IMF DOTS'),
  g('GIMF_ME', 'the Middle East (IMF memorandum item)', 'IMF DOTS'),
  g('GIMF_FUEL', 'fuel-exporting emerging and developing economies', 'IMF DOTS'),
  g('GIMF_NONFUEL', 'non-fuel-exporting emerging and developing economies', 'IMF DOTS'),
  g('GIMF_SPECIAL', 'special categories', 'IMF DOTS'),
  g('GIMF_NS', 'countries and areas not specified', 'IMF DOTS'),
  g('GIMF_OTHER', 'other countries not included elsewhere', 'IMF DOTS'),
  g('GIMF_ASIA_NS', 'Asia not specified', 'IMF DOTS'),
  g('GIMF_EUR_NS', 'Europe not specified', 'IMF DOTS'),
  g('GIMF_AFR_NS', 'Africa not specified', 'IMF DOTS'),
  g('GIMF_WH_NS', 'Western Hemisphere not specified', 'IMF DOTS'),
  g('GIMF_MECA_NS', 'Middle East and Central Asia not specified', 'IMF DOTS'),
  g('GBLX', 'Belgium-Luxembourg (before 1997)', 'IMF DOTS'),
  g('GEU28', 'the EU-28 (2013–2020)', 'wiiw'),
  g('GEU15', 'the EU-15 (1995–2004)', 'wiiw'),
  g('GEU27_2020', 'the EU-27 (2020 composition)', 'Eurostat (EU27_2020: the 27 members since February 2020, in every period)'),
  g('GEA20', 'the euro area of 20 members', 'Eurostat (EA20: the 20 members since 2023, in every period)'),
  g('GEA', 'the euro area in its membership of the period', 'Eurostat'),
  g('GEXTRA_EU27', 'countries outside the EU-27 (extra-EU trade)', 'Eurostat (from 2020)'),
  g('GINTRA_EU27', 'the EU-27 members (intra-EU trade)', 'Eurostat (from 2020)'),
  g('GESTAT_SECRET_EXTRA', 'countries not specified for commercial or military reasons (extra-EU trade)', 'Eurostat'),
  g('GESTAT_SECRET_INTRA', 'countries not specified for commercial or military reasons (intra-EU trade)', 'Eurostat'),
  g('GESTAT_NS_EXTRA', 'countries and territories not specified (extra-EU trade)', 'Eurostat'),
  g('GESTAT_NS_INTRA', 'countries and territories not specified (intra-EU trade)', 'Eurostat'),
  g('GESTAT_STORES_EXTRA', 'stores and provisions (extra-EU trade)', 'Eurostat'),
  g('GESTAT_STORES_INTRA', 'stores and provisions (intra-EU trade)', 'Eurostat'),
  g('GESTAT_HIGH_SEAS', 'the high seas', 'Eurostat'),
  g('GESTAT_CEUTA', 'Ceuta', 'Eurostat (a territory listed on its own, with no ISO 3166 code)'),
  g('GESTAT_MELILLA', 'Melilla', 'Eurostat (a territory listed on its own, with no ISO 3166 code)'),
];

const BY_CODE = new Map(PARTNER_GROUPS.map((x) => [x.code, x]));

export function isGroup(code: string): boolean {
  return BY_CODE.has(code);
}

/** English name of a partner code, country or group. */
export function partnerName(code: string): string {
  return BY_CODE.get(code)?.en ?? countryName(code);
}

/** The European Union of 27 members (from 1 February 2020), a fixed composition for every year:
 *  a publisher's own EU row follows the membership of its year (BNS's counts the UK to 2022). */
export const EU27_2020 = ['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE'] as const;

/** Central Asia as the paper uses it: Kazakhstan's four neighbours in the region. No source
 *  publishes it as a group; the partners page sums these four countries and says so. */
export const CENTRAL_ASIA = ['KGZ', 'TJK', 'TKM', 'UZB'] as const;

/** What every page and series showing FDI by partner says (wiiw's figures from NBK data). */
export const NET_FDI_CAVEAT =
  'Net, directional FDI (BPM6 from 2013): equity, reinvested earnings and debt instruments, with withdrawals and repayments subtracted, so a year can be negative; each partner is the immediate investor\'s country (money routed through the Netherlands counts as Dutch). Not the "gross inflow" (валовый приток) totals officials quote, which count money coming in without subtracting what goes out, are several times larger and are not comparable with these.';
