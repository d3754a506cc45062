// Tiny argument parser for `--name value` pairs; unknown flags are an error, not a surprise.
export function parseArgs(argv: string[], allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !allowed.includes(m[1])) throw new Error(`unknown argument ${JSON.stringify(a)}; allowed: ${allowed.map((x) => `--${x}`).join(' ')}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}
