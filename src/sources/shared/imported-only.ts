// For a source the product only imports (a published table, no API it reads): a refresh has
// nothing to ask, so it says so and keeps the imported data as it is.
import type { FetchContext } from '../connector.ts';

export function importedOnlyFetch(what: string): (ctx: FetchContext) => Promise<void> {
  return async (ctx) => {
    ctx.note(`${what}: no provider API is read; the data is the bundled import (npm run import:bundled), rebuilt as it is`);
  };
}
