// The paper's claims as data (data/claims.json). The file's shape is checked when it loads
// (one reading type per operation, each with exactly the fields it needs); the series and
// dates it names are checked against the data by validateClaims.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Observation } from '../domain/series.ts';

const Period = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a period is YYYY, YYYY-MM or YYYY-MM-DD');
const Window = z.tuple([Period, Period]);
const base = {
  label: z.string().min(1),
  series: z.string().min(1),
  scale: z.number().optional(),
  /** What the reading measures, in words: reporter or mirror, net or gross, EUR or USD, calendar year. */
  basis: z.string().min(1).optional(),
  /** Read the series plus another, date by date (exports + imports = turnover). */
  plus: z.string().min(1).optional(),
  /** Read the series times another, date by date (GDP in dollars × tenge per dollar). */
  times: z.string().min(1).optional(),
};
/** Another series with its own window, for a comparison across publications. */
const Earlier = z.strictObject({ series: z.string().min(1), plus: z.string().min(1).optional(), scale: z.number().optional(), window: Window, label: z.string().min(1) });
const span = { from: Period, to: Period };

const ReadingSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('value'), ...base, period: Period }),
  z.strictObject({ op: z.literal('pct_change'), ...base, ...span }),
  z.strictObject({ op: z.literal('pct_fall_of_inverse'), ...base, ...span }),
  z.strictObject({ op: z.literal('compound'), ...base, ...span }),
  z.strictObject({ op: z.literal('sum'), ...base, ...span }),
  z.strictObject({ op: z.literal('max_below'), ...base, window: Window, reference: Window }),
  z.strictObject({ op: z.literal('pct_change_greater'), ...base, other: z.string().min(1), ...span }),
  z.strictObject({ op: z.literal('min_in_window_is'), ...base, window: Window, period: Period }),
  z.strictObject({ op: z.literal('spread_rises'), ...base, other: z.string().min(1), ...span }),
  // Two series move alike over a window: same direction and, with `factor`, sizes within that factor.
  z.strictObject({ op: z.literal('moves_alike'), ...base, other: z.string().min(1), ...span, factor: z.number().gt(1).optional() }),
  // The value went up (or down) between two dates.
  z.strictObject({ op: z.literal('direction'), ...base, ...span, direction: z.enum(['up', 'down']) }),
  // to / from is at least this factor ("nearly doubled": a stated criterion such as 1.8).
  z.strictObject({ op: z.literal('ratio_at_least'), ...base, ...span, atLeast: z.number().positive() }),
  // 100 × series / other on one date (a partner's share of the total).
  z.strictObject({ op: z.literal('share_of'), ...base, other: z.string().min(1), period: Period }),
  // The series ranks within the first `within` of every partner country whose series id starts with `prefix`.
  z.strictObject({ op: z.literal('rank_among'), ...base, prefix: z.string().min(1), period: Period, within: z.number().int().min(1) }),
  // The value at `period` is the highest of `window`, and above every value of `earlier` (another publication) too.
  z.strictObject({ op: z.literal('record'), ...base, period: Period, window: Window, earlier: Earlier.optional() }),
  // Every value in the window is above the value at `than` (a recovery from a low year).
  z.strictObject({ op: z.literal('all_above'), ...base, window: Window, than: Period }),
]);

const ClaimSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    section: z.string().min(1),
    quote: z.string().min(1),
    printed: z.number().nullable(),
    decimals: z.number().int().min(0).optional(),
    unit: z.string(),
    reference: z.string().nullable(),
    tolerancePct: z.number().min(0).optional(),
    readings: z.array(ReadingSchema).optional(),
    /** The natural reading of the words, and why; the verdict is this reading's. */
    primary: z.strictObject({ reading: z.number().int().min(0), why: z.string().min(1) }).optional(),
    /** Instead of a primary reading: why the words truly admit several readings. */
    ambiguousBecause: z.string().min(1).optional(),
    /** Why no bundled data settles the claim on the paper's basis, and which publication would. Readings
     *  given with it are on the data's own (different) basis: shown, but they do not make the verdict. */
    notCheckable: z.string().optional(),
    /** For a not-checkable claim: the readings that settle it once a refresh brings their data (until then it stays not checkable). */
    settledBy: z.strictObject({ readings: z.array(ReadingSchema).min(1), primary: z.strictObject({ reading: z.number().int().min(0), why: z.string().min(1) }) }).optional(),
    /** Instead of a primary reading: why the sentence is a concern or a setting, not a number (its readings are context, never judged). */
    context: z.string().optional(),
    /** This claim's own access date, where it differs from the paper's (YYYY-MM). */
    accessDate: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM').optional(),
  })
  .refine((c) => (c.readings?.length ?? 0) > 0 || !!c.notCheckable, { message: 'a claim needs readings or a notCheckable reason' })
  .refine((c) => !c.readings?.length || !!c.notCheckable || !!c.context || (c.primary ? !c.ambiguousBecause : !!c.ambiguousBecause), { message: 'a claim with readings names its primary reading, says why it is ambiguous, or says why it is context (one of them)' })
  .refine((c) => !c.primary || c.primary.reading < (c.readings?.length ?? 0), { message: 'primary.reading is not one of the readings' });

