// FDI in Kazakhstan by partner (wiiw FDI database, National Bank of Kazakhstan data), 2003–2021:
// net, directional figures. Imported only, no schedule.
import type { JobModule } from '../src/runner/job.ts';
import { createWiiw } from '../src/sources/wiiw/index.ts';

export const wiiw: JobModule = {
  name: 'wiiw',
  settings: [],
  expectedCadenceDays: 400,
  connector: () => createWiiw(),
  bundled: [
    {
      from: 'trade/fdi/wiiw_partners.csv', fileName: 'wiiw_partners.csv', kind: 'imported-file',
      parser: 'wiiw-csv', key: 'imported/wiiw_partners', retrievedAt: '2026-12-01T00:00:00Z',
      publisher: 'wiiw FDI database; values from the National Bank of Kazakhstan', repository: 'dfshapir/kazakhstan_ipe',
      commit: 'e07b99d70b2077a4d3df1e8780913692563d1e84', originalPath: 'wiiw_partners.csv',
      licence: 'wiiw database terms; underlying data © National Bank of Kazakhstan; repository licence does not cover the data',
      notes: 'Byte for byte (UTF-8 with BOM). Net, directional FDI (BPM6 from 2013), not gross inflows.',
    },
  ],
};
