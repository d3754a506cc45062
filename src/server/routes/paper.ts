// /paper: the claims ledger with verdicts on the latest data and at the paper's vintage,
// Figure 1 from both sources, the ledger as CSV and JSON, and the replication bundle.
import { Router } from 'express';
import type { AppContext } from '../app.ts';
import { loadClaims, validateClaims } from '../../ledger/claims.ts';
import { evaluateLedger, VERDICTS, type ClaimResult } from '../../ledger/evaluate.ts';
import { repositoryLookup } from '../../ledger/lookup.ts';
import { buildSeriesView } from '../series-view.ts';
import { parseViewParams } from '../view-params.ts';
import { toCsv } from '../../store/csv.ts';
import { strToU8, zipSync } from 'fflate';
import { fullCsv } from '../downloads.ts';

async function ledger(ctx: AppContext): Promise<ClaimResult[]> {
  const file = await loadClaims(ctx.config.dataDir);
  const lookup = repositoryLookup(ctx.repo);
  validateClaims(file, lookup);
  return evaluateLedger(file, lookup);
}

function ledgerCsv(results: ClaimResult[]): string {
  const rows = results.flatMap((c) => {
    const base = [c.claim.id, c.claim.section, c.claim.quote, c.claim.printed, c.claim.unit, c.claim.reference ?? ''];
    if (!c.latest.readings.length) return [[...base, '', '', '', c.latest.verdict, c.atPaper.verdict, c.claim.notCheckable ?? '']];
    return c.latest.readings.map((r, i) => [...base, r.label, r.value, r.vintage, r.verdict, c.atPaper.readings[i]?.verdict ?? '', `${r.detail}; claim verdict: ${c.latest.verdict}`]);
  });
  return toCsv(
    ['claim_id', 'section', 'quote', 'printed', 'unit', 'reference', 'reading', 'recomputed', 'vintage', 'verdict_latest', 'verdict_at_paper_vintage', 'detail'],
    rows as never,
    new Set([3, 7]),
  );
}


export function paperRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/paper', async (req, res) => {
    const all = await ledger(ctx);
    const verdict = typeof req.query.verdict === 'string' && (VERDICTS as string[]).includes(req.query.verdict) ? req.query.verdict : '';
    const section = typeof req.query.section === 'string' ? req.query.section.slice(0, 10) : '';
    const rows = all.filter((c) => (!verdict || c.latest.verdict === verdict) && (!section || c.claim.section === section));
    const fig = buildSeriesView(ctx.repo, 'imf.NGDP_RPCH.KAZ', parseViewParams({ compare: 'wb.NY.GDP.MKTP.KD.ZG.KAZ', from: '2001', to: '2022', events: 'off' }, ctx.defaultBasis));
    const [imf, wb] = fig.drawn;
    const wbMap = new Map(wb.points.map((p) => [p.date, p.value]));
    const diffs = imf.points
      .map((p) => ({ year: p.date, imf: p.value, wb: wbMap.get(p.date) ?? null }))
      .map((d) => ({ ...d, diff: d.imf !== null && d.wb !== null ? d.imf - d.wb : null }))
      .sort((a, b) => Math.abs(b.diff ?? 0) - Math.abs(a.diff ?? 0));
    res.render('paper', {
      title: 'The paper next to the data',
      rows,
      all,
      verdicts: VERDICTS,
      verdict,
      section,
      sections: [...new Set(all.map((c) => c.claim.section))],
      figure: { ...fig.chart, title: "Figure 1: Annual growth rate of Kazakhstan's GDP, 2001–2022 (IMF WEO vs World Bank)" },
      diffs,
    });
  });

  r.get('/paper/ledger.json', async (_req, res) => {
    res.json({ claims: await ledger(ctx) });
  });

  r.get('/paper/ledger.csv', async (_req, res) => {
    res.attachment('ledger.csv').type('text/csv; charset=utf-8').send(ledgerCsv(await ledger(ctx)));
  });

  // Everything needed to redo the ledger elsewhere: the ledger, the series it used, their
  // metadata, and a README stating how each number was computed.
  r.get('/paper/replication.zip', async (_req, res) => {
    const results = await ledger(ctx);
    const used = [...new Set(results.flatMap((c) => c.latest.readings.flatMap((r) => r.series)))].sort();
    const files: Record<string, Uint8Array> = {};
    const readme: string[] = [
      '# Replication bundle: the paper next to the data',
      '',
      "Paper: Miao Wang, \"Balancing, challenges, and opportunities: Kazakhstan's multi-vector foreign policy after Ukraine crisis\".",
      'Verdicts: a printed number with d decimals matches a value in [printed - 0.5e-d, printed + 0.5e-d); "close" is within the stated tolerance;',
      '"ambiguous" means plausible readings disagree; "not checkable" says what data would settle it.',
      '',
      '## How each number was computed',
      '',
    ];
    for (const c of results) {
      readme.push(`### ${c.claim.id} (§${c.claim.section}) — ${c.latest.verdict}`, '', `> ${c.claim.quote}`, '', `Printed: ${c.claim.printed ?? '—'} ${c.claim.unit}${c.claim.decimals !== undefined ? ` (${c.claim.decimals} decimals)` : ''}${c.claim.tolerancePct ? `; tolerance ${c.claim.tolerancePct}%` : ''}`, '');
      if (c.claim.notCheckable) readme.push(`Not checkable: ${c.claim.notCheckable}`, '');
      c.latest.readings.forEach((r, i) => {
        const rec = c.claim.readings![i];
        readme.push(`- ${r.label}: ${r.value === null ? 'missing' : r.value} → ${r.verdict}. Operation \`${rec.op}\` on \`${r.series.join('`, `')}\` (${r.detail}; ${r.vintage}). At the paper's vintage: ${c.atPaper.readings[i]?.value ?? 'missing'} → ${c.atPaper.readings[i]?.verdict}.`);
      });
      readme.push('');
    }
    readme.push('## Files', '', '- ledger.csv, ledger.json: the ledger', '- series/<id>.csv: each series used (series_id,date,value), current vintage', '- series/<id>.vintages.csv: earlier vintages where held', '- series/<id>.metadata.json: source, licence, vintage, raw snapshots with sha256', '');
    for (const id of used) {
      const e = ctx.repo.get(id);
      if (!e) continue;
      files[`series/${id}.csv`] = strToU8(fullCsv(e));
      files[`series/${id}.metadata.json`] = strToU8(JSON.stringify(e.meta, null, 2));
      if (e.earlier.size) {
        const rows = [...e.earlier].flatMap(([vk, obs]) => obs.map((o) => [id, vk, o.date, o.value]));
        files[`series/${id}.vintages.csv`] = strToU8(toCsv(['series_id', 'vintage', 'date', 'value'], rows as never, new Set([3])));
      }
    }
    files['ledger.json'] = strToU8(JSON.stringify({ claims: results }, null, 2));
    files['ledger.csv'] = strToU8(ledgerCsv(results));
    files['README.md'] = strToU8(readme.join('\n'));
    res.attachment('kz-indicators-paper-replication.zip').type('application/zip').send(Buffer.from(zipSync(files, { mtime: new Date('2000-01-01T00:00:00Z') })));
  });

  return r;
}
