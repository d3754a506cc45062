// Series titles, units and partner names in a page's language, built from the series id and the
// catalogues (locales/<lang>.json for phrases, data/indicator-titles.csv for IMF and World Bank
// indicator names, i18n-iso-countries for country names). What no catalogue covers keeps its
// English text, visibly marked, and tests list those.
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { countryName, countryNameIn } from '../domain/countries.ts';
import { isGroup, partnerName } from '../domain/partners.ts';
import type { SeriesMeta } from '../domain/series.ts';
import { parseCsv } from '../lib/csv.ts';
import { DEFAULT_LANGUAGE, glossary, hasPhrase, LANGUAGES, translator } from './i18n.ts';

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

const built = new Map<string, ReturnType<typeof buildLocalNames>>();

/** The helpers for a language, made once (they hold Intl formatters, which are costly to make). */
export function localNames(lang: string, t: TFunction): ReturnType<typeof buildLocalNames> {
  let n = built.get(lang);
  if (!n) built.set(lang, (n = buildLocalNames(lang, t)));
  return n;
}

function buildLocalNames(lang: string, t: TFunction) {
  const english = lang === DEFAULT_LANGUAGE;
  const currencies = english ? undefined : new Intl.DisplayNames(lang, { type: 'currency' });

  /** A partner or reporter: a group by the catalogue, a country by the catalogue or the library. */
  const partner = (code: string): string | undefined => {
    if (english) return isGroup(code) ? partnerName(code) : countryName(code);
    if (isGroup(code)) return hasPhrase(lang, `groups.${code}`) ? t(`groups.${code}`) : undefined;
    return hasPhrase(lang, `countries.${code}`) ? t(`countries.${code}`) : countryNameIn(code, lang);
  };

  const fromId = (id: string): string | undefined => {
    let m: RegExpExecArray | null;
    if (id === 'nbk.USDRUB') return t('titles.nbkRouble');
    if ((m = /^nbk\.([A-Z]{3})$/.exec(id))) {
      const name = currencies?.of(m[1]);
      return name && name !== m[1] ? t('titles.nbk', { code: m[1], name }) : undefined;
    }
    if ((m = /^imf\.imts\.(XG_FOB_USD|MG_CIF_USD)\.([A-Z0-9_]+)\.([A-Z]{3})\.[AQM]$/.exec(id))) {
      const [p, r] = [partner(m[2]), partner(m[3])];
      return p && r ? t(m[1] === 'XG_FOB_USD' ? 'titles.imtsExports' : 'titles.imtsImports', { partner: p, reporter: r }) : undefined;
    }
    if ((m = /^bns\.(TURNOVER|EXPORTS|IMPORTS)\.([A-Z0-9_]+)$/.exec(id))) {
      const p = partner(m[2]);
      return p ? t(`titles.bns${m[1]}`, { partner: p }) : undefined;
    }
    if ((m = /^comtrade\.([XM])\.([A-Z]{3})\.([A-Z]{3})$/.exec(id))) {
      const [p, r] = [partner(m[2]), partner(m[3])];
      return p && r ? t(`titles.comtrade${m[1]}`, { partner: p, reporter: r }) : undefined;
    }
    if ((m = /^wiiw\.(FDI_INFLOW|FDI_STOCK)\.([A-Z0-9_]+)$/.exec(id))) {
      const p = partner(m[2]);
      return p ? t(`titles.wiiw${m[1]}`, { partner: p }) : undefined;
    }
    if ((m = /^(imf|wb)\.(.+)\.([A-Z]{3})$/.exec(id))) {
      const indicator = INDICATOR_TITLES.get(`${m[1]}.${m[2]}`)?.[lang];
      const country = partner(m[3]);
      return indicator && country ? t('titles.indicator', { country, indicator }) : undefined;
    }
    return undefined;
  };

  /** A series' title in the page's language, or its English title marked as such. */
  const title = (meta: Pick<SeriesMeta, 'id' | 'title'>): Localised => {
    if (english) return { text: meta.title, translated: true };
    const text = fromId(meta.id);
    return text ? { text, translated: true } : { text: `${meta.title} [${t('untranslated')}]`, translated: false };
  };

  const unit = (u: string): Localised => {
    if (english || !u) return { text: u, translated: true };
    if (hasPhrase(lang, `units.${u}`)) return { text: t(`units.${u}`), translated: true };
    const m = /^(tenge|roubles) per 1 ([A-Z]{3})$/.exec(u);
    if (m) return { text: t(m[1] === 'tenge' ? 'unitPatterns.tengePer' : 'unitPatterns.roublesPer', { code: m[2] }), translated: true };
    return { text: `${u} [${t('untranslated')}]`, translated: false };
  };

  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const ago = (iso: string | null | undefined, now: Date): string => {
    if (!iso) return t('never');
    const days = Math.floor((now.getTime() - Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) / 86_400_000);
    if (days <= 1) return rtf.format(-Math.max(0, days), 'day');
    if (days < 60) return rtf.format(-days, 'day');
    if (days < 730) return rtf.format(-Math.round(days / 30), 'month');
    return rtf.format(-Math.round(days / 365), 'year');
  };

  /** A source's name: the catalogue's for the job, else the publisher's own (English) name. */
  const sourceIn = (source: { job: string; name: string }): string => (!english && hasPhrase(lang, `sources.${source.job}`) ? t(`sources.${source.job}`) : source.name);

  const monthName = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  /** A vintage's label from its key (WEO editions by month, NBK, WDI by date…), else as stored. */
  const vintageIn = (v: { key: string; label: string }, job: string): string => {
    if (english) return v.label;
    const month = /^(\d{4})-(\d{2})$/.exec(v.key);
    if (job === 'imf' && month) return t('vintage.weo', { month: monthName.format(new Date(`${v.key}-01T00:00:00Z`)), year: month[1] });
    if (job === 'worldbank' && /^\d{4}-\d{2}-\d{2}$/.test(v.key)) return t('vintage.wdi', { date: longDate.format(new Date(`${v.key}T00:00:00Z`)) });
    if (job === 'bns' && /^\d{4}$/.test(v.key)) return t('vintage.bnsRelease', { year: v.key });
    const fixed: Record<string, string> = { official: 'vintage.nbk', latest: 'vintage.bnsLatest', imts: 'vintage.imts', comtrade: 'vintage.comtrade', wiiw: 'vintage.wiiw' };
    return fixed[v.key] ? t(fixed[v.key]) : v.label;
  };

  /** A job's schedule in words: the catalogue's, with the cron line; an imported-only source says so. */
  const scheduleIn = (s: { job: string; schedule: string }): string => {
    if (english) return s.schedule;
    if (s.schedule.startsWith('none:')) return t('status.importedOnly');
    const cron = /\(([^()]*)\)$/.exec(s.schedule)?.[1];
    return hasPhrase(lang, `schedules.${s.job}`) ? `${t(`schedules.${s.job}`)}${cron ? ` (${cron})` : ''}` : s.schedule;
  };

  /** An event's label from the catalogue (by its id), else as written in data/events.json. */
  const eventLabel = (e: { id: string; label: string }): string => (hasPhrase(lang, `events.${e.id}`) ? t(`events.${e.id}`) : e.label);

  /** A comparison's label, unit or reason (data/comparisons.json) from the catalogue, else as written. */
  const comparisonText = (c: { id: string; label: string; unit: string; reason: string }, field: 'label' | 'unit' | 'reason'): string => {
    const key = `compare.items.${c.id}.${field}`;
    return !english && hasPhrase(lang, key) ? t(key) : c[field];
  };

  /** A claim's own text (a reading's label or basis, its reason, why it is not checkable) in the page's
   *  language from the catalogue, else as written in data/claims.json (English), marked so. */
  const claimPhrase = (claimId: string, key: string, written: string): { text: string; lang: string } => {
    const k = `claims.${claimId}.${key}`;
    return !english && hasPhrase(lang, k) ? { text: t(k), lang } : { text: written, lang: DEFAULT_LANGUAGE };
  };

  /** A text whose English lives with the code or the data (the API reference, a licence, a series
   *  note): the catalogue's `texts` glossary, keyed by the English itself, else the English, marked. */
  const glossed = glossary(lang, 'texts');
  const textIn = (written: string): { text: string; lang: string } => {
    const text = english ? undefined : glossed.get(written);
    return text !== undefined ? { text, lang } : { text: written, lang: DEFAULT_LANGUAGE };
  };

  return {
    textIn,
    claimPhrase,
    comparisonText,
    eventLabel,
    scheduleIn,
    sourceIn,
    vintageIn,
    titleIn: (meta: Pick<SeriesMeta, 'id' | 'title'>) => title(meta).text,
    unitIn: (u: string) => unit(u).text,
    partnerIn: (code: string) => partner(code) ?? partnerName(code),
    headlineLabel: (card: { id: string; label: string }) => {
      const key = `headlines.${card.id.replace(/\./g, '_')}`;
      return english || !hasPhrase(lang, key) ? card.label : t(key);
    },
    agoIn: ago,
    title,
    unit,
  };
}

/** A series' title and unit in every language (the metadata downloads carry them all). */
export function titlesInEveryLanguage(meta: Pick<SeriesMeta, 'id' | 'title' | 'unit'>): { titles: Record<string, string>; units: Record<string, string> } {
  const titles: Record<string, string> = {};
  const units: Record<string, string> = {};
  for (const lang of LANGUAGES) {
    const names = localNames(lang, translator(lang));
    const title = names.title(meta);
    const unit = names.unit(meta.unit);
    // Only what a catalogue really has: a language without a title is absent, not English in disguise.
    if (title.translated) titles[lang] = title.text;
    if (unit.translated) units[lang] = unit.text;
  }
  return { titles, units };
}
