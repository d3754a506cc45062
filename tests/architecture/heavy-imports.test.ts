// exceljs takes about 270 ms and 28 MB to load. Only the NBK export parser needs it, so it is
// imported when an export answer is parsed: starting the server, a refresh or a rebuild must
// not load it (checked in a fresh process, as a user starts one).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/data-dir.ts';

describe('heavy libraries', () => {
  it('loading the pipelines and the app does not load exceljs; parsing an export answer does', () => {
    const script = `
      const { createRequire } = await import('node:module');
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((k) => k.includes('/node_modules/exceljs/'));
      await import('./pipelines/index.ts');
      await import('./src/server/app.ts');
      const atStart = loaded();
      const { parseExcelExport } = await import('./src/sources/nbk/export.ts');
      await parseExcelExport(Buffer.from('PK not really a workbook'), { key: 'k' }, ['USD']).catch(() => undefined);
      console.log(JSON.stringify({ atStart, afterExport: loaded() }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ atStart: false, afterExport: true });
  });
});
