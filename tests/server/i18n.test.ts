import { strFromU8, unzipSync } from 'fflate';
// The interface in Russian and English: the catalogues agree, every route renders in both with
// no key missing, a Russian page has no English interface text left (proper names and codes
// allowed), its links stay Russian, the language switch keeps the view, `/` follows the
// browser's language once, caches and downloads behave per language.
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueKeys, LANGUAGES, localHref, missingKeys } from '../../src/server/i18n.ts';
import { localNames } from '../../src/server/localised-names.ts';
import { translator } from '../../src/server/i18n.ts';
import { REPO } from '../support/data-dir.ts';
import { sharedApp } from '../support/app.ts';

type App = Awaited<ReturnType<typeof sharedApp>>;
let t: App;
beforeAll(async () => {
  t = await sharedApp(path.join(REPO, 'data'));
});

/** Every page of the product, in the views that exercise its parts. */
const TRANSLATED = ['/', '/data', '/status', '/partners', '/partners?flow=exports', '/no-such-page', '/series/nbk.USD', '/series/imf.NGDPD.KAZ?compare=imf.NGDPD.RUS&units=pc1', '/series/nbk.USD?freq=m&compare=zzz', '/series/imf.NGDPD.KAZ?vintage=2022-04', '/compare', '/compare?concept=trade-china-imports', '/compare?concept=gdp&vintage=2022-04', '/series/imf.NGDP_RPCH.KAZ/vintages?target=2022', '/series/imf.PCPIPCH.KAZ/vintages?target=2023&editions=2022-04,2023-10', '/paper', '/paper?verdict=differs', '/api'];


