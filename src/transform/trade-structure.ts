// The shape of a country's trade by partner, from one table (one publication) for one year:
// the paper's partner blocks (Russia, China, the EU, the US, Central Asia, the rest), each with
// its share of the reporter's world total, and how concentrated trade is over partner countries.
// Every block has a fixed composition of countries for every year and publication: a group row
// as published (whose membership changes) is shown apart, never mixed in. Decimal arithmetic
// (exact.ts) on the published values; tests compare it with a plain reference.
import { EU27_2020 } from '../domain/partners.ts';
import { exactDifference, exactSum, percentOf, sumOfSquaredPercents } from './exact.ts';

export type FlowName = 'exports' | 'imports';

export interface YearTable {
  /** Value per partner country (ISO alpha-3), as published. */
  countries: ReadonlyMap<string, number>;
  /** Value per group row (G001 world, G998 EU…), as published. */
  groups: ReadonlyMap<string, number>;
  /** For a turnover made of two flows: the partners with one flow only, and which flow is missing. */
  missingFlow?: ReadonlyMap<string, FlowName>;
}

export interface Block {
  id: string;
  label: string;
  /** The block's composition: countries summed, the same for every year and publication. */
  countries: readonly string[];
  /** Where a table prints several members as one row (DOTS's Belgium-Luxembourg before 1997). */
  combinedRows?: ReadonlyArray<{ members: readonly string[]; group: string }>;
  /** What the block is, in words (shown on the page and in the CSV). */
  composition: string;
}

export interface BlockValue {
  id: string;
  value: number | null;
  /** Percent of the reporter's world total. */
  share: number | null;
  /** Why a value is missing or partial, if it is. */
  note?: string;
}

/** The partner blocks of the paper's story; "rest" is the world total less the others. */
export const TRADE_BLOCKS: readonly Block[] = [
  { id: 'RUS', label: 'Russia', countries: ['RUS'], composition: 'Russia' },
  { id: 'CHN', label: 'China', countries: ['CHN'], composition: 'China (mainland)' },
  {
    id: 'EU', label: 'European Union (EU-27)', countries: EU27_2020, combinedRows: [{ members: ['BEL', 'LUX'], group: 'GBLX' }],
    composition: 'the 27 member countries of the EU from February 2020, summed country by country in every year (the United Kingdom never included)',
  },
  { id: 'USA', label: 'United States', countries: ['USA'], composition: 'the United States' },
  { id: 'CA', label: 'Central Asia (KGZ, TJK, TKM, UZB)', countries: ['KGZ', 'TJK', 'TKM', 'UZB'], composition: 'Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan, summed' },
];

export const REST_BLOCK = { id: 'REST', label: 'Rest of the world', composition: 'the world total less the five blocks above' };

/** A publication's own group row, shown beside the blocks and never summed with them. */
export const PUBLISHED_EU = {
  id: 'EU_PUBLISHED', group: 'G998', label: 'EU as published',
  composition: 'the publisher\'s own EU row: BNS counts 28 members (the UK included) to 2022 and 27 in 2023; IMF DOTS counts the EU-27 in every year',
};

const flowWord = (f: FlowName) => (f === 'exports' ? 'exports' : 'imports');

/** One block's value in a year's table: its members summed, and a note on what is missing or partial. */
function blockValue(b: Block, t: YearTable, total: number | null): BlockValue {
  const parts: number[] = [];
  const missing: string[] = [];
  const oneWay: string[] = [];
  const combined: string[] = [];
  const covered = new Set<string>();
  for (const row of b.combinedRows ?? []) {
    if (row.members.every((c) => !t.countries.has(c)) && t.groups.has(row.group)) {
      parts.push(t.groups.get(row.group)!);
      row.members.forEach((c) => covered.add(c));
      combined.push(`${row.members.join(' and ')} as one row (${row.group})`);
    }
  }
  for (const c of b.countries) {
    if (covered.has(c)) continue;
    const v = t.countries.get(c);
    if (v === undefined) missing.push(c);
    else parts.push(v);
    const gone = t.missingFlow?.get(c);
    if (v !== undefined && gone) oneWay.push(`${c} (${flowWord(gone)} not published, counted as absent)`);
  }
  if (!parts.length) return { id: b.id, value: null, share: null, note: 'no value in the table' };
  const value = exactSum(parts);
  const notes = [
    ...(missing.length ? [`no value for ${missing.join(', ')} (not traded or not shown): summed without`] : []),
    ...(oneWay.length ? [`one flow only: ${oneWay.join(', ')}`] : []),
    ...combined,
  ];
  return { id: b.id, value, share: percentOf(value, total), ...(notes.length ? { note: notes.join('; ') } : {}) };
}

/** Each block's value and share of the total (the published world row); the rest by difference; the publisher's own EU row apart. */
export function blockValues(t: YearTable): { total: number | null; blocks: BlockValue[]; published: BlockValue } {
  const total = t.groups.get('G001') ?? null;
  const blocks = TRADE_BLOCKS.map((b) => blockValue(b, t, total));
  const known = blocks.every((b) => b.value !== null);
  const rest = total !== null && known ? exactDifference(total, exactSum(blocks.map((b) => b.value!))) : null;
  blocks.push({ id: REST_BLOCK.id, value: rest, share: percentOf(rest, total), ...(rest === null ? { note: 'needs the total and every block' } : {}) });
  const eu = t.groups.get(PUBLISHED_EU.group) ?? null;
  const published = { id: PUBLISHED_EU.id, value: eu, share: percentOf(eu, total), ...(eu === null ? { note: 'the table has no EU row' } : {}) };
  return { total, blocks, published };
}

/** Partners without which a year's concentration would mislead (the two largest in every year they are published). */
export const MAIN_PARTNERS = ['RUS', 'CHN'] as const;

export const HHI_DEFINITION =
  'HHI = Σ (partner country\'s turnover / the reporter\'s world turnover × 100)², over partner countries (never groups), a partner counting with any flow published; top-3 share on the same denominator. Withheld where the table lacks Russia or China.';

export interface Concentration {
  /** Herfindahl–Hirschman index, 0–10,000; null when withheld. */
  hhi: number | null;
  /** Share of the three largest partner countries in the world total, percent; null when withheld. */
  top3Share: number | null;
  top3: string[];
  /** Number of partner countries with a positive value. */
  partners: number;
  /** The countries' sum as a percent of the world total (the rest is groups' unallocated trade). */
  countriesShare: number | null;
  /** Why the index is withheld, if it is, and the main partners the table lacks. */
  withheld?: string;
  lacking?: string[];
}

/** Concentration over partner countries (groups never enter), each as a share of the world total. */
export function concentration(t: YearTable): Concentration | null {
  const world = t.groups.get('G001');
  const values = [...t.countries].filter(([, v]) => v > 0);
  if (world === undefined || world <= 0 || !values.length) return null;
  const top = values.sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3);
  const lacking = MAIN_PARTNERS.filter((c) => !t.countries.has(c));
  const base = { top3: top.map(([c]) => c), partners: values.length, countriesShare: percentOf(exactSum(values.map(([, v]) => v)), world) };
  if (lacking.length) return { ...base, hhi: null, top3Share: null, withheld: `the table has no value for ${lacking.join(', ')}`, lacking };
  return { ...base, hhi: sumOfSquaredPercents(values.map(([, v]) => v), world), top3Share: percentOf(exactSum(top.map(([, v]) => v)), world) };
}
