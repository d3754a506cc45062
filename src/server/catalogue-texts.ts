// The product's own texts in a page's language, none of which depends on a source's ids: source
// names and schedules, events, comparisons, the claims' phrases, glossed texts, headline cards
// and "how long ago". Each comes from the catalogue, else as written (English), marked so.
import type { TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, glossary, hasPhrase } from './i18n.ts';

export function catalogueTexts(lang: string, t: TFunction) {
  const english = lang === DEFAULT_LANGUAGE;
  const has = (key: string) => hasPhrase(lang, key);
  /** The catalogue's phrase for a key outside English, else the text as written. */
  const orWritten = (key: string, written: string) => (!english && has(key) ? t(key) : written);
  const glossed = glossary(lang, 'texts');
  return {
    has,
    helpers: {
      /** A source's name: the catalogue's for the job, else the publisher's own (English) name. */
      sourceIn: (source: { job: string; name: string }) => orWritten(`sources.${source.job}`, source.name),
      /** A job's schedule in words: the catalogue's, with the cron line; an imported-only source says so. */
      scheduleIn(s: { job: string; schedule: string }): string {
        if (english) return s.schedule;
        if (s.schedule.startsWith('none:')) return t('status.importedOnly');
        const cron = /\(([^()]*)\)$/.exec(s.schedule)?.[1];
        return has(`schedules.${s.job}`) ? `${t(`schedules.${s.job}`)}${cron ? ` (${cron})` : ''}` : s.schedule;
      },
      /** An event's label from the catalogue (by its id), else as written in data/events.json. */
      eventLabel: (e: { id: string; label: string }) => (has(`events.${e.id}`) ? t(`events.${e.id}`) : e.label),
      /** A comparison's label, unit or reason (data/comparisons.json) from the catalogue, else as written. */
      comparisonText: (c: { id: string; label: string; unit: string; reason: string }, field: 'label' | 'unit' | 'reason') => orWritten(`compare.items.${c.id}.${field}`, c[field]),
      /** A claim's own text (a reading's label or basis, its reason, why it is not checkable) from
       *  the catalogue, else as written in data/claims.json (English), marked so. */
      claimPhrase(claimId: string, key: string, written: string): { text: string; lang: string } {
        const k = `claims.${claimId}.${key}`;
        return !english && has(k) ? { text: t(k), lang } : { text: written, lang: DEFAULT_LANGUAGE };
      },
      /** A text whose English lives with the code or the data (the API reference, a licence, a
       *  series note): the catalogue's `texts` glossary, keyed by the English itself. */
      textIn(written: string): { text: string; lang: string } {
        const text = english ? undefined : glossed.get(written);
        return text !== undefined ? { text, lang } : { text: written, lang: DEFAULT_LANGUAGE };
      },
      headlineLabel: (card: { id: string; label: string }) => orWritten(`headlines.${card.id.replace(/\./g, '_')}`, card.label),
      agoIn: agoFormatter(lang, t),
    },
  };
}

function agoFormatter(lang: string, t: TFunction): (iso: string | null | undefined, now: Date) => string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  return (iso, now) => {
    if (!iso) return t('never');
    const days = Math.floor((now.getTime() - Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) / 86_400_000);
    if (days <= 1) return rtf.format(-Math.max(0, days), 'day');
    if (days < 60) return rtf.format(-days, 'day');
    if (days < 730) return rtf.format(-Math.round(days / 30), 'month');
    return rtf.format(-Math.round(days / 365), 'year');
  };
}
