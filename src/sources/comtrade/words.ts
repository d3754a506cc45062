// Comtrade's words: comtrade.<X|M>.<PARTNER>.<REPORTER>, annual, as the partner reports it.
import type { IdScheme, SourceWords, TradeSeries } from '../../domain/source-words.ts';

export const comtradeId = (flowCode: string, partner: string, reporter: string): string => `comtrade.${flowCode}.${partner}.${reporter}`;

export const COMTRADE_IDS: IdScheme<TradeSeries> = {
  parse(id) {
    const m = /^comtrade\.([XM])\.([A-Z]{3})\.([A-Z]{3})$/.exec(id);
    return m ? { flow: m[1] === 'X' ? 'exports' : 'imports', partner: m[2], reporter: m[3], frequency: 'A' } : undefined;
  },
  format(s) {
    if (s.flow === 'turnover') throw new Error('Comtrade publishes no turnover');
    return comtradeId(s.flow === 'exports' ? 'X' : 'M', s.partner, s.reporter);
  },
};

export const COMTRADE_WORDS: SourceWords = {
  title(id) {
    const s = COMTRADE_IDS.parse(id);
    return s ? { key: s.flow === 'exports' ? 'titles.comtradeX' : 'titles.comtradeM', partners: { partner: s.partner, reporter: s.reporter } } : undefined;
  },
  vintage: (key) => (key === 'comtrade' ? { key: 'vintage.comtrade' } : undefined),
  trade: COMTRADE_IDS,
};
