// A source knows its own words: its id scheme and title phrases live in its folder
// (src/sources/<x>/words.ts) and everything else reads them through the Vocabulary. Checked two
// ways: no code outside src/sources/ reads or builds a series id by pattern, and every stored
// series is claimed by its own source's words, whose id schemes read back what they write.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../pipelines/index.ts';
import { vocabularyOf } from '../../src/runner/job.ts';
import { DataRepository } from '../../src/store/repository.ts';
import { REPO, testConfig } from '../support/data-dir.ts';

const PREFIXES = ['nbk', 'imf', 'wb', 'bns', 'comtrade', 'wiiw', 'eurostat'];
const ID_IN_TEXT = new RegExp(`\\b(${PREFIXES.join('|')})(\\\\)?\\.`);

/** Regular expressions and template strings that read or build a series id, outside the sources. */
export function idPatternsIn(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    const isPattern = n.kind === ts.SyntaxKind.RegularExpressionLiteral || ts.isTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n);
    if (isPattern && ID_IN_TEXT.test(n.getText(sf))) out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${n.getText(sf).slice(0, 60)}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('a source knows its own words', () => {
  it('no code outside src/sources/ reads or builds a series id by pattern', () => {
    const found = tsFiles(path.join(REPO, 'src'))
      .filter((f) => !f.startsWith(path.join(REPO, 'src/sources') + path.sep))
      .flatMap((f) => idPatternsIn(path.relative(REPO, f), fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check sees a planted pattern and a planted id template', () => {
    const planted = "const a = /^bns\\.(EXPORTS)\\.([A-Z]+)$/.exec(id);\nconst b = `imf.imts.${x}.KAZ.A`;\n// a comment about nbk.USD is fine\nconst c = 'nbk.USD';";
    expect(idPatternsIn('planted.ts', planted).map((s) => s.split(' ')[0])).toEqual(['planted.ts:1', 'planted.ts:2']);
  });

  describe('over the bundled data', () => {
    const jobs = allJobs(testConfig(path.join(REPO, 'data')));
    const vocabulary = vocabularyOf(jobs);
    const repo = new DataRepository(path.join(REPO, 'data'), jobs.map((j) => j.name));
    beforeAll(() => repo.load());

    it("every series is titled by its own source's words, and by no other source's", () => {
      const wrong: string[] = [];
      for (const e of repo.list()) {
        const claimedBy = jobs.filter((j) => j.connector.words.title(e.meta.id)).map((j) => j.name);
        if (claimedBy.join() !== e.meta.source.job) wrong.push(`${e.meta.id}: ${claimedBy.join(', ') || 'no source'}`);
      }
      expect(repo.list().length).toBeGreaterThan(1000);
      expect(wrong).toEqual([]);
    });

    it('each trade and investment id reads back to itself through its source\'s scheme', () => {
      let trade = 0;
      for (const e of repo.list()) {
        const t = vocabulary.trade(e.meta.id);
        if (t) {
          trade++;
          expect(t.source).toBe(e.meta.source.job);
          expect(vocabulary.tradeId(t.source, t)).toBe(e.meta.id);
        }
        const i = vocabulary.investment(e.meta.id);
        if (i) expect(vocabulary.investmentId(i.source, i)).toBe(e.meta.id);
      }
      expect(trade).toBeGreaterThan(500);
    });
  });
});
