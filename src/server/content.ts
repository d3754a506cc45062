// Product content kept as data beside the claims: the overview's headline cards, the /compare
// concepts and the paper's Figure 1. Checked when the server starts: a malformed file or an id
// that is not a series id stops the start with a message naming the file and the field.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SERIES_ID } from '../domain/series.ts';

const Id = z.string().regex(SERIES_ID, 'not a series id');
const Year = z.string().regex(/^\d{4}$/);

const HeadlinesSchema = z.strictObject({
  about: z.string().optional(),
  cards: z.array(z.strictObject({ id: Id, label: z.string().min(1), window: z.number().int().positive() })).min(1),
});
const ComparisonsSchema = z.strictObject({
  about: z.string().optional(),
  comparisons: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), a: Id, b: Id, scaleB: z.number().positive(), unit: z.string(), reason: z.string() }))
    .min(1),
});
const FiguresSchema = z.strictObject({
  about: z.string().optional(),
  figure1: z.strictObject({ title: z.string().min(1), a: Id, b: Id, from: Year, to: Year }),
});

export type Headline = z.infer<typeof HeadlinesSchema>['cards'][number];
export type Comparison = z.infer<typeof ComparisonsSchema>['comparisons'][number];
export type Figure = z.infer<typeof FiguresSchema>['figure1'];

export interface ProductContent {
  headlines: Headline[];
  comparisons: Comparison[];
  figure1: Figure;
}

export class ContentError extends Error {
  readonly code = 'BAD_CONTENT';
}

async function read<T>(dataDir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  const file = path.join(dataDir, name);
  const parsed = schema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function loadContent(dataDir: string): Promise<ProductContent> {
  const [h, c, f] = await Promise.all([read(dataDir, 'headlines.json', HeadlinesSchema), read(dataDir, 'comparisons.json', ComparisonsSchema), read(dataDir, 'figures.json', FiguresSchema)]);
  return { headlines: h.cards, comparisons: c.comparisons, figure1: f.figure1 };
}
