// wiiw's words: wiiw.<FDI_INFLOW|FDI_STOCK>.<PARTNER>, Kazakhstan's inward FDI by investor.
import type { IdScheme, InvestmentSeries, SourceWords } from '../../domain/source-words.ts';

export const wiiwId = (measureCode: string, partner: string): string => `wiiw.${measureCode}.${partner}`;

export const WIIW_IDS: IdScheme<InvestmentSeries> = {
  parse(id) {
    const m = /^wiiw\.(FDI_INFLOW|FDI_STOCK)\.([A-Z0-9_]+)$/.exec(id);
    return m ? { measure: m[1] === 'FDI_STOCK' ? 'stock' : 'inflow', partner: m[2] } : undefined;
  },
  format: (s) => wiiwId(s.measure === 'stock' ? 'FDI_STOCK' : 'FDI_INFLOW', s.partner),
};

export const WIIW_WORDS: SourceWords = {
  title(id) {
    const s = WIIW_IDS.parse(id);
    return s ? { key: s.measure === 'stock' ? 'titles.wiiwFDI_STOCK' : 'titles.wiiwFDI_INFLOW', partners: { partner: s.partner } } : undefined;
  },
  vintage: (key) => (key === 'wiiw' ? { key: 'vintage.wiiw' } : undefined),
  investment: WIIW_IDS,
};
