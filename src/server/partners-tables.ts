// The partners page's downloads: each table as CSV, looked up by a fixed id (never a path from
// the request). Numbers in full precision and full units; the page rounds, the files do not.
import { partnerName } from '../domain/partners.ts';
import { toCsv } from '../lib/csv.ts';
import type { Vocabulary } from '../domain/source-words.ts';
import type { DataRepository } from '../store/repository.ts';
import { concentrationRows, fdiRows, FDI_PARTNERS, FLOWS, flowRows, GAP_BASES, mirrorRows, PUBLICATIONS, publicationValues, turnoverShares } from './partners-view.ts';
import { REROUTING_TABLES } from './rerouting-tables.ts';
import { HHI_DEFINITION, PUBLISHED_EU, REST_BLOCK, TRADE_BLOCKS, type BlockValue } from '../transform/trade-structure.ts';

export const NET_FDI_BASIS = 'net, directional (BPM6 from 2013); not gross inflows';

type Row = Array<string | number | null>;
/** Which columns of a table are numbers (written in the shortest form that reads back the same). */
const numeric = (header: string[], names: string[]) => new Set(names.map((n) => header.indexOf(n)));

const BLOCK_COMPOSITION: Record<string, string> = Object.fromEntries([...TRADE_BLOCKS.map((b) => [b.id, b.composition]), [REST_BLOCK.id, REST_BLOCK.composition], [PUBLISHED_EU.id, PUBLISHED_EU.composition]]);
const DENOMINATOR = 'the reporter\'s world total as published (G001)';

function blocksCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const header = ['publication', 'flow', 'year', 'kind', 'block', 'composition', 'value_usd', 'share_pct', 'denominator', 'total_usd', 'note'];
  const rows: Row[] = [];
  for (const pub of PUBLICATIONS) {
    const values = publicationValues(repo, vocabulary, pub);
    for (const flow of FLOWS) {
      for (const r of flowRows(values, pub, flow)) {
        const line = (kind: string, b: BlockValue) => rows.push([pub.id, flow, r.year, kind, b.id, BLOCK_COMPOSITION[b.id], b.value, b.share, DENOMINATOR, r.total, b.note ?? '']);
        for (const b of r.blocks) line(b.id === REST_BLOCK.id ? 'rest' : 'block', b);
        line('published_group', r.published);
      }
    }
  }
  return toCsv(header, rows, numeric(header, ['value_usd', 'share_pct', 'total_usd']));
}

function mirrorCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const header = ['partner', 'year', 'imf_publication', 'kaz_exports_imf_usd_bn', 'kaz_imports_imf_usd_bn', 'kaz_exports_bns_usd_bn', 'kaz_imports_bns_usd_bn', 'partner_imports_from_kaz_imf_usd_bn', 'partner_exports_to_kaz_imf_usd_bn', 'partner_imports_from_kaz_comtrade_usd_bn', 'partner_exports_to_kaz_comtrade_usd_bn', 'gap_imf_both_sides_pct', 'gap_imf_basis', 'gap_bns_vs_comtrade_pct', 'gap_bns_comtrade_basis'];
  const rows: Row[] = [];
  for (const partner of ['RUS', 'CHN'] as const) {
    for (const r of mirrorRows(repo, vocabulary, partner)) {
      rows.push([partner, r.year, r.imfPublication, r.own.imf.exports, r.own.imf.imports, r.own.bns.exports, r.own.bns.imports, r.mirror.imf.exports, r.mirror.imf.imports, r.mirror.comtrade.exports, r.mirror.comtrade.imports,
        r.gaps.imf, r.gaps.imf === null ? '' : GAP_BASES[r.imfPublication === 'imts' ? 'imts' : 'imf'], r.gaps.bnsComtrade, r.gaps.bnsComtrade === null ? '' : GAP_BASES.bnsComtrade]);
    }
  }
  return toCsv(header, rows, numeric(header, header.filter((h) => /_usd_bn$|_pct$/.test(h))));
}

function concentrationCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const header = ['publication', 'year', 'hhi', 'top3_share_pct', 'top3', 'partner_countries', 'countries_share_of_world_pct', 'withheld', 'definition'];
  const rows = concentrationRows(repo, vocabulary).map((r): Row => {
    const c = r.concentration;
    return [r.publication, r.year, c?.hhi ?? null, c?.top3Share ?? null, c?.top3.join(' ') ?? '', c?.partners ?? null, c?.countriesShare ?? null, c?.withheld ?? '', HHI_DEFINITION];
  });
  return toCsv(header, rows, numeric(header, ['hhi', 'top3_share_pct', 'countries_share_of_world_pct']));
}

function sharesCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const header = ['kind', 'id', 'label', 'publication', 'flow', 'year', 'share_pct', 'denominator'];
  const v = turnoverShares(repo, vocabulary);
  const rows: Row[] = v.rows.flatMap((r) => v.years.map((y, i): Row => [r.kind, r.id, r.label, 'bns', 'turnover', y, r.shares[i], DENOMINATOR]));
  return toCsv(header, rows, numeric(header, ['share_pct']));
}

function fdiCsv(repo: DataRepository, vocabulary: Vocabulary): string {
  const rows: Row[] = [];
  for (const r of fdiRows(repo, vocabulary)) {
    for (const c of FDI_PARTNERS) {
      rows.push([r.year, 'inward_stock', c, partnerName(c), r.stock[c], NET_FDI_BASIS]);
      rows.push([r.year, 'inflow', c, partnerName(c), r.inflow[c], NET_FDI_BASIS]);
    }
  }
  return toCsv(['year', 'measure', 'partner', 'partner_name', 'eur_m', 'basis'], rows, new Set([4]));
}

export type TableCsv = (repo: DataRepository, vocabulary: Vocabulary) => string;

/** The partners page's downloads by id: exports, imports and turnover by block; the mirror; concentration; shares; FDI. */
export const PARTNER_TABLES: Record<string, TableCsv> = { blocks: blocksCsv, mirror: mirrorCsv, concentration: concentrationCsv, shares: sharesCsv, fdi: fdiCsv };

/** Every table /partners/<id>.csv serves: the partners page's and the rerouting view's. */
export const TABLE_DOWNLOADS: Record<string, TableCsv> = { ...PARTNER_TABLES, ...REROUTING_TABLES };
