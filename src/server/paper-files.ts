// The ledger as files people take away: the ledger CSV, and the replication bundle (the
// ledger, the series it used, their metadata, and a README stating how each number was computed).
import { strToU8, zipSync } from 'fflate';
import { VERDICT_RULES, VERDICTS, type ClaimResult } from '../ledger/evaluate.ts';
import { toCsv } from '../lib/csv.ts';
import type { DataRepository } from '../store/repository.ts';
import { fullCsv } from './downloads.ts';

export function ledgerCsv(results: ClaimResult[]): string {
  const rows = results.flatMap((c) => {
    const base = [c.claim.id, c.claim.section, c.claim.quote, c.claim.printed, c.claim.unit, c.claim.reference ?? ''];
    if (!c.latest.readings.length) return [[...base, '', '', '', '', c.latest.verdict, c.atPaper.verdict, c.claim.notCheckable ?? '']];
    // A reading on the data's own basis beside a not-checkable claim: its verdict is for that basis only.
    const why = c.claim.notCheckable ? `; claim not checkable on the paper's basis: ${c.claim.notCheckable}` : `; claim verdict: ${c.latest.verdict}`;
    return c.latest.readings.map((r, i) => [...base, r.label, c.claim.readings?.[i]?.basis ?? '', r.value, r.vintage, r.verdict, c.atPaper.readings[i]?.verdict ?? '', `${r.detail}${why}`]);
  });
  return toCsv(
    ['claim_id', 'section', 'quote', 'printed', 'unit', 'reference', 'reading', 'basis', 'recomputed', 'vintage', 'verdict_latest', 'verdict_at_paper_vintage', 'detail'],
    rows,
    new Set([3, 8]),
  );
}

function readme(results: ClaimResult[]): string {
  const lines: string[] = [
    '# Replication bundle: the paper next to the data',
    '',
    "Paper: Miao Wang, \"Balancing, challenges, and opportunities: Kazakhstan's multi-vector foreign policy after Ukraine crisis\".",
    '## How verdicts are given',
    '',
    "Each claim names its primary reading (the natural reading of the words) and why; the verdict is that reading's, the others are alternatives.",
    '',
    ...VERDICTS.map((v) => `- **${v}**: ${VERDICT_RULES[v]}`),
    '',
    '## How each number was computed',
    '',
  ];
  for (const c of results) {
    const cl = c.claim;
    lines.push(`### ${cl.id} (§${cl.section}) — ${c.latest.verdict}`, '', `> ${cl.quote}`, '', `Printed: ${cl.printed ?? '—'} ${cl.unit}${cl.decimals !== undefined ? ` (${cl.decimals} decimals)` : ''}${cl.tolerancePct ? `; tolerance ${cl.tolerancePct}%` : ''}`, '');
    if (cl.notCheckable) lines.push(`Not checkable: ${cl.notCheckable}`, '');
    if (cl.primary) lines.push(`Primary reading: ${cl.readings?.[cl.primary.reading]?.label}. Why: ${cl.primary.why}`, '');
    if (cl.ambiguousBecause) lines.push(`No primary reading: ${cl.ambiguousBecause}`, '');
    c.latest.readings.forEach((r, i) => {
      const op = cl.readings?.[i]?.op;
      lines.push(`- ${r.label}: ${r.value === null ? 'missing' : r.value} → ${r.verdict}. Operation \`${op}\` on \`${r.series.join('`, `')}\` (${r.detail}; ${r.vintage}). At the paper's time (${c.atPaper.readings[i]?.vintage}): ${c.atPaper.readings[i]?.value ?? 'missing'} → ${c.atPaper.readings[i]?.verdict}.`);
    });
    lines.push('');
  }
  lines.push('## Files', '', '- ledger.csv, ledger.json: the ledger', '- series/<id>.csv: each series used (series_id,date,value), current vintage', '- series/<id>.vintages.csv: earlier vintages where held', '- series/<id>.metadata.json: source, licence, vintage, raw snapshots with sha256', '');
  return lines.join('\n');
}

export function replicationZip(results: ClaimResult[], repo: DataRepository): Buffer {
  const used = [...new Set(results.flatMap((c) => c.latest.readings.flatMap((r) => r.series)))].sort();
  const files: Record<string, Uint8Array> = {};
  for (const id of used) {
    const e = repo.get(id);
    if (!e) continue;
    files[`series/${id}.csv`] = strToU8(fullCsv(e));
    files[`series/${id}.metadata.json`] = strToU8(JSON.stringify(e.meta, null, 2));
    if (e.earlier.size) {
      const rows = [...e.earlier].flatMap(([vk, obs]) => obs.map((o) => [id, vk, o.date, o.value]));
      files[`series/${id}.vintages.csv`] = strToU8(toCsv(['series_id', 'vintage', 'date', 'value'], rows, new Set([3])));
    }
  }
  files['ledger.json'] = strToU8(JSON.stringify({ claims: results }, null, 2));
  files['ledger.csv'] = strToU8(ledgerCsv(results));
  files['README.md'] = strToU8(readme(results));
  return Buffer.from(zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') }));
}
