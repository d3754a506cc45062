// The ledger's explanations in a page's language: how each reading was computed, why the claim got
// its verdict, and which edition was read, worded by the catalogue (ledger.*) with the language's
// numbers, the claim's own texts (claims.<id>.*) and the verdict words. The downloads keep English.
import type { TFunction } from 'i18next';
import type { Judgement, ReadingResult } from '../ledger/evaluate.ts';
import { word, type Wording } from '../ledger/explanation.ts';
import { dateHelper, DEFAULT_LANGUAGE } from './i18n.ts';
import type { localNames } from './localised-names.ts';
import { numberFormat } from './view-helpers.ts';

type Names = Pick<ReturnType<typeof localNames>, 'claimPhrase' | 'vintageIn' | 'unitIn'>;

export function ledgerWords(lang: string, t: TFunction, names: Names) {
  const numbers = numberFormat(lang, 0, 4);
  const date = dateHelper(lang, t);

  const wording = (claimId: string, readings: ReadingResult[], job: string): Wording => ({
    phrase: (key, values) => t(`ledger.${key}`, values),
    number: (v) => numbers.format(v),
    reading: (i) => names.claimPhrase(claimId, `r${i}`, readings[i]?.label ?? '').text,
    verdict: (v) => t(`paper.verdict.${v}`),
    claimText: (key, written) => names.claimPhrase(claimId, key, written).text,
    vintage: (key, label) => names.vintageIn({ key, label }, job),
    unit: names.unitIn,
  });

  /** The edition a reading read, and whether none as old as asked was held. */
  const vintageOf = (r: ReadingResult, job: string): string => {
    if (lang === DEFAULT_LANGUAGE || !r.vintageKey) return r.vintage;
    const label = names.vintageIn({ key: r.vintageKey, label: r.vintage }, job);
    return r.noVintageAsOf ? `${label} ${t('paper.noVintageAsOf', { month: date(r.noVintageAsOf) })}` : label;
  };

  return {
    /** How reading `i` of a claim was computed. */
    explainReading: (claimId: string, readings: ReadingResult[], i: number, job: string): string => word(readings[i].explanation, wording(claimId, readings, job)),
    /** Why the claim got its verdict, sentence by sentence. */
    summaryOf: (claimId: string, j: Judgement): string => word(j.summaryPhrases, wording(claimId, j.readings, ''), ' '),
    vintageOf,
    /** The editions a judgement read, each once. */
    editionsOf: (j: Judgement, jobOf: (series: string) => string): string[] => [...new Set(j.readings.filter((r) => r.vintageKey).map((r) => vintageOf(r, jobOf(r.series[0]))))],
  };
}
