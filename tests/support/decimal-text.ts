// A plain reference for scaling published figures: the decimal text of a value with its point moved
// by hand (no arithmetic at all), what a page showing money in billions must print.

/** The published decimal text of `v` with its point moved `shift` places left, trailing zeros dropped. */
export function pointMoved(v: number, shift: number): string {
  const [int, frac = ''] = String(Math.abs(v)).split('.');
  const digits = int.padStart(shift + 1, '0') + frac;
  const whole = digits.slice(0, digits.length - frac.length - shift).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(digits.length - frac.length - shift).replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}