/** Text a reader sees: no scripts, styles, drawn charts or code, and no element marked lang="en" (a source's own citation or note). */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<code[^>]*>[\s\S]*?<\/code>|<pre[^>]*>[\s\S]*?<\/pre>/g, ' ')
    .replace(/<(?!html\b)(\w+)\b[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

/** Runs of two or more English words, once codes (KAZ, FOB), brand and proper names are set aside. */
function englishRuns(text: string, properNames: Set<string>): string[] {
  const runs = text.match(/(?:\b[A-Za-z][A-Za-z'’/-]{2,}\b[ ,;:()]*){2,}/g) ?? [];
  return runs.map((r) => r.trim()).filter((r) => !(r.match(/[A-Za-z][A-Za-z'’/-]+/g) ?? []).every((w) => w === w.toUpperCase() || properNames.has(w)));
}

describe('the catalogues', () => {
  it('every language has every key of the others (plural forms aside; names of countries, groups, sources and schedules are optional overrides)', () => {
    const optional = /^(countries|groups|sources|schedules|compare\.items|claims|texts|plotly)\./;
    const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
    const sets = LANGUAGES.map((l) => new Set(catalogueKeys(l).filter((k) => !optional.test(k)).map(base)));
    expect(LANGUAGES).toEqual(['en', 'ru']);
    for (const s of sets) expect([...s].sort()).toEqual([...sets[0]].sort());
  });

  it('the English catalogue says exactly what the API and downloads say (unit help, verdict rules); the ledger\'s explanations have one English, the catalogue\'s', async () => {
    const { UNIT_HELP, UNITS } = await import('../../src/transform/units.ts');
    const { VERDICT_RULES } = await import('../../src/ledger/evaluate.ts');
    const { inEnglish, phrase } = await import('../../src/ledger/explanation.ts');
    // The downloads' English is the catalogue's phrase, filled by i18next (no second copy in the code).
    expect(inEnglish([phrase('change', { a: 1.5, b: 2 })])).toBe(translator('en')('ledger.change', { a: '1.5', b: '2' }));
    expect(inEnglish([phrase('ratioAtLeast', { a: 5.02, from: '2021', b: 9.09, to: '2022', ratio: 1.81, atLeast: 1.8 })])).toBe('5.02 (2021) → 9.09 (2022): ×1.81 (criterion: at least ×1.8)');
    const en = translator('en');
    for (const u of Object.keys(UNITS) as Array<keyof typeof UNITS>) {
      expect(en(`view.unitHelp.${u}`)).toBe(UNIT_HELP[u]);
      expect(en(`view.units.${u}`)).toBe(UNITS[u]);
    }
    for (const [v, rule] of Object.entries(VERDICT_RULES)) expect(en(`paper.rules.${v}`)).toBe(rule);
  });

  it('texts whose English lives with the code or the data (the API reference, licences, series notes, date conventions) are in every other language\'s glossary, and nothing there is stale', async () => {
    const { CSV_RULES, CSV_SHAPES, openApiDocument } = await import('../../src/server/openapi.ts');
    const { UNITS_DESCRIPTION } = await import('../../src/server/query-schemas.ts');
    const { glossary } = await import('../../src/server/i18n.ts');
    const doc = openApiDocument(undefined, t.jobs.map((j) => j.name)) as unknown as { paths: Record<string, Record<string, { summary: string; parameters?: Array<{ description?: string; schema?: { description?: string } }>; responses: Record<string, { description: string }> }>> };
    const texts = new Set<string>([CSV_RULES, ...CSV_SHAPES.flatMap((c) => [c.name, ...c.columns.map((x) => x[1])]), ...t.jobs.map((j) => j.connector.publisher.licence)]);
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item)) {
        texts.add(op.summary);
        for (const p of op.parameters ?? []) texts.add(p.description || p.schema?.description || '');
        for (const r of Object.values(op.responses)) texts.add(r.description);
      }
    // Series notes and date conventions, written by the connectors into the metadata.
    for (const e of t.repo.list()) for (const n of [...(e.meta.notes ?? []), e.meta.dateConvention ?? '']) texts.add(n);
    // Events' evidence (data/events.json).
    for (const e of t.repo.events) texts.add(e.citation);
    texts.delete('');
    texts.delete(UNITS_DESCRIPTION); // worded from the catalogue's unit help
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const words = glossary(lang, 'texts');
      expect([lang, [...texts].filter((x) => !words.has(x))]).toEqual([lang, []]);
      expect([lang, [...words.keys()].filter((x) => !texts.has(x))]).toEqual([lang, []]);
    }
  });

  it('a Russian series page gives the licence, notes, date convention and events\' evidence in Russian', async () => {
    const ru = (await request(t.app).get('/ru/series/nbk.USD')).text;
    expect(ru).toMatch(/<dd lang="ru">Публичная регуляторная информация/);
    expect(ru).toMatch(/<dd lang="ru">Курс на дату D объявляется в день D−1/);
    expect(ru).toMatch(/<span lang="ru">Официальный курс USD НБК 122,32/);
    expect(ru).not.toMatch(/<(dd|span) lang="en">(Public regulatory|The rate for date D|NBK official USD rate)/);
  });

  it('Russian plurals have their three forms: 1 ряд, 2 ряда, 5 рядов', () => {
    const ru = translator('ru');
    expect([1, 2, 5, 21, 22, 25, 11].map((n) => ru('status.seriesCount', { count: n }))).toEqual(['1 ряд', '2 ряда', '5 рядов', '21 ряд', '22 ряда', '25 рядов', '11 рядов']);
  });
});

describe('every route in both languages', () => {
  it.each(TRANSLATED)('%s renders in English and in Russian, with <html lang> and no missing key', async (url) => {
    missingKeys.clear();
    const expected = url === '/no-such-page' ? 404 : 200;
    const en = await request(t.app).get(url);
    const ru = await request(t.app).get(`/ru${url}`);
    expect(en.status).toBe(expected);
    expect(ru.status).toBe(expected);
    expect(en.text).toContain('<html lang="en">');
    expect(ru.text).toContain('<html lang="ru">');
    expect([...missingKeys]).toEqual([]);
  });

  it.each(TRANSLATED)('the Russian %s has no English interface text left', async (url) => {
    const ru = await request(t.app).get(`/ru${url}`);
    // Proper names allowed: the brand, and the repositories the bundled data came through.
    const proper = new Set(['kz-indicators', 'Comtrade', 'wiiw', 'English', 'Asia/Almaty', 'Europe/Luxembourg', 'no-such-page']);
    for (const e of t.repo.list()) for (const r of e.meta.rawSnapshots) if (r.repository) proper.add(r.repository);
    expect(englishRuns(visibleText(ru.text), proper)).toEqual([]);
  });

  it('the detector finds English where it is (its own check): the English overview is full of it', async () => {
    const en = await request(t.app).get('/');
    expect(englishRuns(visibleText(en.text), new Set()).length).toBeGreaterThan(10);
  });

});

describe('links, the switch, `/` and caches', () => {
  it('links in a Russian page stay Russian; downloads, the API and assets keep their one address', async () => {
    const ru = await request(t.app).get('/ru/partners');
    expect(ru.text).toContain('href="/ru/data"');
    expect((await request(t.app).get('/ru/data')).text).toContain('href="/ru/series/');
    expect(ru.text).toContain('href="/partners/mirror.csv"');
    expect(ru.text).toContain('href="/api/partners?flow=turnover"');
    expect(ru.text).not.toMatch(/href="\/(data|status|compare|paper)"/);
    expect(localHref('ru', '/series/x/full.csv?a=1')).toBe('/series/x/full.csv?a=1');
    expect(localHref('ru', '/data')).toBe('/ru/data');
    expect(localHref('ru', '/')).toBe('/ru/');
    expect(localHref('ru', 'https://eur-lex.europa.eu/x')).toBe('https://eur-lex.europa.eu/x');
    expect(localHref('en', '/data')).toBe('/data');
  });

  it('the language switch keeps the view (path and query) and is marked with its language', async () => {
    const ru = await request(t.app).get('/ru/partners?flow=exports');
    expect(ru.text).toContain('<a lang="en" hreflang="en" href="/partners?flow=exports">English</a>');
    const en = await request(t.app).get('/series/nbk.USD?units=pc1&from=2022-01-01');
    expect(en.text).toContain('href="/ru/series/nbk.USD?units=pc1&amp;from=2022-01-01">Русский</a>');
  });

  it('`/` follows the browser once and says so; a chosen language is kept', async () => {
    const first = await request(t.app).get('/').set('Accept-Language', 'ru-RU,ru;q=0.9,en;q=0.6');
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/ru/?chosen=browser');
    expect(first.headers.vary).toMatch(/Accept-Language/);
    expect(String(first.headers['set-cookie'])).toMatch(/lang=ru/);
    const landing = await request(t.app).get(first.headers.location);
    expect(landing.text).toContain('Русский выбран по языку вашего браузера.');
    // Once: with the choice remembered, `/` is English if asked for.
    const again = await request(t.app).get('/').set('Accept-Language', 'ru').set('Cookie', 'lang=ru');
    expect(again.status).toBe(200);
    expect(again.text).toContain('<html lang="en">');
    expect((await request(t.app).get('/').set('Accept-Language', 'en-GB,en')).status).toBe(200);
  });

  it('each language is its own cache entry and ETag; a download is the same bytes in both', async () => {
    const en = await request(t.app).get('/partners');
    const ru = await request(t.app).get('/ru/partners');
    expect(en.headers.etag).toBeTruthy();
    expect(ru.headers.etag).not.toBe(en.headers.etag);
    expect((await request(t.app).get('/ru/partners').set('If-None-Match', ru.headers.etag)).status).toBe(304);
    const csvEn = await request(t.app).get('/series/nbk.USD/full.csv');
    const csvRu = await request(t.app).get('/ru/series/nbk.USD/full.csv');
    expect(csvRu.text).toBe(csvEn.text);
  });

  it('the metadata download carries the title and unit in every language', async () => {
    const m = (await request(t.app).get('/series/bns.TURNOVER.CHN/metadata.json')).body;
    expect(m.titles).toEqual({ en: 'Kazakhstan: trade turnover (exports + imports) with China (BNS)', ru: 'Казахстан — Китай: товарооборот (БНС)' });
    expect(m.units).toEqual({ en: 'thousands of US dollars', ru: 'тыс. долларов США' });
  });

  it('why a value is empty (no index base, a result that is not a finite number, a frequency not offered) is said in Russian', async () => {
    const index = (await request(t.app).get('/ru/series/nbk.USD?units=index&index_date=1990-01-01&from=2005-01-01&to=2005-01-31')).text;
    expect(index).toMatch(/индекс: нет значения, действующего на 1990-01-01/);
    const overflow = (await request(t.app).get('/ru/series/nbk.BYN?units=pca&from=2016-07-01&to=2016-07-03')).text;
    expect(overflow).toMatch(/pca: 1 значение оставлено пустым/);
    const native = (await request(t.app).get('/ru/series/nbk.USD?freq=m&compare=imf.NGDPD.KAZ&from=2022')).text;
    expect(native).toMatch(/Показаны годовые данные: как месячные их показать нельзя\./);
    for (const page of [index, overflow, native]) expect(page).not.toMatch(/to base the index on|not a finite number|cannot be shown/);
  });

  it('why a request was refused is said in the page\'s language; the API says it in English', async () => {
    const cases: Array<[string, number, RegExp, RegExp]> = [
      ['/series/nbk.USD?from=2020&to=2010', 400, /начало 2020-01-01 позже конца 2010-12-31/, /from 2020-01-01 is after to 2010-12-31/],
      ['/series/nope.X', 404, /Ряда "nope\.X" нет/, /There is no series "nope\.X"/],
      ['/series/imf.NGDPD.KAZ?freq=m', 400, /у imf\.NGDPD\.KAZ годовые данные/, /imf\.NGDPD\.KAZ has annual data/],
      ['/series/nbk.USD?units=zzz', 400, /units="zzz": допустимые значения — lin, /, /units="zzz" is not one of lin, /],
      ['/series/nbk.USD?to=2024-02-30', 400, /to="2024-02-30" — не дата/, /to="2024-02-30" is not a date/],
      ['/compare?concept=zzz', 404, /Сравнения "zzz" нет/, /No comparison "zzz"/],
      ['/series/imf.NGDP_RPCH.KAZ/vintages?target=20', 400, /target="20" — не год/, /target="20" is not a year/],
    ];
    for (const [url, status, russian, english] of cases) {
      const ru = await request(t.app).get(`/ru${url}`);
      expect([url, ru.status]).toEqual([url, status]);
      const unquoted = (html: string) => html.replace(/&#34;/g, '"');
      expect(unquoted(ru.text)).toMatch(russian);
      expect(unquoted((await request(t.app).get(url)).text)).toMatch(english);
    }
    // A value the client sent is shown as sent, never read as a placeholder or a nested phrase.
    const sneaky = (await request(t.app).get('/ru/series/nbk.USD?units=%24t(reasons.fromAfterTo)%7B%7Bname%7D%7D')).text.replace(/&#34;/g, '"');
    expect(sneaky).toMatch(/units="\$t\(reasons\.fromAfterTo\)\{\{name\}\}": допустимые значения/);
    const api = await request(t.app).get('/api/series/nbk.USD?from=2020&to=2010');
    expect(api.body.error).toBe('from 2020-01-01 is after to 2010-12-31');
  });

  it('the zip bundle\'s README is in every language, from the catalogues, and the zip is the same whichever page it is taken from', async () => {
    const zip = async (url: string) => new Uint8Array((await request(t.app).get(url).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    })).body as Buffer);
    const en = await zip('/series/bns.TURNOVER.CHN/bundle.zip');
    expect(Buffer.from(await zip('/ru/series/bns.TURNOVER.CHN/bundle.zip')).equals(Buffer.from(en))).toBe(true);
    const readme = strFromU8(unzipSync(en)['README.md']);
    expect(readme).toMatch(/^# Kazakhstan: trade turnover \(exports \+ imports\) with China \(BNS\)\n\nSeries id: bns\.TURNOVER\.CHN\nUnit: thousands of US dollars \(scale: thousands\)/);
    expect(readme).toMatch(/\n# Казахстан — Китай: товарооборот \(БНС\)\n\nИдентификатор ряда: bns\.TURNOVER\.CHN\nЕдиница: тыс\. долларов США \(масштаб: тысячи\); частота: ежегодно/);
    expect(readme).toMatch(/Охват: с 2018 по 2023, 6 значений/);
    expect(readme).toMatch(/## Лицензия и условия\nОфициальная статистика Республики Казахстан/);
  });

  it('the replication bundle\'s README explains every number in Russian too', async () => {
    const res = await request(t.app).get('/paper/replication.zip').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const readme = strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['README.md']);
    const [english, russian] = readme.split('\n---\n').map((s) => s.trim());
    expect(english).toMatch(/### inflation-2014-2023 \(§3\.1\.1\) — differs/);
    expect(russian).toMatch(/^# Пакет для воспроизведения/);
    expect(russian).toMatch(/### inflation-2014-2023 \(§3\.1\.1\) — расходится/);
    expect(russian).toMatch(/- МВФ, ПМЭ, NGDPD, 2013: [\d\s\u00a0]+,\d+ → совпадает\. Операция `value` над `imf\.NGDPD\.KAZ` \(значение за 2013; ПМЭ, октябрь 2025 г\.\)/);
    expect(russian).not.toMatch(/value for \d{4}|Operation `|At the paper's time/);
  });

  it('numbers and dates the Russian way', async () => {
    const ru = await request(t.app).get('/ru/');
    expect(ru.text).toMatch(/11 сентября 2026 г\./);
    expect(ru.text).toMatch(/\d,\d/);
    const names = localNames('ru', translator('ru'), t.vocabulary);
    expect(names.unitIn('tenge per 1 USD')).toBe('тенге за 1 USD');
  });
});

describe('the ledger in Russian', () => {
  it('every claim\'s readings, bases, reasons and not-checkable notes have a Russian text', async () => {
    const { loadClaims } = await import('../../src/ledger/claims.ts');
    const names = localNames('ru', translator('ru'), t.vocabulary);
    const missing: string[] = [];
    for (const c of (await loadClaims(path.join(REPO, 'data'))).claims) {
      const need: Array<[string, string]> = [];
      (c.readings ?? []).forEach((r, i) => {
        need.push([`r${i}`, r.label]);
        if (r.basis) need.push([`b${i}`, r.basis]);
        if (r.op === 'record' && r.earlier) need.push([`e${i}`, r.earlier.label]);
      });
      if (c.primary) need.push(['why', c.primary.why]);
      // The readings that settle a not-checkable claim follow its own, indices and all.
      (c.settledBy?.readings ?? []).forEach((r, i) => need.push([`r${(c.readings?.length ?? 0) + i}`, r.label], ...(r.basis ? [[`b${(c.readings?.length ?? 0) + i}`, r.basis] as [string, string]] : [])));
      if (c.settledBy) need.push(['why', c.settledBy.primary.why]);
      if (c.notCheckable) need.push(['nc', c.notCheckable]);
      if (c.ambiguousBecause) need.push(['amb', c.ambiguousBecause]);
      if (c.context) need.push(['ctx', c.context]);
      for (const [key, written] of need) if (names.claimPhrase(c.id, key, written).lang !== 'ru') missing.push(`${c.id}.${key}`);
    }
    expect(missing).toEqual([]);
    expect(names.claimPhrase('paperAccess', 'note', '').lang).toBe('ru');
  });

  it('how each reading was computed, the edition read and why the claim got its verdict are in Russian, numbers the Russian way', async () => {
    const ru = (await request(t.app).get('/ru/paper')).text;
    expect(ru).not.toMatch(/value for \d{4}|sum over|By the primary reading|no vintage dated|Alternatives —/);
    expect(ru).toMatch(/значение за 2013; ПМЭ, октябрь 2025 г\./);
    expect(ru).toMatch(/По основному прочтению \(МВФ, ПМЭ, NGDPD, 2013\): совпадает\./);
    expect(ru).toMatch(/по выпускам: ПМЭ, октябрь 2023 г\./);
    // A record against an earlier publication names it in Russian; numbers have a decimal comma.
    expect(ru).toMatch(/МВФ DOTS, экспорт \+ импорт: наибольшее — 2012 \(23,8577\)/);
    const en = (await request(t.app).get('/paper')).text;
    expect(en).toMatch(/IMF DOTS exports \+ imports: highest 2012 \(23\.8577\)/);
  });
});

describe('series titles in Russian', () => {
  it('every series has a Russian title; those that fall back to English are listed here (none today)', () => {
    const names = localNames('ru', translator('ru'), t.vocabulary);
    const untranslated = t.repo.list().filter((e) => !names.title(e.meta).translated).map((e) => e.meta.id);
    expect(untranslated).toEqual([]);
    expect(names.titleIn({ id: 'nbk.TJS', title: '' })).toBe('Официальный курс: тенге за 1 TJS (таджикский сомони)');
    expect(names.titleIn({ id: 'bns.TURNOVER.CHN', title: '' })).toBe('Казахстан — Китай: товарооборот (БНС)');
    expect(names.titleIn({ id: 'imf.NGDPD.KAZ', title: '' })).toBe('Казахстан: ВВП в текущих ценах');
    // An id nobody catalogued keeps its English title, visibly marked.
    expect(names.titleIn({ id: 'imf.NOPE.KAZ', title: 'Kazakhstan: something' })).toBe('Kazakhstan: something [по-английски]');
  });
});
