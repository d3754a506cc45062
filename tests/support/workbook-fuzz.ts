// Seeded damage to real workbooks, for the workbook reader: each trial changes a bundled .xlsx in
// one way and reads it. A trial passes when the reader either gives exactly the original cells or
// refuses with a coded error (XLSX_*), within a time bound; for damage that leaves the XML well
// formed but different (a cut or an inserted tag), a result other than the original is allowed,
// but every cell must then read or be refused with a code: never a hang, a crash or a TypeError.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PipelineError } from '../../src/domain/errors.ts';
import { readWorkbook } from '../../src/sources/shared/workbook.ts';

export type Damage = 'byte-flip' | 'truncate' | 'xml-space' | 'xml-cut' | 'xml-junk';
export const DAMAGES: Damage[] = ['byte-flip', 'truncate', 'xml-space', 'xml-cut', 'xml-junk'];
/** Damage that must leave the cells exactly as they were, or be refused. */
const EXACT_OR_REFUSED: ReadonlySet<Damage> = new Set(['byte-flip', 'truncate', 'xml-space']);
const JUNK = ['<c r="', '</c>', '<row r="99999999">', '"', '<', '<v>', '</v>', '<si>', '&amp', '<c r="ZZZ1" t="s"><v>999999</v></c>', '<mergeCell ref="A1:XFD1048576"/>', '<is><t>'];
const COLUMNS = 120;

/** Every cell of every sheet as text (a cell refused with a code reads as its code). */
export async function cellsOf(bytes: Buffer): Promise<string> {
  const sheets = await readWorkbook(bytes, { source: 'fuzz', file: 'x.xlsx' });
  const out: string[] = [];
  for (const s of sheets) {
    out.push(`# ${s.name} ${s.rowCount}`);
    for (let r = 1; r <= Math.min(s.rowCount, 5000); r++) {
      for (let c = 1; c <= COLUMNS; c++) {
        let v: unknown;
        try {
          v = s.cell(r, c);
        } catch (err) {
          if (!(err instanceof PipelineError)) throw err;
          v = `!${err.code}`;
        }
        if (v !== null) out.push(`${r},${c}=${JSON.stringify(v)}`);
      }
    }
  }
  return out.join('\n');
}

function damageXml(bytes: Buffer, damage: Damage, random: () => number): Buffer {
  const parts = unzipSync(new Uint8Array(bytes));
  const names = Object.keys(parts).filter((n) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(n));
  const name = names[Math.floor(random() * names.length)];
  let xml = strFromU8(parts[name]);
  const at = Math.floor(random() * xml.length);
  if (damage === 'xml-space') {
    // Whitespace between two tags, where XML allows it.
    for (let n = 0; n < 5; n++) {
      const i = xml.indexOf('><', Math.floor(random() * xml.length));
      if (i !== -1) xml = `${xml.slice(0, i + 1)}${random() < 0.5 ? '\n' : ' '}${xml.slice(i + 1)}`;
    }
  } else if (damage === 'xml-cut') xml = xml.slice(0, at) + xml.slice(at + 1 + Math.floor(random() * 300));
  else xml = xml.slice(0, at) + JUNK[Math.floor(random() * JUNK.length)] + xml.slice(at);
  return Buffer.from(zipSync({ ...parts, [name]: strToU8(xml) }));
}

export function damaged(bytes: Buffer, damage: Damage, random: () => number): Buffer {
  if (damage === 'truncate') return bytes.subarray(0, Math.floor(random() * bytes.length));
  if (damage === 'byte-flip') {
    const out = Buffer.from(bytes);
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) out[Math.floor(random() * out.length)] ^= 1 + Math.floor(random() * 255);
    return out;
  }
  return damageXml(bytes, damage, random);
}

export interface FuzzOutcome {
  damage: Damage;
  outcome: 'exact' | 'refused' | 'different' | 'failed';
  ms: number;
  detail?: string;
}

/** One trial: damage, read every cell, judge. */
export async function fuzzTrial(original: Buffer, expected: string, damage: Damage, random: () => number): Promise<FuzzOutcome> {
  const bytes = damaged(original, damage, random);
  const t = performance.now();
  try {
    const cells = await cellsOf(bytes);
    const ms = performance.now() - t;
    if (cells === expected) return { damage, outcome: 'exact', ms };
    return EXACT_OR_REFUSED.has(damage) ? { damage, outcome: 'failed', ms, detail: 'different cells where the damage allows none' } : { damage, outcome: 'different', ms };
  } catch (err) {
    const ms = performance.now() - t;
    if (err instanceof PipelineError && err.code.startsWith('XLSX_')) return { damage, outcome: 'refused', ms };
    return { damage, outcome: 'failed', ms, detail: `${(err as Error).name}: ${(err as Error).message}` };
  }
}
