// IMF trade's words: imf.imts.<INDICATOR>.<COUNTERPART>.<REPORTER>.<FREQ>, the SDMX key's parts
// (XG_FOB_USD exports f.o.b., MG_CIF_USD imports c.i.f.), for IMTS answers and DOTS history alike.
import type { IdScheme, SourceWords, TradeSeries } from '../../domain/source-words.ts';

const INDICATOR = { exports: 'XG_FOB_USD', imports: 'MG_CIF_USD' } as const;

export const IMTS_IDS: IdScheme<TradeSeries> = {
  parse(id) {
    const m = /^imf\.imts\.(XG_FOB_USD|MG_CIF_USD)\.([A-Z0-9_]+)\.([A-Z0-9_]+)\.([AQM])$/.exec(id);
    return m ? { flow: m[1] === INDICATOR.exports ? 'exports' : 'imports', partner: m[2], reporter: m[3], frequency: m[4] as TradeSeries['frequency'] } : undefined;
  },
  format(s) {
    if (s.flow === 'turnover') throw new Error('IMF trade publishes no turnover (exports + imports is computed)');
    return imtsId(INDICATOR[s.flow], s.partner, s.reporter, s.frequency);
  },
};

export const imtsId = (indicator: string, counterpart: string, reporter: string, frequency: string): string => `imf.imts.${indicator}.${counterpart}.${reporter}.${frequency}`;

export const IMTS_WORDS: SourceWords = {
  title(id) {
    const s = IMTS_IDS.parse(id);
    return s && s.flow !== 'turnover' ? { key: s.flow === 'exports' ? 'titles.imtsExports' : 'titles.imtsImports', partners: { partner: s.partner, reporter: s.reporter } } : undefined;
  },
  vintage: (key) => (key === 'imts' ? { key: 'vintage.imts' } : key === 'dots-2022-02' ? { key: 'vintage.dots' } : undefined),
  trade: IMTS_IDS,
};
