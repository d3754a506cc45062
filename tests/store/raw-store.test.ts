import { describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { RawStore } from '../../src/store/raw-store.ts';
import { tempDataDir } from '../support/data-dir.ts';

const meta = (retrievedAt: string) => ({ source: 'nbk', kind: 'http' as const, parser: 'get-rates', key: 'get_rates/2026-04-01', retrievedAt, connectorVersion: 't', url: 'http://test/x', status: 200, contentType: 'text/xml' });

describe('raw store', () => {
  it('stores bytes unchanged with a sidecar, and does not store an identical body twice', async () => {
    const dir = await tempDataDir();
    const store = new RawStore(dir);
    const body = Buffer.from('<rates>…</rates>');
    const a = await store.put(meta('2026-04-08T13:43:25.000Z'), body, 'xml');
    expect(a.stored).toBe(true);
    expect(await fs.readFile(path.join(dir, a.snapshot.file))).toEqual(body);
    const side = JSON.parse(await fs.readFile(path.join(dir, a.snapshot.file + '.meta.json'), 'utf8'));
    expect(side).toMatchObject({ bytes: body.length, retrievedAt: '2026-04-08T13:43:25.000Z' });
    const b = await store.put(meta('2026-04-09T10:00:00.000Z'), body, 'xml');
    expect(b.stored).toBe(false);
    const c = await store.put(meta('2026-04-10T10:00:00.000Z'), Buffer.from('<rates>changed</rates>'), 'xml');
    expect(c.stored).toBe(true);
    expect(await store.list('nbk')).toHaveLength(2);
  });

  it('ignores a body still under its temp name (a crash before the commit), but names a body that has no sidecar', async () => {
    const dir = await tempDataDir();
    await fs.mkdir(path.join(dir, 'raw/nbk/x'), { recursive: true });
    await fs.writeFile(path.join(dir, 'raw/nbk/x/.orphan.xml.tmp-42-0123abcd'), 'x');
    expect(await new RawStore(dir).list('nbk')).toEqual([]);
    await fs.writeFile(path.join(dir, 'raw/nbk/x/orphan.xml'), 'x');
    await expect(new RawStore(dir).list('nbk')).rejects.toMatchObject({ code: 'RAW_SIDECAR_MISSING', context: { file: 'raw/nbk/x/orphan.xml' } });
  });
});
