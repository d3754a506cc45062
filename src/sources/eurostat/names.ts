// Comext's reporter and partner names → partner codes (domain/partners.ts). The Relational View
// files label them in English, in English with codes, or (2016) in French, with their history in
// the text ("Belgium (incl. Luxembourg 'LU' -> 1998)"). Groups are matched by what their label
// begins with; a country by its name with the history taken off, through i18n-iso-countries in
// English and French and a reviewed table of Comext's own spellings. A name nobody has reviewed is
// not guessed: the caller refuses the file, naming the line.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };

countries.registerLocale(en);
countries.registerLocale(fr);

/** Group labels by how they begin (each is followed by its member list or history). */
const GROUP_PREFIXES: Array<[string, string]> = [
  ['European Union - 27 countries (', 'GEU27_2020'],
  ['Union européenne - 27 pays (', 'GEU27_2020'],
  ['European Union (', 'G998'],
  ['Union européenne (', 'G998'],
  ['Euro area - 20 countries (', 'GEA20'],
  ['Zone euro - 20 pays (', 'GEA20'],
  ['Euro area (', 'GEA'],
  ['Zone euro (', 'GEA'],
  ['Extra-EU27', 'GEXTRA_EU27'],
  ['Extra-UE27', 'GEXTRA_EU27'],
  ['Intra-EU27', 'GINTRA_EU27'],
  ['Intra-UE27', 'GINTRA_EU27'],
  ['Countries and territories not specified for commercial or military reasons in the framework of extra-Union', 'GESTAT_SECRET_EXTRA'],
  ['Pays et territoires non précisés pour des raisons commerciales ou militaires dans le cadre des échanges avec les pays tiers', 'GESTAT_SECRET_EXTRA'],
  ['Countries and territories not specified for commercial or military reasons in the framework of intra-Union', 'GESTAT_SECRET_INTRA'],
  ['Pays et territoires non précisés pour des raisons commerciales ou militaires dans le cadre des échanges intra-UE', 'GESTAT_SECRET_INTRA'],
  ['Countries and territories not specified within the framework of extra-Union', 'GESTAT_NS_EXTRA'],
  ['Pays et territoires non déterminés dans le cadre des échanges avec les pays tiers', 'GESTAT_NS_EXTRA'],
  ['Countries and territories not specified within the framework of intra-Union', 'GESTAT_NS_INTRA'],
  ['Pays et territoires non déterminés dans le cadre des échanges intra-UE', 'GESTAT_NS_INTRA'],
  ['Stores and provisions within the framework of extra-Union', 'GESTAT_STORES_EXTRA'],
  ['Avitaillement et soutage dans le cadre des échanges avec les pays tiers', 'GESTAT_STORES_EXTRA'],
  ['Stores and provisions within the framework of intra-Union', 'GESTAT_STORES_INTRA'],
  ['Avitaillement et soutage dans le cadre des échanges intra-UE', 'GESTAT_STORES_INTRA'],
  ['High seas', 'GESTAT_HIGH_SEAS'],
  ['Haute mer', 'GESTAT_HIGH_SEAS'],
  ['Ceuta', 'GESTAT_CEUTA'],
  ['Melilla', 'GESTAT_MELILLA'],
];

