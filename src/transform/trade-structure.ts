// The shape of a country's trade by partner, from one table (one publication) for one year:
// the paper's partner blocks (Russia, China, the EU, the US, Central Asia, the rest), each with
// its share of the total, and how concentrated trade is over partner countries. Pure arithmetic
// on the published values; tests compare it with a plain reference.

export interface YearTable {
  /** Value per partner country (ISO alpha-3), as published. */
  countries: ReadonlyMap<string, number>;
  /** Value per group row (G001 world, G998 EU…), as published. */
  groups: ReadonlyMap<string, number>;
}

export interface Block {
  id: string;
  label: string;
  /** A country, a published group row, or the sum of listed countries. */
  countries?: readonly string[];
  group?: string;
}

export interface BlockValue {
  id: string;
  value: number | null;
  /** Percent of the table's total. */
  share: number | null;
  /** Why a value is missing or partial, if it is. */
  note?: string;
}

/** The partner blocks of the paper's story; "rest" is the total less the others. */
export const TRADE_BLOCKS: readonly Block[] = [
  { id: 'RUS', label: 'Russia', countries: ['RUS'] },
  { id: 'CHN', label: 'China', countries: ['CHN'] },
  { id: 'EU', label: 'European Union', group: 'G998' },
  { id: 'USA', label: 'United States', countries: ['USA'] },
  { id: 'CA', label: 'Central Asia (KGZ, TJK, TKM, UZB)', countries: ['KGZ', 'TJK', 'TKM', 'UZB'] },
];

export const REST_BLOCK = { id: 'REST', label: 'Rest of the world' };

/** Each block's value and share of the total (the published world row); the rest by difference. */
export function blockValues(t: YearTable): { total: number | null; blocks: BlockValue[] } {
  const total = t.groups.get('G001') ?? null;
  const share = (v: number | null) => (v === null || total === null || total === 0 ? null : (100 * v) / total);
  const blocks: BlockValue[] = TRADE_BLOCKS.map((b) => {
    if (b.group) {
      const v = t.groups.get(b.group) ?? null;
      return { id: b.id, value: v, share: share(v), ...(v === null ? { note: 'the table has no row for this group' } : {}) };
    }
    const present = b.countries!.filter((c) => t.countries.has(c));
    const missing = b.countries!.filter((c) => !t.countries.has(c));
    if (!present.length) return { id: b.id, value: null, share: null, note: 'no value in the table' };
    const v = present.reduce((s, c) => s + t.countries.get(c)!, 0);
    return { id: b.id, value: v, share: share(v), ...(missing.length ? { note: `no value for ${missing.join(', ')} (not traded or not shown): summed without` } : {}) };
  });
  const known = blocks.every((b) => b.value !== null);
  const rest = total !== null && known ? total - blocks.reduce((s, b) => s + b.value!, 0) : null;
  blocks.push({ id: REST_BLOCK.id, value: rest, share: share(rest), ...(rest === null ? { note: 'needs the total and every block' } : {}) });
  return { total, blocks };
}

export interface Concentration {
  /** Herfindahl–Hirschman index over partner countries, shares in percent: 0–10,000. */
  hhi: number;
  /** Share of the three largest partners in the countries' sum, percent. */
  top3Share: number;
  top3: string[];
  /** Number of partner countries with a positive value. */
  partners: number;
}

/** Concentration over countries (groups never enter), shares of the countries' sum. */
export function concentration(countries: ReadonlyMap<string, number>): Concentration | null {
  const values = [...countries].filter(([, v]) => v > 0);
  const sum = values.reduce((s, [, v]) => s + v, 0);
  if (!values.length || sum <= 0) return null;
  const hhi = values.reduce((s, [, v]) => s + ((100 * v) / sum) ** 2, 0);
  const top = values.sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3);
  return { hhi, top3Share: (100 * top.reduce((s, [, v]) => s + v, 0)) / sum, top3: top.map(([c]) => c), partners: values.length };
}