const ClaimsFileSchema = z.strictObject({
  about: z.string().optional(),
  /** When the paper's references were accessed (YYYY-MM): the ledger is also read at the editions published before then. */
  paperAccess: z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'), note: z.string() }),
  /** The paper's section titles as printed, by number (the ledger's section filter names them). */
  sections: z.record(z.string().regex(/^\d+(\.\d+)*$/), z.string().min(1)).optional(),
  claims: z.array(ClaimSchema),
});

export type Reading = z.infer<typeof ReadingSchema>;
export type Operation = Reading['op'];
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimsFile = z.infer<typeof ClaimsFileSchema>;
export const OPERATIONS = ReadingSchema.options.map((o) => o.shape.op.value);

export class ClaimError extends Error {}

/** Which data a reading uses: the latest (nothing), a vintage by key, or the latest vintage published by a month (YYYY-MM). */
export type ReadAt = { vintage?: string; asOf?: string } | undefined;

/** Series data by id, as the ledger needs it. */
export type SeriesLookup = ((
  id: string,
  at?: ReadAt,
) => { observations: Observation[]; vintageLabel: string; usedVintage: string; lastActualYear?: number; /** Asked as of this month, no vintage that old was held: the current one was read. */ noVintageAsOf?: string } | undefined) & {
  /** Every series id held (for readings over all partners, e.g. rank_among). */
  ids?: () => string[];
};

/** Every date a reading names. */
export function readingDates(r: Reading): string[] {
  switch (r.op) {
    case 'value':
      return [r.period];
    case 'max_below':
      return [...r.window, ...r.reference];
    case 'min_in_window_is':
    case 'record':
      return [...r.window, r.period];
    case 'share_of':
    case 'rank_among':
      return [r.period];
    case 'all_above':
      return [...r.window, r.than];
    default:
      return [r.from, r.to];
  }
}

/** Each series a reading reads, with the dates it reads it at (a record's earlier publication has its own window). */
export function seriesDates(r: Reading): Array<{ series: string; dates: string[] }> {
  const own = [r.series, ...(r.plus ? [r.plus] : []), ...(r.times ? [r.times] : []), ...('other' in r ? [r.other] : [])].map((series) => ({ series, dates: readingDates(r) }));
  if (r.op !== 'record' || !r.earlier) return own;
  return [...own, ...[r.earlier.series, ...(r.earlier.plus ? [r.earlier.plus] : [])].map((series) => ({ series, dates: r.earlier!.window }))];
}

export function readingSeries(r: Reading): string[] {
  const out = [r.series];
  if (r.plus) out.push(r.plus);
  if (r.times) out.push(r.times);
  if ('other' in r) out.push(r.other);
  if (r.op === 'record' && r.earlier) out.push(r.earlier.series, ...(r.earlier.plus ? [r.earlier.plus] : []));
  return out;
}

export function parseClaims(json: unknown, file = 'claims.json'): ClaimsFile {
  const parsed = ClaimsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ClaimError(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  // The file as written (zod's copy orders keys by the schema; pages and downloads keep the file's order).
  const asWritten = json as ClaimsFile;
  const ids = new Set<string>();
  for (const c of asWritten.claims) {
    if (ids.has(c.id)) throw new ClaimError(`${file}: claim ${JSON.stringify(c.id)} is repeated`);
    ids.add(c.id);
  }
  return asWritten;
}

/** The series and dates each reading names exist in the data. */
export function validateClaims(file: ClaimsFile, lookup: SeriesLookup): void {
  for (const c of file.claims) {
    for (const r of c.readings ?? []) {
      if (r.op === 'rank_among' && lookup.ids && !lookup.ids().some((id) => id.startsWith(r.prefix) && id !== r.series)) {
        throw new ClaimError(`claim ${JSON.stringify(c.id)}: no series to rank against under ${JSON.stringify(r.prefix)}`);
      }
      for (const { series: id, dates } of seriesDates(r)) {
        const s = lookup(id);
        if (!s) throw new ClaimError(`claim ${JSON.stringify(c.id)}: unknown series id ${JSON.stringify(id)}`);
        const first = s.observations[0]?.date ?? '';
        const last = s.observations[s.observations.length - 1]?.date ?? '';
        for (const d of dates) {
          if (d.slice(0, first.length) < first.slice(0, d.length) || d.slice(0, last.length) > last.slice(0, d.length)) {
            throw new ClaimError(`claim ${JSON.stringify(c.id)}: ${d} is outside the data of ${id} (${first} to ${last})`);
          }
        }
      }
    }
  }
}

export async function loadClaims(dataDir: string): Promise<ClaimsFile> {
  const file = path.join(dataDir, 'claims.json');
  return parseClaims(JSON.parse(await fs.readFile(file, 'utf8')), file);
}
