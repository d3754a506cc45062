// One Comext export series as the product describes it, whichever file or answer it came from.
import { isGroup, partnerName } from '../../domain/partners.ts';
import type { ParsedSeries } from '../../domain/source-data.ts';
import { COMEXT_VINTAGE, comextId } from './words.ts';

export const COMEXT_PUBLISHER = {
  name: 'Eurostat, Comext (international trade in goods, DS-045409)',
  url: 'https://ec.europa.eu/eurostat/comext/newxtweb/',
  licence: 'Eurostat data may be reused with acknowledgement of the source (Commission Decision 2011/833/EU)',
  citation: 'Eurostat, Comext database, dataset DS-045409 (EU trade since 1988 by HS2-4-6 and CN8), exports, total product',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function comextSeries(reporter: string, partner: string, frequency: 'M' | 'A', precedence: number): ParsedSeries {
  const notes = [
    `Exports as ${isGroup(reporter) ? 'Comext publishes the aggregate' : 'the member state declares them'}, all products, in whole euros. ${frequency === 'M' ? 'A month with no row is missing, not zero (Comext lists non-empty cells only).' : 'The annual figure as published: the monthly rows summed over a year differ from it by a few euros (the publisher\'s rounding), and neither is derived from the other.'}`,
  ];
  if (isGroup(reporter)) notes.push(`An aggregate as published (${partnerName(reporter)}), never summed from the member rows here.`);
  return {
    id: comextId(reporter, partner, frequency),
    description: {
      title: `${capital(partnerName(reporter))} → ${partnerName(partner)}: exports (Eurostat Comext, ${frequency === 'M' ? 'monthly' : 'annual'})`,
      unit: 'euros',
      scale: 'units',
      frequency: frequency === 'M' ? 'monthly' : 'annual',
      ...(isGroup(reporter) ? {} : { country: reporter }),
      notes,
    },
    vintage: COMEXT_VINTAGE,
    precedence,
    observations: [],
  };
}
