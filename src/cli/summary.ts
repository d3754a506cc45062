// A run summary a person can read in a terminal: per source what was fetched, what changed,
// conflicts between sources, and any error with its code.
import type { RunRecord } from '../runner/run-log.ts';

export function formatRun(r: RunRecord): string {
  const lines: string[] = [];
  lines.push(`${r.job}: ${r.outcome.toUpperCase()} (run ${r.id})`);
  lines.push(`  fetched ${r.fetched} answer(s), stored ${r.snapshotsWritten.length} new raw snapshot(s)`);
  if (r.changes.length) {
    const added = r.changes.reduce((n, c) => n + c.added, 0);
    const revised = r.changes.reduce((n, c) => n + c.revised, 0);
    const removed = r.changes.reduce((n, c) => n + c.removed, 0);
    lines.push(`  ${r.changes.length} series changed: ${added} value(s) added, ${revised} revised, ${removed} removed`);
  } else if (r.outcome === 'success') lines.push('  no processed value changed');
  if (r.conflicts.length) {
    lines.push(`  ${r.conflicts.length} disagreement(s) between sources for the same date (newer/higher-precedence source kept):`);
    for (const c of r.conflicts.slice(0, 10)) lines.push(`    ${c.series} ${c.date}: kept ${c.kept.value} (${c.kept.file}), other ${c.other.value} (${c.other.file})`);
  }
  for (const n of r.notes.slice(0, 20)) lines.push(`  note: ${n}`);
  if (r.ledgerChanges?.length) for (const l of r.ledgerChanges) lines.push(`  ledger: ${l.claim} ${l.before} → ${l.after}`);
  if (r.error) {
    lines.push(`  ERROR [${r.error.code}] ${r.error.message}`);
    const where = Object.entries(r.error.context).filter(([k]) => k !== 'issues').map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    if (where.length) lines.push(`  where: ${where.join(' ')}`);
    lines.push('  the last good processed data was left unchanged');
  }
  return lines.join('\n');
}
