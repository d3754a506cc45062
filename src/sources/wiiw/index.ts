// FDI in Kazakhstan by partner, from the wiiw FDI database (values from the National Bank of
// Kazakhstan), imported from a published download.
import type { SourceConnector } from '../connector.ts';
import { importedOnlyFetch } from '../shared/imported-only.ts';
import { parseWiiwCsv } from './parse.ts';
import { WIIW_WORDS } from './words.ts';


export function createWiiw(): SourceConnector {
  return {
    name: 'wiiw',
    title: 'wiiw FDI database: Kazakhstan by partner (NBK data)',
    version: '1.1.0',
    words: WIIW_WORDS,
    publisher: {
      name: 'wiiw FDI database, data of the National Bank of Kazakhstan',
      url: 'https://data.wiiw.ac.at/fdi-database.html',
      licence: 'wiiw database terms (https://wiiw.ac.at/); underlying data © National Bank of Kazakhstan',
      citation: 'wiiw FDI database (Vienna Institute for International Economic Studies), National Bank of Kazakhstan data',
    },
    expectedSeries: () => ['wiiw.FDI_INFLOW.G001', 'wiiw.FDI_STOCK.G001'],
    parsers: { 'wiiw-csv': (bytes, meta) => parseWiiwCsv(bytes, meta) },
    fetch: importedOnlyFetch('wiiw'),
  };
}
