// The ledger as files people take away: the ledger CSV, and the replication bundle (the
// ledger, the series it used, their metadata, and a README stating how each number was computed).
import { strToU8, zipSync } from 'fflate';
import { VERDICTS, type ClaimResult } from '../ledger/evaluate.ts';
import { toCsv } from '../lib/csv.ts';
import type { DataRepository } from '../store/repository.ts';
import { fullCsv } from './downloads.ts';
import { LANGUAGES, translator } from './i18n.ts';
import { ledgerWords } from './ledger-words.ts';
import { localNames } from './localised-names.ts';
import type { Vocabulary } from '../domain/source-words.ts';
import { numberFormat } from './view-helpers.ts';

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

/** The README in one language: how verdicts are given, then each claim with how each number was computed. */
function readmeIn(lang: string, results: ClaimResult[], jobOf: (series: string) => string, vocabulary: Vocabulary): string {
  const t = translator(lang);
  const names = localNames(lang, t, vocabulary);
  const words = ledgerWords(lang, t, names);
  const num = numberFormat(lang, 0, 6);
  const value = (v: number | null | undefined) => (v === null || v === undefined ? t('paper.missing') : num.format(v));
  const verdict = (v: string) => t(`paper.verdict.${v}`);
  const lines: string[] = [
    `# ${t('replication.title')}`,
    '',
    t('replication.paper'),
    `## ${t('paper.rulesSummary')}`,
    '',
    t('replication.primary'),
    '',
    ...VERDICTS.map((v) => `- **${verdict(v)}**: ${t(`paper.rules.${v}`)}`),
    '',
    `## ${t('replication.howComputed')}`,
    '',
  ];
  for (const c of results) {
    const cl = c.claim;
    const own = (key: string, written: string) => names.claimPhrase(cl.id, key, written).text;
    const printed = cl.printed === null ? '—' : num.format(cl.printed);
    lines.push(`### ${cl.id} (§${cl.section}) — ${verdict(c.latest.verdict)}`, '', `> ${cl.quote}`, '', t('replication.printed', { printed, unit: names.unitIn(cl.unit) }) + (cl.decimals !== undefined ? ` ${t('replication.decimals', { count: cl.decimals })}` : '') + (cl.tolerancePct ? `; ${t('replication.tolerance', { pct: cl.tolerancePct })}` : ''), '');
    if (cl.notCheckable) lines.push(t('replication.notCheckable', { why: own('nc', cl.notCheckable) }), '');
    if (cl.primary) lines.push(t('replication.primaryReading', { reading: own(`r${cl.primary.reading}`, cl.readings?.[cl.primary.reading]?.label ?? ''), why: own('why', cl.primary.why) }), '');
    if (cl.ambiguousBecause) lines.push(t('replication.noPrimary', { why: own('amb', cl.ambiguousBecause) }), '');
    if (cl.context) lines.push(`${t('paper.contextWhy')} ${own('ctx', cl.context)}`, '');
    c.latest.readings.forEach((r, i) => {
      const then = c.atPaper.readings[i];
      const job = jobOf(r.series[0]);
      lines.push(`- ${t('replication.reading', {
        reading: own(`r${i}`, r.label),
        value: value(r.value),
        verdict: verdict(r.verdict),
        op: cl.readings?.[i]?.op,
        series: r.series.join('`, `'),
        how: words.explainReading(cl.id, c.latest.readings, i, job),
        vintage: words.vintageOf(r, job),
        thenVintage: then ? words.vintageOf(then, job) : '',
        thenValue: value(then?.value),
        thenVerdict: then ? verdict(then.verdict) : '',
      })}`);
    });
    lines.push('');
  }
  lines.push(`## ${t('bundle.files')}`, '', ...['ledger', 'series', 'vintages', 'metadata'].map((f) => `- ${t(`replication.files.${f}`)}`), '');
  return lines.join('\n');
}

/** The README in every language, one after the other (the bundle is the same whichever page it came from). */
function readme(results: ClaimResult[], jobOf: (series: string) => string, vocabulary: Vocabulary): string {
  return LANGUAGES.map((lang) => readmeIn(lang, results, jobOf, vocabulary)).join('\n---\n\n');
}

export function replicationZip(results: ClaimResult[], repo: DataRepository, vocabulary: Vocabulary): Buffer {
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
  files['README.md'] = strToU8(readme(results, (id) => repo.get(id)?.meta.source.job ?? '', vocabulary));
  return Buffer.from(zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') }));
}
