// How a reading was computed and why a claim got its verdict, as phrases by key with their values,
// so that each language words them (the page's catalogue, through i18next) and formats the numbers
// its own way (1 234,5 in Russian).
import i18next from 'i18next';
import english from '../../locales/en.json' with { type: 'json' };
import type { Verdict } from './verdicts.ts';

// The phrases' wording lives in the catalogues only (locales/<lang>.json, ledger.*), worded by
// i18next; the English one is what the CSV, JSON and README carry.
const ENGLISH = english.ledger;
export type PhraseKey = keyof typeof ENGLISH;

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

/** How a language words what a phrase holds: the phrase for a key with its values filled (i18next's
 *  t), and its number, reading label, verdict and claim-text forms. */
export interface Wording {
  phrase: (key: PhraseKey, values: Record<string, string>) => string;
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
  return phrases.map((p) => w.phrase(p.key, Object.fromEntries(Object.entries(p.values).map(([name, v]) => [name, value(v)])))).join(between);
}

/** A number in an English sentence: at most 4 decimals, no binary noise (-2.49999999628 → -2.5). */
export const englishNumber = (v: number) => String(Number(v.toFixed(4)));

const inEnglishT = i18next.createInstance();
void inEnglishT.init({ lng: 'en', resources: { en: { translation: { ledger: ENGLISH } } }, initAsync: false, interpolation: { escapeValue: false }, nsSeparator: false });

/** The phrases in English, as the downloads carry them. */
export function inEnglish(phrases: Phrase[], labels: string[] = [], between = '; '): string {
  return word(phrases, {
    phrase: (key, values) => inEnglishT.t(`ledger.${key}`, values),
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
