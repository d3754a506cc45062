// What a source says about its own series ids, so that nothing outside src/sources/ reads an id
// with a regular expression: each source folder declares (in its words.ts) how its ids are
// made, which catalogue phrase titles each one, and which of them are trade or investment by
// partner. The server words the phrase in a page's language; it never parses an id itself.
// The registry (Vocabulary) is built from the job list, which is how the server sees sources.
export type TradeFlow = 'turnover' | 'exports' | 'imports';

/** A catalogue phrase and what fills it. Every placeholder must resolve in the page's language,
 *  or the title stays the English one, marked as untranslated. */
export interface Phrase {
  /** A key in locales/<lang>.json (titles.*, vintage.*, unitPatterns.*). */
  key: string;
  /** Placeholders filled as written (codes, years). */
  values?: Record<string, string>;
  /** Placeholders filled with a partner's or country's name (ISO3 or group code). */
  partners?: Record<string, string>;
  /** Placeholders filled with a currency's name (ISO 4217). */
  currencies?: Record<string, string>;
  /** Placeholders filled with an indicator's title (data/indicator-titles.csv, e.g. imf.NGDPD). */
  indicators?: Record<string, string>;
  /** Placeholders filled with a month's name (YYYY-MM). */
  months?: Record<string, string>;
  /** Placeholders filled with a long date (YYYY-MM-DD). */
  dates?: Record<string, string>;
}

/** One trade series: who reports, which flow, with whom, how often. */
export interface TradeSeries {
  flow: TradeFlow;
  partner: string;
  reporter: string;
  frequency: 'A' | 'Q' | 'M';
}

/** One investment series (wiiw): Kazakhstan's inward FDI from a partner. */
export interface InvestmentSeries {
  measure: 'stock' | 'inflow';
  partner: string;
}

/** A two-way mapping between ids and what they mean. */
export interface IdScheme<T> {
  parse(id: string): T | undefined;
  format(meaning: T): string;
}

export interface SourceWords {
  /** The phrase that titles one of this source's series; undefined when the id is not its own. */
  title(id: string): Phrase | undefined;
  /** The phrase for one of its vintage keys; undefined keeps the stored (English) label. */
  vintage?(key: string): Phrase | undefined;
  /** The phrase for a unit the catalogue's units.* table does not hold (NBK's "tenge per 1 USD"). */
  unit?(unit: string): Phrase | undefined;
  trade?: IdScheme<TradeSeries>;
  investment?: IdScheme<InvestmentSeries>;
}

/** Every source's words, by job name, as the server reads them. */
export class Vocabulary {
  constructor(private readonly bySource: ReadonlyMap<string, SourceWords>) {}

  static of(sources: ReadonlyArray<{ name: string; words: SourceWords }>): Vocabulary {
    return new Vocabulary(new Map(sources.map((s) => [s.name, s.words])));
  }

  title(id: string): Phrase | undefined {
    for (const w of this.bySource.values()) {
      const p = w.title(id);
      if (p) return p;
    }
    return undefined;
  }

  vintage(source: string, key: string): Phrase | undefined {
    return this.bySource.get(source)?.vintage?.(key);
  }

  unit(unit: string): Phrase | undefined {
    for (const w of this.bySource.values()) {
      const p = w.unit?.(unit);
      if (p) return p;
    }
    return undefined;
  }

  /** A trade series' meaning and its source, if the id is a trade series of any source. */
  trade(id: string): (TradeSeries & { source: string }) | undefined {
    return this.meaning('trade', id) as (TradeSeries & { source: string }) | undefined;
  }

  /** The id a source gives a trade series (the source must publish trade). */
  tradeId(source: string, meaning: TradeSeries): string {
    return this.scheme(source, 'trade').format(meaning);
  }

  investment(id: string): (InvestmentSeries & { source: string }) | undefined {
    return this.meaning('investment', id) as (InvestmentSeries & { source: string }) | undefined;
  }

  investmentId(source: string, meaning: InvestmentSeries): string {
    return this.scheme(source, 'investment').format(meaning);
  }

  /** What an id means under the first source whose scheme of that kind reads it. */
  private meaning(kind: 'trade' | 'investment', id: string): ((TradeSeries | InvestmentSeries) & { source: string }) | undefined {
    for (const [source, w] of this.bySource) {
      const m = w[kind]?.parse(id);
      if (m) return { ...m, source };
    }
    return undefined;
  }

  private scheme<K extends 'trade' | 'investment'>(source: string, kind: K): NonNullable<SourceWords[K]> {
    const s = this.bySource.get(source)?.[kind];
    if (!s) throw new Error(`source ${source} declares no ${kind} ids`);
    return s as NonNullable<SourceWords[K]>;
  }
}
