// Partner names as trade tables print them → partner codes (see domain/partners.ts). Countries
// come from i18n-iso-countries (Russian and English names, with their alternatives); this file
// holds only what the library lacks, each entry read off a real table (BNS in Russian, IMF DOTS
// in English). An unknown name is not guessed: the caller fails the import naming the cell.
import { countryNameIndex } from '../../domain/countries.ts';

export type PartnerLanguage = 'ru' | 'en';

/** Group rows, by the exact (normalised) name each publisher prints. */
const GROUP_NAMES: Record<PartnerLanguage, Record<string, string>> = {
  ru: {
    'всего': 'G001',
    'всего в том числе': 'G001',
    'страны снг': 'GCIS',
    'страны еаэс': 'GEAEU',
    'страны вне еаэс': 'GCIS_NONEAEU',
    'остальные страны мира': 'GNONCIS',
    'европа': 'GEUROPE',
    'страны ес': 'G998',
    'страны вне ес': 'GEUROPE_NONEU',
    'азия': 'GASIA',
    'америка': 'GAMERICA',
    'африка': 'GAFRICA',
    'австралия и океания': 'GOCEANIA',
  },
  en: {
    'world': 'G001',
    'european union': 'G998',
    'euro area': 'G163',
    'advanced economies': 'GIMF_ADV',
    'emerging and developing economies': 'GIMF_EMDE',
    'emerging and developing asia': 'GIMF_EDASIA',
    'emerging and developing europe': 'GIMF_EDEUR',
    'middle east and central asia': 'GIMF_MECA',
    'sub-saharan africa': 'GIMF_SSA',
    'western hemisphere': 'GIMF_WH',
    'africa': 'GIMF_AFRICA',
    'middle east': 'GIMF_ME',
    'emerging market and developing economies by source of export earnings: fuel': 'GIMF_FUEL',
    'emerging market and developing economies by source of export earnings: nonfuel': 'GIMF_NONFUEL',
    'special categories': 'GIMF_SPECIAL',
    'countries & areas not specified': 'GIMF_NS',
    'other countries not included elsewhere': 'GIMF_OTHER',
    'asia not specified': 'GIMF_ASIA_NS',
    'europe not specified': 'GIMF_EUR_NS',
    'africa not specified': 'GIMF_AFR_NS',
    'western hemisphere not specified': 'GIMF_WH_NS',
    'middle east and central asia not specified': 'GIMF_MECA_NS',
    'belgium-luxembourg': 'GBLX',
  },
};

