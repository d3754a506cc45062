// The paper's claims as data (data/claims.json). The file's shape is checked when it loads
// (one reading type per operation, each with exactly the fields it needs); the series and
// dates it names are checked against the data by validateClaims.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Observation } from '../domain/series.ts';

const Period = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a period is YYYY, YYYY-MM or YYYY-MM-DD');
const Window = z.tuple([Period, Period]);
const base = { label: z.string().min(1), series: z.string().min(1), scale: z.number().optional() };
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
    notCheckable: z.string().optional(),
    /** This claim's own access date, where it differs from the paper's (YYYY-MM). */
    accessDate: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM').optional(),
  })
  .refine((c) => (c.readings?.length ?? 0) > 0 || !!c.notCheckable, { message: 'a claim needs readings or a notCheckable reason' })
  .refine((c) => !c.readings?.length || (c.primary ? !c.ambiguousBecause : !!c.ambiguousBecause), { message: 'a claim with readings names its primary reading or says why it is ambiguous (one of the two)' })
  .refine((c) => !c.primary || c.primary.reading < (c.readings?.length ?? 0), { message: 'primary.reading is not one of the readings' });

const ClaimsFileSchema = z.strictObject({
  about: z.string().optional(),
  /** When the paper's references were accessed (YYYY-MM): the ledger is also read at the editions published before then. */
  paperAccess: z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'), note: z.string() }),
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
export type SeriesLookup = (
  id: string,
  at?: ReadAt,
) => { observations: Observation[]; vintageLabel: string; usedVintage: string; lastActualYear?: number } | undefined;

/** Every date a reading names. */
export function readingDates(r: Reading): string[] {
  switch (r.op) {
    case 'value':
      return [r.period];
    case 'max_below':
      return [...r.window, ...r.reference];
    case 'min_in_window_is':
      return [...r.window, r.period];
    default:
      return [r.from, r.to];
  }
}

export function readingSeries(r: Reading): string[] {
  return 'other' in r ? [r.series, r.other] : [r.series];
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
      for (const id of readingSeries(r)) {
        const s = lookup(id);
        if (!s) throw new ClaimError(`claim ${JSON.stringify(c.id)}: unknown series id ${JSON.stringify(id)}`);
        const first = s.observations[0]?.date ?? '';
        const last = s.observations[s.observations.length - 1]?.date ?? '';
        for (const d of readingDates(r)) {
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
