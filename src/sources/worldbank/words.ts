// The World Bank's words: wb.<INDICATOR>.<ISO3> (an indicator code has dots, NY.GDP.MKTP.CD);
// a vintage is the date WDI was last updated.
import type { SourceWords } from '../../domain/source-words.ts';

export const wdiId = (indicator: string, iso3: string): string => `wb.${indicator}.${iso3}`;

export const WORLDBANK_WORDS: SourceWords = {
  title(id) {
    const m = /^wb\.(.+)\.([A-Z]{3})$/.exec(id);
    return m ? { key: 'titles.indicator', indicators: { indicator: `wb.${m[1]}` }, partners: { country: m[2] } } : undefined;
  },
  vintage: (key) => (/^\d{4}-\d{2}-\d{2}$/.test(key) ? { key: 'vintage.wdi', dates: { date: key } } : undefined),
};