/** Country names the library does not carry in the publisher's spelling (reviewed by hand). */
const REVIEWED: Record<PartnerLanguage, Record<string, string>> = {
  ru: {
    'кыргызстан': 'KGZ', 'молдова, республика': 'MDA', 'туркменистан': 'TKM', 'чешская республика': 'CZE',
    'соединенное королевство': 'GBR', 'республика латвия': 'LVA', 'фарерские острова': 'FRO', 'гибралтар (брит.)': 'GIB',
    'черногория (монтенегро)': 'MNE', 'македония': 'MKD', 'французские южные территории': 'ATF', 'французкие южные территории': 'ATF',
    'объединенные арабские эмираты': 'ARE', 'бруней-даруссалам': 'BRN', 'китай': 'CHN', 'ирак, республика ирак': 'IRQ',
    'иран, исламская республика': 'IRN', 'корея, народно-демократическая республика': 'PRK', 'лаосская народно-демократическая республика': 'LAO',
    'палестина, государство': 'PSE', 'сирийская арабская республика': 'SYR', 'тайвань (китай)': 'TWN', 'ангилья (брит.)': 'AIA',
    'французская гвиана': 'GUF', 'каймановы острова (брит.)': 'CYM', 'острова теркс и кайкос': 'TCA',
    'малые тихоокеан. отдаленные остроа сша': 'UMI', 'малые тихоокеан. отдален. острова сша': 'UMI', 'малые тихоокеан.отдален.ост-ва с.ш.': 'UMI',
    'соединенные штаты америки': 'USA', 'виргинские острова (брит.)': 'VGB', 'виргинские острова, сша': 'VIR', 'виргинские острова (сша)': 'VIR',
    'центрально-африканская республика': 'CAF', 'конго': 'COG', "кот-д'ивуар": 'CIV', 'сейшелы': 'SYC', 'свазиленд': 'SWZ',
    'танзания, объединенная республика': 'TZA', 'южная африка': 'ZAF', 'кокосовые (килинг) острова': 'CCK', 'гуам (сша)': 'GUM',
    'папуа-новая гвинея': 'PNG', 'самоа, независимое государство': 'WSM', 'коморские острова': 'COM', 'остров святой елены': 'SHN',
    'ватикан, государство-город': 'VAT', 'микронезия, федеративные штаты': 'FSM', 'тимор-лесте': 'TLS', 'западная сахара': 'ESH',
    'южн.джорджия и южн.сандвич.острова': 'SGS', 'фолклендские острова (мальвинские)': 'FLK', 'питкерн': 'PCN', 'острова кука (н.зел.)': 'COK',
  },
  en: {
    'estonia, rep. of': 'EST', 'netherlands, the': 'NLD', 'slovak rep.': 'SVK', 'slovenia, rep. of': 'SVN', 'china, p.r.: hong kong': 'HKG',
    'china, p.r.: macao': 'MAC', 'czech rep.': 'CZE', 'korea, rep. of': 'KOR', 'san marino, rep. of': 'SMR', 'taiwan province of china': 'TWN',
    'holy see': 'VAT', 'china, p.r.: mainland': 'CHN', "lao people's dem. rep.": 'LAO', 'belarus, rep. of': 'BLR', 'croatia, rep. of': 'HRV',
    'czechoslovakia': 'CSK', 'moldova, rep. of': 'MDA', 'north macedonia, republic of': 'MKD', 'poland, rep. of': 'POL', 'serbia, rep. of': 'SRB',
    'serbia and montenegro': 'SCG', 'afghanistan, islamic rep. of': 'AFG', 'armenia, rep. of': 'ARM', 'azerbaijan, rep. of': 'AZE',
    'bahrain, kingdom of': 'BHR', 'egypt, arab rep. of': 'EGY', 'iran, islamic rep. of': 'IRN', 'kyrgyz rep.': 'KGZ',
    'mauritania, islamic rep. of': 'MRT', 'syrian arab rep.': 'SYR', 'tajikistan, rep. of': 'TJK', 'uzbekistan, rep. of': 'UZB',
    'yemen, rep. of': 'YEM', 'central african rep.': 'CAF', 'congo, dem. rep. of the': 'COD', 'congo, rep. of': 'COG',
    'equatorial guinea, rep. of': 'GNQ', 'ethiopia, the federal dem. rep. of': 'ETH', 'gambia, the': 'GMB', 'madagascar, rep. of': 'MDG',
    'mozambique, rep. of': 'MOZ', 'south sudan, rep. of': 'SSD', 'tanzania, united rep. of': 'TZA', 'aruba, kingdom of the netherlands': 'ABW',
    'bahamas, the': 'BHS', 'dominican rep.': 'DOM', 'venezuela, rep. bolivariana de': 'VEN', "korea, dem. people's rep. of": 'PRK',
    'fiji, rep. of': 'FJI', 'marshall islands, rep. of the': 'MHL', 'nauru, rep. of': 'NRU', 'timor-leste, dem. rep. of': 'TLS',
    'west bank and gaza': 'PSE', 'cabo verde': 'CPV', 'comoros, union of the': 'COM', 'eritrea, the state of': 'ERI',
    'eswatini, kingdom of': 'SWZ', 'lesotho, kingdom of': 'LSO', 'são tomé and príncipe, dem. rep. of': 'STP', 'netherlands antilles': 'ANT',
    'st. kitts and nevis': 'KNA', 'st. lucia': 'LCA', 'st. vincent and the grenadines': 'VCT', 'palau, rep. of': 'PLW', 'yugoslavia': 'YUG',
    'kazakhstan, rep. of': 'KAZ', 'sint maarten, kingdom of the netherlands': 'SXM', 'ussr': 'SUN', 'yemen arab rep.': 'YAR',
    "yemen, people's dem. rep. of": 'YMD', 'curaçao, kingdom of the netherlands': 'CUW', 'eastern germany': 'DDR',
  },
};

/** Headings that carry no values of their own (checked by the caller: they must be empty). */
export const HEADING_NAMES: Record<PartnerLanguage, ReadonlySet<string>> = { ru: new Set(), en: new Set(['memorandum items']) };

export function normaliseName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');
}

const libraryIndex = new Map<PartnerLanguage, Map<string, string>>();
function library(lang: PartnerLanguage): Map<string, string> {
  let idx = libraryIndex.get(lang);
  if (!idx) {
    idx = new Map();
    for (const [iso3, names] of countryNameIndex(lang)) for (const n of names) idx.set(normaliseName(n), iso3);
    libraryIndex.set(lang, idx);
  }
  return idx;
}

export interface ResolvedPartner {
  code: string;
  kind: 'country' | 'group';
}

const resolved = { ru: new Map<string, ResolvedPartner | undefined>(), en: new Map<string, ResolvedPartner | undefined>() };

/** The partner a printed name stands for, or undefined when nobody has reviewed that name.
 *  Each printed name is looked up once (every release and sheet repeats the same 250 names). */
export function resolvePartner(name: string, lang: PartnerLanguage): ResolvedPartner | undefined {
  const known = resolved[lang];
  if (known.has(name)) return known.get(name);
  const n = normaliseName(name);
  const group = GROUP_NAMES[lang][n];
  const code = group ?? REVIEWED[lang][n] ?? library(lang).get(n);
  const partner: ResolvedPartner | undefined = code ? Object.freeze({ code, kind: group ? 'group' : 'country' }) : undefined;
  known.set(name, partner);
  return partner;
}
