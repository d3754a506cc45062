// processed/<source>.meta.json schema 2: shared records once, series pointing to them. Read back,
// it is exactly the metadata that was written (key order included, as the downloads serve it),
// schema-1 files still read, and a file pointing to a record it lacks is named as damaged.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../pipelines/index.ts';
import { decodeMeta, renderMeta } from '../../src/store/meta-file.ts';
import { readSourceFiles } from '../../src/store/processed-store.ts';
import { REPO, tempDataDir, notRaw } from '../support/data-dir.ts';
import { resealProcessed } from '../support/tamper.ts';

const sources = JOBS.map((j) => j.name);
const processed = (source: string, ext: string) => fs.readFile(path.join(REPO, 'data/processed', `${source}.${ext}`), 'utf8');

describe('the metadata file', () => {
  it.each(sources)('%s: reads back to what was written, byte for byte when written again', async (source) => {
    const text = await processed(source, 'meta.json');
    const meta = decodeMeta(JSON.parse(text));
    expect(renderMeta(meta)).toBe(text);
    // Schema 1 (every record in every series) reads as the same metadata.
    expect(JSON.stringify(decodeMeta(JSON.parse(JSON.stringify(meta))))).toBe(JSON.stringify(meta));
    for (const s of Object.values(meta.series)) {
      expect(s.source.job).toBe(source);
      expect(s.rawSnapshots.every((r) => typeof r.file === 'string' && r.sha256.length === 64)).toBe(true);
    }
  });

  it.each(sources)('%s: is at most twice the size of its data, plus a fixed 4 KB of provenance', async (source) => {
    const [meta, csv, vintages] = await Promise.all(['meta.json', 'csv', 'vintages.csv'].map((e) => processed(source, e)));
    expect(Buffer.byteLength(meta)).toBeLessThanOrEqual(2 * (Buffer.byteLength(csv) + Buffer.byteLength(vintages)) + 4096);
  });

  it('a series pointing to a snapshot the file does not list, or an unknown schema, is a damaged file', async () => {
    for (const [what, edit] of [
      ['index', (m: Record<string, unknown>) => ((Object.values(m.series as object)[0] as { rawSnapshots: number[] }).rawSnapshots = [99])],
      ['schema', (m: Record<string, unknown>) => (m.schemaVersion = 3)],
    ] as const) {
      const dir = await tempDataDir();
      await fs.cp(path.join(REPO, 'data'), dir, { recursive: true, filter: notRaw });
      const file = path.join(dir, 'processed/comtrade.meta.json');
      const m = JSON.parse(await fs.readFile(file, 'utf8'));
      edit(m);
      await fs.writeFile(file, JSON.stringify(m, null, 2));
      await resealProcessed(dir, 'comtrade');
      await expect(readSourceFiles(dir, 'comtrade'), what).rejects.toMatchObject({ code: 'PROCESSED_DAMAGED', context: { file: 'processed/comtrade.meta.json' } });
    }
  });
});
