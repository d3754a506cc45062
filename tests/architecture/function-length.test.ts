// Small functions everywhere in src/: none is longer than 60 lines (a long one is where two
// concepts hide in one place).
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../support/data-dir.ts';

const LIMIT = 60;

function longFunctions(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (n: ts.Node) => {
          if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
            const from = sf.getLineAndCharacterOfPosition(n.getStart()).line;
            const lines = sf.getLineAndCharacterOfPosition(n.getEnd()).line - from + 1;
            if (lines > LIMIT) out.push(`${path.relative(REPO, file)}:${from + 1} (${lines} lines)`);
          }
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
    }
  };
  walk(path.join(REPO, folder));
  return out;
}

describe('function length', () => {
  it(`no function in src/ is longer than ${LIMIT} lines`, () => {
    expect(longFunctions('src')).toEqual([]);
  });
});
