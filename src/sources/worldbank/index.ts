// World Bank World Development Indicators: the API v2, paged (the page count is read with each
// page), one request a second; and the bundled WDI extract.
import { PipelineError } from '../../domain/errors.ts';
import type { SourceConnector } from '../connector.ts';
import { parseWbPage } from './api.ts';
import { WB_PUBLISHER } from './indicators.ts';
import { parseWdiLongCsv } from './wdi-csv.ts';
import { WORLDBANK_WORDS } from './words.ts';

export { WB_INDICATORS } from './indicators.ts';

export interface WorldBankOptions {
  baseUrl: string;
  indicators: string[];
  countries: string[];
  perPage: number;
  pauseMs: number;
  expected: string[];
  /** The most pages one indicator may have: an answer claiming more is refused, not followed for hours. */
  maxPages: number;
}

export function createWorldBank(opts: WorldBankOptions): SourceConnector {
  return {
    name: 'worldbank',
    title: 'World Bank World Development Indicators (API v2)',
    version: '1.0.0',
    words: WORLDBANK_WORDS,
    publisher: WB_PUBLISHER,
    expectedSeries: () => opts.expected,
    parsers: {
      'wb-page': (bytes, meta) => {
        const page = parseWbPage(bytes, meta, opts.countries);
        return { series: page.series, notes: [], pages: page.pages };
      },
      'wdi-long-csv': (bytes, meta) => parseWdiLongCsv(bytes, meta, opts.countries),
    },
    async fetch(ctx) {
      let n = 0;
      for (const [i, code] of opts.indicators.entries()) {
        for (let page = 1, pages = 1; page <= pages; page++) {
          if (n++ > 0) await ctx.sleep(opts.pauseMs);
          const url = `${opts.baseUrl}/country/${opts.countries.join(';')}/indicator/${encodeURIComponent(code)}?format=json&per_page=${opts.perPage}&page=${page}`;
          const response = await ctx.http.get(url, { source: 'worldbank', accept: 'application/json' });
          const parsed = await ctx.accept({ response, parser: 'wb-page', key: `indicator/${code}/page-${page}`, ext: 'json', request: { indicator: code, page: String(page) } });
          pages = parsed.pages ?? page;
          if (pages > opts.maxPages) {
            throw new PipelineError('WB_TOO_MANY_PAGES', `${code}: the answer says ${pages} pages of ${opts.perPage}; at most ${opts.maxPages} are followed (our request needs one or two)`, { source: 'worldbank', url: response.url });
          }
        }
        ctx.progress(i + 1, opts.indicators.length, code);
      }
    },
  };
}
