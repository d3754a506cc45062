// How a reading was computed and why a claim got its verdict, as phrases by key with their values,
// so that each language words them (the page's catalogue) and formats the numbers its own way
// (1 234,5 in Russian). The English wording below is what the CSV, JSON and README carry; the
// English catalogue (locales/en.json, ledger.*) must say the same, and a test checks it.
import type { Verdict } from './verdicts.ts';

export const EXPLANATIONS = {
  value: 'value for {{period}}',
  change: '{{a}} → {{b}}',
  fallOfInverse: '1 − {{a}}/{{b}}',
  compound: '∏(1 + rate/100) − 1 over {{from}}..{{to}}',
  sum: 'sum over {{from}}..{{to}}',
  sumScaled: 'sum over {{from}}..{{to}}, × {{scale}}',
  maxBelow: 'highest {{window}}: {{max}}; level {{reference}}: {{level}}',
  changeAgainst: '{{series}} {{mine}}% vs {{other}} {{theirs}}%',
  sameDirection: '{{series}} {{mine}}% vs {{other}} {{theirs}}%: same direction',
  oppositeDirections: '{{series}} {{mine}}% vs {{other}} {{theirs}}%: opposite directions',
  sizesApart: 'sizes {{ratio}}× apart (criterion: within ×{{factor}})',
  spread: '{{series}} − {{other}}: {{before}} ({{from}}) → {{after}} ({{to}})',
  lowestOfWindow: '{{period}}: {{value}}; lowest {{window}}: {{date}} ({{lowest}})',
  wentUp: '{{name}}: {{a}} ({{from}}) → {{b}} ({{to}}), up',
  wentDown: '{{name}}: {{a}} ({{from}}) → {{b}} ({{to}}), down',
  unchanged: '{{name}}: {{a}} ({{from}}) → {{b}} ({{to}}), unchanged',
  ratioAtLeast: '{{a}} ({{from}}) → {{b}} ({{to}}): ×{{ratio}} (criterion: at least ×{{atLeast}})',
  shareOf: '100 × {{part}} / {{total}} ({{period}})',
  rank: 'rank {{rank}} of {{of}} partner countries in {{period}} (criterion: within the first {{within}})',
  rankBehind: 'rank {{rank}} of {{of}} partner countries in {{period}}; ahead: {{ahead}} (criterion: within the first {{within}})',
  recordAgainst: '{{period}}: {{value}}; highest other year {{window}}: {{highest}}',
  recordAlone: '{{period}}: {{value}}; no other year {{window}}',
  recordEarlier: '{{label}}: highest {{date}} ({{highest}})',
  allAbove: '{{than}}: {{base}}; lowest {{window}}: {{date}} ({{lowest}})',
  usesProjection: 'uses a projected value: {{years}} was a projection in {{vintage}} (last actual year {{lastActual}})',
  // Why a reading could not be computed.
  noSeries: 'missing data: no series {{series}}',
  noValueFor: 'missing data: no value for {{date}}',
  noValueInForce: 'missing data: no value in force on {{date}}',
  needsRates: 'missing data: needs {{years}} annual rates {{from}}..{{to}}, found {{found}}',
  noValuesBetween: 'missing data: no values {{from}}..{{to}}',
  noValuesInWindow: 'missing data: no values of {{series}} in {{window}}',
  noPartnerValue: 'missing data: no value for {{series}} in {{period}}',
  noCatalogue: 'missing data: the series catalogue is not available',
  // The claim's summary.
  byPrimary: 'By the primary reading ({{reading}}): {{verdict}}.',
  alternatives: 'Alternatives — {{list}}.',
  readingVerdict: '{{reading}}: {{verdict}}',
  reproducedBy: 'Reproduced by: {{readings}}.',
  noneReproduces: 'No reading reproduces the printed number.',
  closest: 'Closest: {{reading}} ({{value}}).',
  differsBy: 'Differs by {{difference}} {{unit}}.',
  onOwnBasis: "On the data's own basis — {{list}}.",
  ownBasisReading: '{{reading}}: {{value}} ({{verdict}} on that basis)',
  ownBasisMissing: '{{reading}} ({{verdict}} on that basis)',
  contextReadings: 'Context, not judged — {{list}}.',
  contextReading: '{{reading}}: {{value}}',
} as const;

export type PhraseKey = keyof typeof EXPLANATIONS;

/** A value in a phrase: text as it is (a date, a code), a number for the language to format, a
 *  reading of the claim (its label in the page's language), a verdict, phrases (a list), or a
 *  text of the claim's own (data/claims.json, in English; the catalogue's claims.<id>.<key>), or a
 *  vintage (by key, with its English label), or a unit (as written in English). */
export type PhraseValue = string | number | { reading: number } | { readings: number[] } | { verdict: Verdict } | { phrases: Phrase[] } | { claimText: string; written: string } | { vintage: string; label: string } | { unit: string };

export interface Phrase {
  key: PhraseKey;
  values: Record<string, PhraseValue>;
}

export const phrase = (key: PhraseKey, values: Record<string, PhraseValue> = {}): Phrase => ({ key, values });

/** How a language words what a phrase holds: its template for a key, and its number, reading label,
 *  verdict and claim-text forms. */
export interface Wording {
  template: (key: PhraseKey) => string;
  number: (v: number) => string;
  reading: (index: number) => string;
  verdict: (v: Verdict) => string;
  claimText: (key: string, written: string) => string;
  vintage: (key: string, label: string) => string;
  unit: (unit: string) => string;
}

/** The phrases worded in one language: each filled in, joined by `between` (a list's "; "; a summary's sentences by a space). */
export function word(phrases: Phrase[], w: Wording, between = '; '): string {
  const value = (v: PhraseValue): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return w.number(v);
    if ('reading' in v) return w.reading(v.reading);
    if ('readings' in v) return v.readings.map(w.reading).join('; ');
    if ('verdict' in v) return w.verdict(v.verdict);
    if ('claimText' in v) return w.claimText(v.claimText, v.written);
    if ('vintage' in v) return w.vintage(v.vintage, v.label);
    if ('unit' in v) return w.unit(v.unit);
    return word(v.phrases, w);
  };
  return phrases.map((p) => w.template(p.key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => (name in p.values ? value(p.values[name]) : `{{${name}}}`))).join(between);
}

/** A number in an English sentence: at most 4 decimals, no binary noise (-2.49999999628 → -2.5). */
export const englishNumber = (v: number) => String(Number(v.toFixed(4)));

/** The phrases in English, as the downloads carry them. */
export function inEnglish(phrases: Phrase[], labels: string[] = [], between = '; '): string {
  return word(phrases, {
    template: (k) => EXPLANATIONS[k],
    number: englishNumber,
    reading: (i) => labels[i] ?? `reading ${i}`,
    verdict: (v) => v,
    claimText: (_, written) => written,
    vintage: (_, label) => label,
    unit: (u) => u,
  }, between);
}

/** Raised by an operation when the data it needs is not there; says what, as a phrase. */
export class MissingData extends Error {
  constructor(readonly phrase: Phrase) {
    super(inEnglish([phrase]));
  }
}
