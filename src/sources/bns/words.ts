// BNS's words: bns.<TURNOVER|EXPORTS|IMPORTS>.<PARTNER>, Kazakhstan's own annual report; a
// vintage is a release year, or the latest release of each year.
import type { IdScheme, SourceWords, TradeSeries } from '../../domain/source-words.ts';

export const bnsId = (flowCode: string, partner: string): string => `bns.${flowCode}.${partner}`;

export const BNS_IDS: IdScheme<TradeSeries> = {
  parse(id) {
    const m = /^bns\.(TURNOVER|EXPORTS|IMPORTS)\.([A-Z0-9_]+)$/.exec(id);
    return m ? { flow: m[1].toLowerCase() as TradeSeries['flow'], partner: m[2], reporter: 'KAZ', frequency: 'A' } : undefined;
  },
  format: (s) => bnsId(s.flow.toUpperCase(), s.partner),
};

export const BNS_WORDS: SourceWords = {
  title(id) {
    const s = BNS_IDS.parse(id);
    return s ? { key: `titles.bns${s.flow.toUpperCase()}`, partners: { partner: s.partner } } : undefined;
  },
  vintage(key) {
    if (/^\d{4}$/.test(key)) return { key: 'vintage.bnsRelease', values: { year: key } };
    return key === 'latest' ? { key: 'vintage.bnsLatest' } : undefined;
  },
  trade: BNS_IDS,
};
