// The language of a request: /ru/… is Russian (the prefix is taken off before the routes see
// the path), anything else English. Sets what every template uses (t, number and date helpers,
// the language switch, <html lang>) and keeps a Russian page's links in Russian. At `/`, a first
// visit whose browser prefers another language we have is sent there once, and the page says so.
import type { NextFunction, Request, Response } from 'express';
import type { ViewWords } from './view-model.ts';
import { localNames } from './localised-names.ts';
import type { Vocabulary } from '../domain/source-words.ts';
import { ledgerWords } from './ledger-words.ts';
import { dateHelper, DEFAULT_LANGUAGE, glossary, LANGUAGES, languageOf, localHref, pathIn, translator } from './i18n.ts';
import { codeSpans, escapeHtml, numberHelpers } from './view-helpers.ts';

const COOKIE = 'lang';

function chosenBefore(req: Request): boolean {
  return new RegExp(`(?:^|;\\s*)${COOKIE}=`).test(req.headers.cookie ?? '');
}

export function language(req: Request, res: Response, next: NextFunction): void {
  const { lang, rest } = languageOf(req.path);
  const search = req.url.slice(req.path.length);
  if (req.path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    // The answer to `/` depends on these two; say so to any cache on the way.
    res.vary('Accept-Language').vary('Cookie');
    const preferred = req.acceptsLanguages(...LANGUAGES);
    if (!chosenBefore(req) && preferred && preferred !== DEFAULT_LANGUAGE) {
      res.cookie(COOKIE, preferred, { path: '/', maxAge: 365 * 86_400_000, sameSite: 'lax' });
      res.redirect(302, `${pathIn(preferred, '/')}?chosen=browser`);
      return;
    }
  }
  if (lang !== DEFAULT_LANGUAGE) {
    req.url = rest + search;
    if (rest === '/') res.cookie(COOKIE, lang, { path: '/', maxAge: 365 * 86_400_000, sameSite: 'lax' });
  }
  Object.assign(res.locals, languageLocals(lang, req.app.locals.vocabulary as Vocabulary, rest, search, req.query.chosen === 'browser'));
  next();
}

const perLanguage = new WeakMap<Vocabulary, Map<string, Record<string, unknown>>>();

/** What the templates use for a language: t, number and date helpers, names (built once per language: Intl formatters are costly to make). */
function staticLocals(lang: string, vocabulary: Vocabulary): Record<string, unknown> {
  let byLang = perLanguage.get(vocabulary);
  if (!byLang) perLanguage.set(vocabulary, (byLang = new Map()));
  let l = byLang.get(lang);
  if (!l) {
    const t = translator(lang);
    const names = localNames(lang, t, vocabulary);
    l = {
      lang,
      t,
      // Every link a template writes goes through this: a page in a language links within it.
      href: (url: string) => localHref(lang, url),
      // For a value placed inside a catalogue phrase that carries markup (printed unescaped).
      escapeHtml,
      codeSpans,
      ...numberHelpers(lang),
      fmtDate: dateHelper(lang, t),
      ...names,
      ...ledgerWords(lang, t, names),
      // What the browser's chart code says (range buttons, its own button, Plotly's toolbar), as JSON for the page.
      chartWords: {
        ranges: [t('charts.ranges.y1'), t('charts.ranges.y5'), t('charts.ranges.y10'), t('charts.ranges.all')],
        rangeLabel: t('charts.rangeLabel'),
        downloadSvg: t('charts.downloadSvg'),
        plotly: Object.fromEntries(glossary(lang, 'plotly')),
      },
    };
    byLang.set(lang, l);
  }
  return l;
}

/** The language's helpers plus what depends on the request: the switch to the same view in each other language. */
export function languageLocals(lang: string, vocabulary: Vocabulary, rest = '/', search = '', chosen = false): Record<string, unknown> {
  return {
    ...staticLocals(lang, vocabulary),
    chosenByBrowser: chosen && lang !== DEFAULT_LANGUAGE && rest === '/',
    languageSwitch: LANGUAGES.filter((l) => l !== lang).map((l) => ({ lang: l, href: pathIn(l, rest) + search.replace(/([?&])chosen=browser&?/, '$1').replace(/[?&]$/, ''), label: translator(l)('language.name') })),
  };
}

/** The view model's words for this response's language (the page's t, titles, units, dates). */
export function viewWords(res: Response): ViewWords {
  const l = res.locals as { t: ViewWords['t']; titleIn: ViewWords['title']; unitIn: ViewWords['unit']; vintageIn: ViewWords['vintage']; fmtDate: ViewWords['date']; eventLabel: ViewWords['event']; sourceIn: ViewWords['source'] };
  return { t: l.t, title: l.titleIn, unit: l.unitIn, vintage: l.vintageIn, date: l.fmtDate, event: l.eventLabel, source: l.sourceIn };
}
