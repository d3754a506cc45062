// Tiny argument parser for `--name value` pairs and bare `--flag`s; unknown arguments are an error, not a surprise.
export function parseArgs(argv: string[], allowed: string[], flags: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (m && flags.includes(m[1]) && m[2] === undefined) {
      out[m[1]] = 'yes';
      continue;
    }
    if (!m || !allowed.includes(m[1])) throw new Error(`unknown argument ${JSON.stringify(a)}; allowed: ${[...allowed, ...flags].map((x) => `--${x}`).join(' ')}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}
