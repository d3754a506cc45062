// How many decimals a number shows as JavaScript writes it (27 → 0, 0.03179 → 5, 1.5e-7 → 8,
// 1.5e+21 → 0): a published value's own rounding, and the most a series publishes.
export function shownDecimals(v: number): number {
  const s = String(v);
  const e = s.indexOf('e');
  const end = e === -1 ? s.length : e;
  const dot = s.indexOf('.');
  const decimals = dot === -1 ? 0 : end - dot - 1;
  return e === -1 ? decimals : Math.max(0, decimals - Number(s.slice(e + 1)));
}
