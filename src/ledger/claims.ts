// The paper's claims as data (data/claims.json), validated on load: an unknown series id, an
// unknown operation or a window outside the data is a clear error naming the claim.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Observation } from '../series.ts';

export const OPERATIONS = ['value', 'pct_change', 'pct_fall_of_inverse', 'compound', 'sum', 'max_below', 'pct_change_greater', 'min_in_window_is', 'spread_rises'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface Reading {
  label: string;
  op: Operation;
  series: string;
  other?: string;
  period?: string;
  from?: string;
  to?: string;
  window?: [string, string];
  reference?: [string, string];
  scale?: number;
}

export interface Claim {
  id: string;
  section: string;
  quote: string;
  printed: number | null;
  decimals?: number;
  unit: string;
  reference: string | null;
  tolerancePct?: number;
  readings?: Reading[];
  notCheckable?: string;
}

export interface ClaimsFile {
  paperAccessVintage: { imf: string; note: string };
  claims: Claim[];
}

export class ClaimError extends Error {}

/** Series data by id and optional vintage key, as the ledger needs it. */
export type SeriesLookup = (id: string, vintage?: string) => { observations: Observation[]; vintageLabel: string; usedVintage: string } | undefined;

export function validateClaims(file: ClaimsFile, lookup: SeriesLookup, available: (id: string) => boolean = (id) => !!lookup(id)): void {
  const ids = new Set<string>();
  for (const c of file.claims) {
    const where = `claim ${JSON.stringify(c.id)}`;
    if (!c.id || ids.has(c.id)) throw new ClaimError(`${where}: id missing or repeated`);
    ids.add(c.id);
    if (!c.quote) throw new ClaimError(`${where}: no quote`);
    if (!c.readings?.length && !c.notCheckable) throw new ClaimError(`${where}: needs readings or a notCheckable reason`);
    for (const r of c.readings ?? []) {
      if (!(OPERATIONS as readonly string[]).includes(r.op)) throw new ClaimError(`${where}: unknown operation ${JSON.stringify(r.op)} (known: ${OPERATIONS.join(', ')})`);
      for (const id of [r.series, r.other].filter((x): x is string => !!x)) {
        if (!available(id)) throw new ClaimError(`${where}: unknown series id ${JSON.stringify(id)}`);
        const obs = lookup(id)!.observations;
        const first = obs[0]?.date ?? '';
        const last = obs[obs.length - 1]?.date ?? '';
        for (const d of [r.period, r.from, r.to, ...(r.window ?? []), ...(r.reference ?? [])].filter((x): x is string => !!x)) {
          if (d.slice(0, first.length) < first.slice(0, d.length) || d.slice(0, last.length) > last.slice(0, d.length)) {
            throw new ClaimError(`${where}: ${d} is outside the data of ${id} (${first} to ${last})`);
          }
        }
      }
    }
  }
}

export async function loadClaims(dataDir: string): Promise<ClaimsFile> {
  return JSON.parse(await fs.readFile(path.join(dataDir, 'claims.json'), 'utf8')) as ClaimsFile;
}
