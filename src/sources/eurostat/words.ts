// Eurostat Comext's words: eurostat.X.<REPORTER>.<PARTNER>.<M|A>, exports in euros as the
// reporter declares them (a member state, or an aggregate as Comext publishes it: GEU27_2020,
// G998, GEA20, GEA). One scheme for the bundled Relational View files and the live SDMX answers.
import type { IdScheme, SourceWords, TradeSeries } from '../../domain/source-words.ts';

export const comextId = (reporter: string, partner: string, frequency: 'M' | 'A'): string => `eurostat.X.${reporter}.${partner}.${frequency}`;

export const COMEXT_IDS: IdScheme<TradeSeries> = {
  parse(id) {
    const m = /^eurostat\.X\.([A-Z0-9_]+)\.([A-Z0-9_]+)\.([MA])$/.exec(id);
    return m ? { flow: 'exports', reporter: m[1], partner: m[2], frequency: m[3] as 'M' | 'A' } : undefined;
  },
  format(s) {
    if (s.flow !== 'exports' || s.frequency === 'Q') throw new Error('the Comext source holds monthly and annual exports only');
    return comextId(s.reporter, s.partner, s.frequency);
  },
};

export const COMEXT_VINTAGE = { key: 'comext', label: 'Eurostat Comext (as published)' };

export const EUROSTAT_WORDS: SourceWords = {
  title(id) {
    const s = COMEXT_IDS.parse(id);
    return s ? { key: s.frequency === 'M' ? 'titles.comextMonthly' : 'titles.comextAnnual', partners: { reporter: s.reporter, partner: s.partner } } : undefined;
  },
  vintage: (key) => (key === COMEXT_VINTAGE.key ? { key: 'vintage.comext' } : undefined),
  trade: COMEXT_IDS,
};
