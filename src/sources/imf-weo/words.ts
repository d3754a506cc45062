// WEO's words: imf.<INDICATOR>.<ISO3> (an indicator code has no dot), titled by the indicator's
// catalogue title and the country; a vintage is an edition, keyed by its month.
import type { SourceWords } from '../../domain/source-words.ts';

export const weoId = (indicator: string, iso3: string): string => `imf.${indicator}.${iso3}`;

export const WEO_WORDS: SourceWords = {
  title(id) {
    const m = /^imf\.([A-Z0-9_]+)\.([A-Z]{3})$/.exec(id);
    return m ? { key: 'titles.indicator', indicators: { indicator: `imf.${m[1]}` }, partners: { country: m[2] } } : undefined;
  },
  vintage(key) {
    const m = /^(\d{4})-\d{2}$/.exec(key);
    return m ? { key: 'vintage.weo', months: { month: key }, values: { year: m[1] } } : undefined;
  },
};