/** Comext's spellings the library does not carry, history taken off (read off the bundled files). */
const REVIEWED: Record<string, string> = {
  'bolivia, plurinational state of': 'BOL', 'bolivie, etat plurinational de': 'BOL', 'cabo verde': 'CPV',
  'cocos islands': 'CCK', 'congo, democratic republic of': 'COD', 'congo, république démocratique du': 'COD',
  'corée, république de': 'KOR', 'corée, république populaire démocratique de': 'PRK', "côte d’ivoire": 'CIV',
  'egypte': 'EGY', 'emirats arabes unis': 'ARE', 'equateur': 'ECU', 'erythrée': 'ERI', 'etats-unis': 'USA', 'ethiopie': 'ETH',
  'ile bouvet': 'BVT', 'ile christmas': 'CXR', 'ile norfolk': 'NFK', 'iles caïmans': 'CYM', 'iles cocos': 'CCK', 'iles cook': 'COK',
  'iles falkland': 'FLK', 'iles féroé': 'FRO', 'iles géorgie du sud et sandwich du sud': 'SGS', 'iles heard et mcdonald': 'HMD',
  'iles mariannes du nord': 'MNP', 'iles marshall': 'MHL', 'iles salomon': 'SLB', 'iles turks-et-caïcos': 'TCA',
  'iles vierges britanniques': 'VGB', 'iles vierges des etats-unis': 'VIR', 'iles mineures éloignées des etats-unis': 'UMI',
  'iran, islamic republic of': 'IRN', "iran, république islamique d’": 'IRN', "korea, democratic people’s republic of": 'PRK',
  "lao people’s democratic republic": 'LAO', 'micronésie, etats fédérés de': 'FSM', 'moldavie, république de': 'MDA',
  'netherlands antilles': 'ANT', 'occupied palestinian territory': 'PSE', 'territoire palestinien occupé': 'PSE',
  'russie, fédération de': 'RUS', 'république arabe syrienne': 'SYR', 'république démocratique populaire lao': 'LAO',
  'saint helena, ascension and tristan da cunha': 'SHN', 'sainte-hélène, ascension et tristan da cunha': 'SHN',
  'saint-christophe-et-nevis': 'KNA', 'saint-siège': 'VAT', 'sao tomé-et-principe': 'STP', 'sint-maarten': 'SXM',
  'south georgia and south sandwich islands': 'SGS', 'st kitts and nevis': 'KNA', 'st lucia': 'LCA', 'st pierre and miquelon': 'SPM',
  'st vincent and the grenadines': 'VCT', 'tanzania, united republic of': 'TZA', 'tanzanie, république unie de': 'TZA',
  'tchéquie': 'CZE', "territoire britannique de l’océan indien": 'IOT', 'timor-oriental': 'TLS', 'tokélaou': 'TKL',
  'venezuela, bolivarian republic of': 'VEN', 'venezuela, république bolivarienne du': 'VEN', 'viet nam': 'VNM', 'viêt nam': 'VNM',
  'virgin islands, united states': 'VIR', 'united kingdom': 'GBR',
};

/** A name with its history and aliases taken off: "France (incl. …)" → "France", "Ireland (Eire)" → "Ireland". */
export function bareName(name: string): string {
  const open = name.indexOf(' (');
  return (open === -1 ? name : name.slice(0, open)).replace(/\s+/g, ' ').trim();
}

/** Labels that mean another country in a French-labelled file: its "Guinea" row is Guinea-Bissau
 *  (its "Guinée" is Guinea; 125.7 M€ in 2016 sits between Guinea-Bissau's 116.5 and 148.0 M€ in
 *  2015 and 2017, Guinea's are 840 and 1,155 M€). */
const FRENCH_FILE: Record<string, string> = { guinea: 'GNB' };

const cache = { en: new Map<string, string | undefined>(), fr: new Map<string, string | undefined>() };

/** The partner code of a Comext label in a file of that language, or undefined when it has not been reviewed. */
export function comextCode(label: string, lang: 'en' | 'fr' = 'en'): string | undefined {
  if (cache[lang].has(label)) return cache[lang].get(label);
  const text = label.replace(/\s+/g, ' ').trim();
  const bare = bareName(text);
  const code =
    GROUP_PREFIXES.find(([prefix]) => text.startsWith(prefix))?.[1] ??
    (lang === 'fr' ? FRENCH_FILE[bare.toLowerCase()] : undefined) ??
    REVIEWED[bare.toLowerCase()] ??
    countries.getAlpha3Code(bare, 'en') ??
    countries.getAlpha3Code(bare, 'fr') ??
    countries.getAlpha3Code(text, 'en') ??
    countries.getAlpha3Code(text, 'fr') ??
    undefined;
  cache[lang].set(label, code);
  return code;
}

/** Comext's reporter and partner codes in an SDMX answer (ISO alpha-2, EU27_2020) → partner codes. */
export function codeOfComext(code: string): string | undefined {
  if (code === 'EU27_2020') return 'GEU27_2020';
  if (code === 'GR') return 'GRC';
  return countries.alpha2ToAlpha3(code) ?? undefined;
}

/** A partner code → Comext's code in a request. */
export function comextOf(code: string): string {
  if (code === 'GEU27_2020') return 'EU27_2020';
  const a2 = countries.alpha3ToAlpha2(code);
  if (!a2) throw new Error(`no Comext code for ${code}`);
  return a2;
}
