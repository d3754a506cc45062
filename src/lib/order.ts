// The order the pipeline sorts text in: by UTF-16 code unit, as `<` compares. Not localeCompare,
// which follows the machine's locale (processed files must be the same bytes on every machine)
// and costs a collation per comparison (a tenth of the rebuild's build step).
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
