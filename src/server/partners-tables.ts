// The partners page's downloads: each table as CSV, looked up by a fixed id (never a path from
// the request). Numbers in full precision and full units; the page rounds, the files do not.
import { partnerName } from '../domain/partners.ts';
import { toCsv } from '../lib/csv.ts';
import type { DataRepository } from '../store/repository.ts';
import { blockRows, concentrationRows, fdiRows, FDI_PARTNERS, FLOWS, mirrorRows, PUBLICATIONS, publicationValues, turnoverShares } from './partners-view.ts';

export const NET_FDI_BASIS = 'net, directional (BPM6 from 2013); not gross inflows';

export const PARTNER_TABLES: Record<string, { title: string; csv(repo: DataRepository): string }> = {
  blocks: {
    title: 'Exports, imports and turnover by partner block, each publication apart (US dollars, share of the total in percent)',
    csv(repo) {
      const rows: Array<Array<string | number | null>> = [];
      for (const pub of PUBLICATIONS) {
        const values = publicationValues(repo, pub);
        for (const flow of FLOWS) {
          for (const r of blockRows(values[flow], pub)) {
            for (const b of r.blocks) rows.push([pub.id, flow, r.year, b.id, b.value, b.share, r.total, b.note ?? '']);
          }
        }
      }
      return toCsv(['publication', 'flow', 'year', 'block', 'value_usd', 'share_pct', 'total_usd', 'note'], rows, new Set([4, 5, 6]));
    },
  },
  mirror: {
    title: 'Kazakhstan\'s figures against Russia\'s and China\'s (US$ billions)',
    csv(repo) {
      const rows: Array<Array<string | number | null>> = [];
      for (const partner of ['RUS', 'CHN'] as const) {
        for (const r of mirrorRows(repo, partner)) {
          rows.push([partner, r.year, r.own.imf.exports, r.own.imf.imports, r.own.bns.exports, r.own.bns.imports, r.mirror.imf.exports, r.mirror.imf.imports, r.mirror.comtrade.exports, r.mirror.comtrade.imports, r.gapPct, r.gapBasis ?? '']);
        }
      }
      return toCsv(
        ['partner', 'year', 'kaz_exports_imf_usd_bn', 'kaz_imports_imf_usd_bn', 'kaz_exports_bns_usd_bn', 'kaz_imports_bns_usd_bn', 'partner_imports_from_kaz_imf_usd_bn', 'partner_exports_to_kaz_imf_usd_bn', 'partner_imports_from_kaz_comtrade_usd_bn', 'partner_exports_to_kaz_comtrade_usd_bn', 'turnover_gap_pct', 'gap_basis'],
        rows, new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]),
      );
    },
  },
  concentration: {
    title: 'Concentration of turnover over partner countries: HHI and top-3 share',
    csv(repo) {
      return toCsv(
        ['publication', 'year', 'hhi', 'top3_share_pct', 'top3', 'partner_countries'],
        concentrationRows(repo).map((r) => [r.publication, r.year, r.concentration?.hhi ?? null, r.concentration?.top3Share ?? null, r.concentration?.top3.join(' ') ?? '', r.concentration?.partners ?? null]),
        new Set([2, 3]),
      );
    },
  },
  shares: {
    title: 'Shares of Kazakhstan\'s turnover 2021, 2022, 2023 (BNS), percent',
    csv(repo) {
      const v = turnoverShares(repo);
      return toCsv(['id', 'label', ...v.years.map((y) => `share_${y}_pct`)], v.rows.map((r) => [r.id, r.label, ...r.shares]), new Set(v.years.map((_, i) => i + 2)));
    },
  },
  fdi: {
    title: 'FDI in Kazakhstan by partner, EUR millions (net, directional)',
    csv(repo) {
      const rows: Array<Array<string | number | null>> = [];
      for (const r of fdiRows(repo)) {
        for (const c of FDI_PARTNERS) {
          rows.push([r.year, 'inward_stock', c, partnerName(c), r.stock[c], NET_FDI_BASIS]);
          rows.push([r.year, 'inflow', c, partnerName(c), r.inflow[c], NET_FDI_BASIS]);
        }
      }
      return toCsv(['year', 'measure', 'partner', 'partner_name', 'eur_m', 'basis'], rows, new Set([4]));
    },
  },
};
