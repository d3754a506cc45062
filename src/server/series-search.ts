// Finding series by name: "Russia", "rouble" or "ruble", "inflation" → series ids, from their
// titles, ids, country names and a few synonyms economists type. Used by the compare picker
// (an entry that is not an id is looked up, never a 400 that loses the form) and its suggestions.
import { COUNTRY_NAMES } from '../domain/countries.ts';
import type { DataRepository, SeriesEntry } from '../store/repository.ts';

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

function haystack(e: SeriesEntry): string {
  const m = e.meta;
  const parts = [m.id, m.title, m.unit, m.country ? COUNTRY_NAMES[m.country] ?? m.country : ''];
  for (const [code, words] of Object.entries(SYNONYMS)) if (m.id.split('.').includes(code) || m.id.includes(`.${code}.`)) parts.push(...words);
  return parts.join(' ').toLowerCase();
}

/** Series whose id, title, country or synonyms hold every word of the query, best first (shorter ids). */
export function searchSeries(repo: DataRepository, query: string, limit = 8): SeriesEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return repo
    .list()
    .filter((e) => words.every((w) => haystack(e).includes(w)))
    .sort((a, b) => a.meta.id.length - b.meta.id.length || a.meta.id.localeCompare(b.meta.id))
    .slice(0, limit);
}

/** Split a compare entry into the ids that exist and, for each other entry, suggestions. */
export function resolveCompare(repo: DataRepository, raw: string): { ids: string[]; unresolved: Array<{ text: string; suggestions: SeriesEntry[] }> } {
  const ids: string[] = [];
  const unresolved: Array<{ text: string; suggestions: SeriesEntry[] }> = [];
  for (const text of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (repo.has(text)) ids.push(text);
    else unresolved.push({ text, suggestions: searchSeries(repo, text) });
  }
  return { ids, unresolved };
}
