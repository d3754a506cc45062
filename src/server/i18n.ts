// The interface's languages: one message catalogue per language in locales/<lang>.json (i18next,
// with Intl's plural rules: Russian has one/few/many), numbers and dates in the language's own
// form (Intl), and the URL that says which: /ru/… for Russian, the unprefixed paths for English
// (so every existing link keeps working). Adding Kazakh is one more catalogue, locales/kk.json,
// plus its indicator titles; nothing here names a language but the default.
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';

const LOCALES = path.resolve(import.meta.dirname, '../../locales');
export const DEFAULT_LANGUAGE = 'en';

type Catalogue = Record<string, unknown>;
const catalogues: Record<string, Catalogue> = Object.fromEntries(
  fs
    .readdirSync(LOCALES)
    .filter((f) => /^[a-z]{2}\.json$/.test(f))
    .map((f) => [f.slice(0, 2), JSON.parse(fs.readFileSync(path.join(LOCALES, f), 'utf8')) as Catalogue]),
);

/** Every language with a catalogue, the default first. */
export const LANGUAGES: readonly string[] = [DEFAULT_LANGUAGE, ...Object.keys(catalogues).filter((l) => l !== DEFAULT_LANGUAGE).sort()];

/** Keys a page asked for that its language's catalogue lacks (the missing-key test reads this). */
export const missingKeys = new Set<string>();

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(catalogues).map(([l, c]) => [l, { translation: c }])),
  lng: DEFAULT_LANGUAGE,
  // A missing key shows as the key itself (visible, and caught by the tests), never as English.
  fallbackLng: false,
  initAsync: false,
  // EJS escapes what it prints; escaping here too would print &amp;.
  interpolation: { escapeValue: false },
  returnNull: false,
  // Keys are dotted paths; ':' is ordinary text (units and labels may hold it).
  nsSeparator: false,
  saveMissing: true,
  missingKeyHandler: (lngs, _ns, key) => {
    for (const l of lngs) missingKeys.add(`${l}:${key}`);
  },
});

/** Whether a language's catalogue has a phrase (optional sections: country and group names). */
export function hasPhrase(lang: string, key: string): boolean {
  return i18n.exists(key, { lng: lang });
}

/** A catalogue section keyed by the English text itself (as gettext's msgid): for texts whose English
 *  lives with the code that uses it (the API reference, from the request schemas). */
export function glossary(lang: string, section: string): ReadonlyMap<string, string> {
  const entries = catalogues[lang]?.[section];
  return new Map(entries && typeof entries === 'object' ? Object.entries(entries as Record<string, string>) : []);
}

const fixed = new Map<string, TFunction>();
const languageOfT = new WeakMap<TFunction, string>();

export function translator(lang: string): TFunction {
  let t = fixed.get(lang);
  if (!t) {
    fixed.set(lang, (t = i18n.getFixedT(lang)));
    languageOfT.set(t, lang);
  }
  return t;
}

/** The language a translator speaks (the default for one this module did not make). */
export function languageOfTranslator(t: TFunction): string {
  return languageOfT.get(t) ?? DEFAULT_LANGUAGE;
}

/** The catalogue's keys, flattened (a.b.c), for the test that compares catalogues. */
export function catalogueKeys(lang: string): string[] {
  const out: string[] = [];
  const walk = (o: Catalogue, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === 'object') walk(v as Catalogue, `${prefix}${k}.`);
      else out.push(`${prefix}${k}`);
    }
  };
  walk(catalogues[lang] ?? {}, '');
  return out.sort();
}

/** The path of a page in a language: /ru/series/x for Russian, /series/x for the default. */
export function pathIn(lang: string, p: string): string {
  if (lang === DEFAULT_LANGUAGE) return p;
  return p === '/' ? `/${lang}/` : `/${lang}${p}`;
}

/** Split a request path into its language and the path the routes know. */
export function languageOf(p: string): { lang: string; rest: string } {
  const m = /^\/([a-z]{2})(\/.*)?$/.exec(p);
  if (m && m[1] !== DEFAULT_LANGUAGE && LANGUAGES.includes(m[1])) return { lang: m[1], rest: m[2] ?? '/' };
  return { lang: DEFAULT_LANGUAGE, rest: p };
}

/**
 * A link of a page in a language: /series/x → /ru/series/x on a Russian page. Downloads (CSV,
 * JSON, zip), the API and the assets are the same bytes in every language and keep their one
 * address; a link elsewhere (http…) is left as it is.
 */
export function localHref(lang: string, url: string): string {
  if (lang === DEFAULT_LANGUAGE || !url.startsWith('/')) return url;
  const rest = url.slice(1);
  if (/^(assets\/|api\/|[a-z]{2}\/)/.test(rest) || /^[^?#]*\.(csv|json|zip)([?#]|$)/.test(rest)) return url;
  return `/${lang}/${rest}`;
}

/** A period as a reader of the language writes it: 2022-03-09 → 9 марта 2022 г.; English keeps ISO. */
export function dateHelper(lang: string, t: TFunction) {
  if (lang === DEFAULT_LANGUAGE) return (iso: string) => iso;
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (iso: string): string => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return day.format(new Date(`${iso}T00:00:00Z`));
    if (/^\d{4}-\d{2}$/.test(iso)) return month.format(new Date(`${iso}-01T00:00:00Z`));
    const q = /^(\d{4})-Q([1-4])$/.exec(iso);
    if (q) return t('date.quarter', { year: q[1], quarter: q[2] });
    return iso;
  };
}
