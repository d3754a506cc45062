// NBK's words: its id scheme (nbk.<CCY> for a published rate; nbk.USDRUB is derived here) and the
// phrases that title its series, units and vintage. The one place the id scheme lives.
import type { Phrase, SourceWords } from '../../domain/source-words.ts';

export const DERIVED_USDRUB = 'nbk.USDRUB';

export const rateId = (ccy: string): string => `nbk.${ccy}`;

/** The currency of a published rate's id (nbk.USDRUB, derived, is not one). */
export function rateCurrency(id: string): string | undefined {
  return /^nbk\.([A-Z]{3})$/.exec(id)?.[1];
}

export const NBK_WORDS: SourceWords = {
  title(id): Phrase | undefined {
    if (id === DERIVED_USDRUB) return { key: 'titles.nbkRouble' };
    const code = rateCurrency(id);
    return code ? { key: 'titles.nbk', values: { code }, currencies: { name: code } } : undefined;
  },
  unit(unit) {
    const m = /^(tenge|roubles) per 1 ([A-Z]{3})$/.exec(unit);
    return m ? { key: m[1] === 'tenge' ? 'unitPatterns.tengePer' : 'unitPatterns.roublesPer', values: { code: m[2] } } : undefined;
  },
  vintage: (key) => (key === 'official' ? { key: 'vintage.nbk' } : undefined),
};
