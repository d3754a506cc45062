// UN Comtrade: China's customs figures for its trade with Kazakhstan, imported from a published
// download (the product does not call the Comtrade API yet: no answer of it has been recorded).
import type { SourceConnector } from '../connector.ts';
import { importedOnlyFetch } from '../shared/imported-only.ts';
import { parseComtradeCsv } from './parse.ts';
import { COMTRADE_WORDS } from './words.ts';

export function createComtrade(): SourceConnector {
  return {
    name: 'comtrade',
    title: 'UN Comtrade (China as reporter, Kazakhstan as partner)',
    version: '1.0.0',
    words: COMTRADE_WORDS,
    publisher: {
      name: 'United Nations, UN Comtrade database',
      url: 'https://comtradeplus.un.org/',
      licence: 'UN Comtrade terms of use: https://comtradeplus.un.org/ (free data, attribution required)',
      citation: 'United Nations, UN Comtrade database',
    },
    expectedSeries: () => ['comtrade.X.KAZ.CHN', 'comtrade.M.KAZ.CHN'],
    parsers: { 'comtrade-csv': (bytes, meta) => parseComtradeCsv(bytes, meta) },
    fetch: importedOnlyFetch('comtrade'),
  };
}
