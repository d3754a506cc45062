// Finding series by name: "Russia", "rouble" or "ruble", "рубль", "инфляция" → series ids, from
// their titles in every language, ids, country names and a few synonyms economists type. Used by the compare picker
// (an entry that is not an id is looked up, never a 400 that loses the form) and the catalogue.
import { COUNTRY_NAMES } from '../domain/countries.ts';
import type { DataRepository, SeriesEntry } from '../store/repository.ts';
import { titlesInEveryLanguage } from './localised-names.ts';
import type { Vocabulary } from '../domain/source-words.ts';

const SYNONYMS: Record<string, string[]> = {
  RUB: ['rouble', 'ruble', 'russian'],
  USD: ['dollar', 'us dollar'],
  CNY: ['yuan', 'renminbi', 'chinese'],
  EUR: ['euro'],
  KGS: ['som'],
  UZS: ['sum', 'som'],
  PCPIPCH: ['inflation', 'cpi'],
  PCPIEPCH: ['inflation', 'cpi'],
  'FP.CPI.TOTL.ZG': ['inflation', 'cpi'],
  NGDP_RPCH: ['growth', 'gdp growth'],
  NGDPD: ['gdp'],
  LUR: ['unemployment', 'jobless'],
};

/** The words a series is found by: its id and codes, its title in every language, unit, country and synonyms (built once per loaded series). */
const haystacks = new WeakMap<object, { id: string; words: string[] }>();
function haystack(e: SeriesEntry, vocabulary: Vocabulary): { id: string; words: string[] } {
  let h = haystacks.get(e.meta);
  if (!h) {
    const m = e.meta;
    const parts = [m.id, m.title, m.unit, m.country ? COUNTRY_NAMES[m.country] ?? m.country : '', ...Object.values(titlesInEveryLanguage(m, vocabulary).titles)];
    for (const [code, words] of Object.entries(SYNONYMS)) if (m.id.split('.').includes(code) || m.id.includes(`.${code}.`)) parts.push(...words);
    h = { id: m.id.toLowerCase(), words: parts.join(' ').toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean) };
    haystacks.set(e.meta, h);
  }
  return h;
}

/** A query word's stem: word forms differ in their last letters (рубль, рубля; Китай, Китая; ruble, rubles). */
function stem(word: string): string {
  return word.length >= 5 ? word.slice(0, Math.max(4, word.length - 2)) : word;
}

/** Does a series hold every word of the query (a part of its id, or the start of one of its words, case and word form aside)? */
export function matchesQuery(e: SeriesEntry, query: string, vocabulary: Vocabulary): boolean {
  const h = haystack(e, vocabulary);
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => h.id.includes(w) || h.words.some((x) => x.startsWith(stem(w))));
}

/** Series found by every word of the query (see matchesQuery), best first (shorter ids). */
export function searchSeries(repo: DataRepository, query: string, vocabulary: Vocabulary, limit = 8): SeriesEntry[] {
  if (!query.trim()) return [];
  return repo
    .list()
    .filter((e) => matchesQuery(e, query, vocabulary))
    .sort((a, b) => a.meta.id.length - b.meta.id.length || a.meta.id.localeCompare(b.meta.id))
    .slice(0, limit);
}

/** Split a compare entry into the ids that exist and, for each other entry, suggestions. */
export function resolveCompare(repo: DataRepository, raw: string, vocabulary: Vocabulary): { ids: string[]; unresolved: Array<{ text: string; suggestions: SeriesEntry[] }> } {
  const ids: string[] = [];
  const unresolved: Array<{ text: string; suggestions: SeriesEntry[] }> = [];
  for (const text of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (repo.has(text)) ids.push(text);
    else unresolved.push({ text, suggestions: searchSeries(repo, text, vocabulary) });
  }
  return { ids, unresolved };
}
