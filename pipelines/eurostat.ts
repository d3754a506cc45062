// Eurostat Comext: what the EU exported to Kazakhstan, Kyrgyzstan, Armenia, Georgia, Uzbekistan
// and Russia (and, live, Tajikistan and Turkmenistan), monthly by member state and aggregate, and
// the EU-27's annual exports to every partner. The bundled files are listed in eurostat.files
// (the SHA256SUMS that came with them); a refresh continues the monthly series from the API.
import fs from 'node:fs';
import path from 'node:path';
import { EU27_2020 } from '../src/domain/partners.ts';
import { urlSetting, type BundledFile, type JobModule } from '../src/runner/job.ts';
import { createEurostat } from '../src/sources/eurostat/index.ts';

/** The repository folder each partner's monthly files came from. */
const MONTHLY_FOLDERS: Record<string, string> = {
  KAZ: 'kazakhstan_export_eurostat', KGZ: 'kyrgyz_export_eurostat', ARM: 'armenia_export_eurostat',
  GEO: 'georgia_export_eurostat', UZB: 'uzbek_export_eurostat', RUS: 'russia_export_eurostat',
};

function bundledFile(listed: string): BundledFile {
  const file = path.posix.basename(listed);
  const stem = file.replace(/\.csv$/, '');
  const monthly = /^\.\/monthly\/([A-Z]{3})\//.exec(listed)?.[1];
  return {
    from: `trade/eurostat/${listed.slice(2)}`, fileName: file, kind: 'imported-file', parser: 'comext-relational',
    key: monthly ? `imported/monthly/${monthly}/${stem}` : `imported/annual/${stem}`, retrievedAt: '2026-12-01T00:00:00Z',
    publisher: 'Eurostat, Comext (Relational View download)', repository: 'mary-lev/eu-export-sanctions',
    commit: '4b6a5dfc864ab3352104974a4516458fd7347b38', originalPath: `data/${monthly ? MONTHLY_FOLDERS[monthly] : 'eu_year_export'}/${file}`,
    licence: 'Repository MIT; Eurostat data reused with acknowledgement of the source (Commission Decision 2011/833/EU)',
    notes: `Byte for byte; downloaded from Comext's web interface at ${stem.replace('Relational_View_', '').replace(/_/g, ':')} (the file's name). Exports, total product, whole euros.`,
  };
}

const listed = fs
  .readFileSync(path.join(import.meta.dirname, 'eurostat.files'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.slice(66));

export const eurostat: JobModule = {
  name: 'eurostat',
  settings: [urlSetting('EUROSTAT_COMEXT_URL', 'https://ec.europa.eu/eurostat/api/comext/dissemination/sdmx/2.1', 'Eurostat Comext dissemination API (SDMX 2.1, dataset DS-045409).')],
  // Comext publishes a month's figures about six weeks after it ends, mid-month.
  schedule: { cron: '0 8 20 * *', timezone: 'Europe/Luxembourg', description: 'the 20th of each month, 08:00 Luxembourg time' },
  expectedCadenceDays: 75,
  connector: (s) =>
    createEurostat({
      baseUrl: s.EUROSTAT_COMEXT_URL,
      reporters: ['GEU27_2020', ...EU27_2020],
      partners: ['KAZ', 'KGZ', 'ARM', 'GEO', 'UZB', 'RUS', 'TJK', 'TKM'],
      firstYear: 2019,
      pauseMs: 1000,
    }),
  bundled: listed.map(bundledFile),
};
