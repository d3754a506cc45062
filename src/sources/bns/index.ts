// Bureau of National Statistics of Kazakhstan: foreign trade by partner country, one workbook
// per annual release, imported (BNS publishes no API the product reads; see sources.md §5).
import type { SourceConnector } from '../connector.ts';
import { importedOnlyFetch } from '../shared/imported-only.ts';
import { parseBnsWorkbook } from './parse.ts';
import { BNS_WORDS, bnsId } from './words.ts';

export function createBns(): SourceConnector {
  return {
    name: 'bns',
    title: 'Bureau of National Statistics: foreign trade by partner',
    version: '1.1.0',
    words: BNS_WORDS,
    publisher: {
      name: 'Bureau of National Statistics of the Republic of Kazakhstan',
      url: 'https://stat.gov.kz/',
      licence: 'Official statistics of the Republic of Kazakhstan; cite the Bureau of National Statistics',
      citation: 'Bureau of National Statistics, Agency for Strategic Planning and Reforms of the Republic of Kazakhstan, "Основные показатели внешней торговли Республики Казахстан"',
    },
    expectedSeries: () => ['TURNOVER', 'EXPORTS', 'IMPORTS'].flatMap((f) => [bnsId(f, 'G001'), bnsId(f, 'RUS'), bnsId(f, 'CHN')]),
    parsers: { 'bns-xlsx': (bytes, meta) => parseBnsWorkbook(bytes, meta) },
    fetch: importedOnlyFetch('bns'),
  };
}
