// Series titles, units and partner names in a page's language. A source says what a title is
// made of (its words.ts: a catalogue phrase and the codes that fill it, read through the
// Vocabulary); this file only words it, from locales/<lang>.json, data/indicator-titles.csv and
// i18n-iso-countries. What no catalogue covers keeps its English text, visibly marked.
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { countryName, countryNameIn } from '../domain/countries.ts';
import { isGroup, partnerName } from '../domain/partners.ts';
import type { SeriesMeta } from '../domain/series.ts';
import type { Phrase, Vocabulary } from '../domain/source-words.ts';
import { parseCsv } from '../lib/csv.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, translator } from './i18n.ts';
import { catalogueTexts } from './catalogue-texts.ts';

const TITLES_FILE = path.resolve(import.meta.dirname, '../../data/indicator-titles.csv');

/** Indicator titles by code (imf.NGDPD, wb.NY.GDP.MKTP.CD), one column per language. */
export const INDICATOR_TITLES: ReadonlyMap<string, Record<string, string>> = (() => {
  const [header, ...rows] = parseCsv(fs.readFileSync(TITLES_FILE, 'utf8'));
  return new Map(rows.filter((r) => r.length > 1).map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
})();

export interface Localised {
  text: string;
  translated: boolean;
}

export type LocalNames = ReturnType<typeof buildLocalNames>;

const built = new WeakMap<Vocabulary, Map<string, LocalNames>>();

/** The helpers for a language, made once per vocabulary (they hold Intl formatters, which are costly to make). */
export function localNames(lang: string, t: TFunction, vocabulary: Vocabulary): LocalNames {
  let byLang = built.get(vocabulary);
  if (!byLang) built.set(vocabulary, (byLang = new Map()));
  let n = byLang.get(lang);
  if (!n) byLang.set(lang, (n = buildLocalNames(lang, t, vocabulary)));
  return n;
}

/** A partner or reporter: a group by the catalogue, a country by the catalogue or the library. */
function partnerNamer(lang: string, t: TFunction, has: (key: string) => boolean): (code: string) => string | undefined {
  if (lang === DEFAULT_LANGUAGE) return (code) => (isGroup(code) ? partnerName(code) : countryName(code));
  return (code) => {
    if (isGroup(code)) return has(`groups.${code}`) ? t(`groups.${code}`) : undefined;
    return has(`countries.${code}`) ? t(`countries.${code}`) : countryNameIn(code, lang);
  };
}

/** A source's phrase in the language, or undefined when one of its names is not known in it. */
function phraseWorder(lang: string, t: TFunction, partner: (code: string) => string | undefined): (p: Phrase) => string | undefined {
  const currencies = new Intl.DisplayNames(lang, { type: 'currency' });
  const monthName = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const namers: Array<[keyof Phrase, (code: string) => string | undefined]> = [
    ['partners', partner],
    ['currencies', (code) => { const n = currencies.of(code); return n && n !== code ? n : undefined; }],
    ['indicators', (code) => INDICATOR_TITLES.get(code)?.[lang]],
    ['months', (ym) => monthName.format(new Date(`${ym}-01T00:00:00Z`))],
    ['dates', (day) => longDate.format(new Date(`${day}T00:00:00Z`))],
  ];
  return (p) => {
    const values: Record<string, string> = { ...p.values };
    for (const [field, name] of namers) {
      for (const [placeholder, code] of Object.entries((p[field] ?? {}) as Record<string, string>)) {
        const text = name(code);
        if (text === undefined) return undefined;
        values[placeholder] = text;
      }
    }
    return t(p.key, values);
  };
}

function buildLocalNames(lang: string, t: TFunction, vocabulary: Vocabulary) {
  const english = lang === DEFAULT_LANGUAGE;
  const texts = catalogueTexts(lang, t);
  const partner = partnerNamer(lang, t, texts.has);
  const phrase = phraseWorder(lang, t, partner);
  const untranslated = (text: string): Localised => ({ text: `${text} [${t('untranslated')}]`, translated: false });

  /** A series' title in the page's language, or its English title marked as such. */
  const title = (meta: Pick<SeriesMeta, 'id' | 'title'>): Localised => {
    if (english) return { text: meta.title, translated: true };
    const p = vocabulary.title(meta.id);
    const text = p && phrase(p);
    return text ? { text, translated: true } : untranslated(meta.title);
  };

  const unit = (u: string): Localised => {
    if (english || !u) return { text: u, translated: true };
    if (texts.has(`units.${u}`)) return { text: t(`units.${u}`), translated: true };
    const p = vocabulary.unit(u);
    const text = p && phrase(p);
    return text ? { text, translated: true } : untranslated(u);
  };

  /** A vintage's label as its source words it (WEO editions by month, WDI by date…), else as stored. */
  const vintageIn = (v: { key: string; label: string }, job: string): string => {
    if (english) return v.label;
    const p = vocabulary.vintage(job, v.key);
    return (p && phrase(p)) ?? v.label;
  };

  return {
    ...texts.helpers,
    vintageIn,
    titleIn: (meta: Pick<SeriesMeta, 'id' | 'title'>) => title(meta).text,
    unitIn: (u: string) => unit(u).text,
    partnerIn: (code: string) => partner(code) ?? partnerName(code),
    title,
    unit,
  };
}

/** A series' title and unit in every language (the metadata downloads carry them all). */
export function titlesInEveryLanguage(meta: Pick<SeriesMeta, 'id' | 'title' | 'unit'>, vocabulary: Vocabulary): { titles: Record<string, string>; units: Record<string, string> } {
  const titles: Record<string, string> = {};
  const units: Record<string, string> = {};
  for (const lang of LANGUAGES) {
    const names = localNames(lang, translator(lang), vocabulary);
    const title = names.title(meta);
    const unit = names.unit(meta.unit);
    // Only what a catalogue really has: a language without a title is absent, not English in disguise.
    if (title.translated) titles[lang] = title.text;
    if (unit.translated) units[lang] = unit.text;
  }
  return { titles, units };
}
