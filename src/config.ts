// Configuration is read once from the environment, validated, and frozen. Every setting has a
// working default so that `npm start` works on a fresh clone. The core settings are listed
// here; each job file in pipelines/ declares its own (provider URLs), and the entry points
// pass those in, so no list of sources is kept here.
import path from 'node:path';

export interface SettingSpec {
  /** Environment variable, e.g. NBK_RATES_URL. */
  name: string;
  default: string;
  kind: 'url' | 'int';
  min?: number;
  max?: number;
  description: string;
}

export interface Config {
  readonly dataDir: string;
  readonly port: number;
  readonly refreshToken: string | undefined;
  readonly schedule: boolean;
  readonly httpTimeoutMs: number;
  readonly httpRetries: number;
  readonly httpMaxBodyBytes: number;
  readonly userAgent: string;
  /** The site's public address (PUBLIC_URL): absolute links are built from it, never from the Host header; https turns on HSTS. */
  readonly publicUrl: string | undefined;
  /** Express's `trust proxy` (TRUST_PROXY): unset behind no proxy; e.g. 'loopback' or 1 behind one. */
  readonly trustProxy: string | undefined;
  /** The job-declared settings, by environment variable name, validated. */
  readonly settings: Readonly<Record<string, string>>;
}

export const VERSION = '0.1.0';

export const CORE_SETTINGS: SettingSpec[] = [
  { name: 'HTTP_TIMEOUT_MS', default: '30000', kind: 'int', min: 100, max: 600_000, description: 'Time a provider has to answer in full, per request.' },
  { name: 'HTTP_RETRIES', default: '3', kind: 'int', min: 0, max: 10, description: 'Retries on network errors, 429 and 5xx.' },
  { name: 'HTTP_MAX_BODY_MB', default: '50', kind: 'int', min: 1, max: 2000, description: 'The most a provider answer may hold; reading stops past it.' },
  { name: 'PORT', default: '3000', kind: 'int', min: 0, max: 65535, description: 'Port the dashboard listens on.' },
];
/** Settings that are not a URL or a number (documented in .env.example too). */
export const OTHER_SETTINGS = ['DATA_DIR', 'REFRESH_TOKEN', 'SCHEDULE', 'PUBLIC_URL', 'TRUST_PROXY'] as const;

export class ConfigError extends Error {
  readonly code = 'BAD_CONFIG';
}

function intValue(raw: string, spec: SettingSpec): number {
  const n = Number(raw);
  const min = spec.min ?? Number.MIN_SAFE_INTEGER;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`Configuration: ${spec.name}=${JSON.stringify(raw)} must be an integer between ${min} and ${max}`);
  }
  return n;
}

function urlValue(raw: string, spec: SettingSpec): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`Configuration: ${spec.name}=${JSON.stringify(raw)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`Configuration: ${spec.name} must be http(s), got ${url.protocol}`);
  // Secrets in URLs end up in logs and raw sidecars; refuse them.
  if (url.username || url.password) throw new ConfigError(`Configuration: ${spec.name} must not carry credentials`);
  return raw.replace(/\/+$/, '');
}

function setting(env: NodeJS.ProcessEnv, spec: SettingSpec): string | number {
  const raw = env[spec.name] ?? spec.default;
  return spec.kind === 'int' ? intValue(raw, spec) : urlValue(raw, spec);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, sourceSettings: SettingSpec[] = []): Config {
  const schedule = (env.SCHEDULE ?? 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(schedule)) {
    throw new ConfigError(`Configuration: SCHEDULE must be on or off, got ${JSON.stringify(env.SCHEDULE)}`);
  }
  const token = env.REFRESH_TOKEN?.trim();
  if (token !== undefined && token !== '' && token.length < 16) {
    throw new ConfigError('Configuration: REFRESH_TOKEN must be at least 16 characters (or unset to turn manual refresh off)');
  }
  const core = Object.fromEntries(CORE_SETTINGS.map((s) => [s.name, setting(env, s)]));
  const publicUrl = env.PUBLIC_URL?.trim() ? urlValue(env.PUBLIC_URL.trim(), { name: 'PUBLIC_URL', default: '', kind: 'url', description: '' }) : undefined;
  const trustProxy = env.TRUST_PROXY?.trim() || undefined;
  if (trustProxy && !/^(loopback|linklocal|uniquelocal|\d+|[\d.:/a-fA-F, ]+)$/.test(trustProxy)) {
    throw new ConfigError(`Configuration: TRUST_PROXY=${JSON.stringify(trustProxy)} must be a hop count, loopback/linklocal/uniquelocal or addresses (Express's "trust proxy")`);
  }
  const settings: Record<string, string> = {};
  for (const s of sourceSettings) {
    if (s.name in settings) throw new ConfigError(`Configuration: setting ${s.name} is declared twice`);
    settings[s.name] = String(setting(env, s));
  }
  return Object.freeze({
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    port: core.PORT as number,
    refreshToken: token ? token : undefined,
    schedule: ['on', 'true', '1'].includes(schedule),
    httpTimeoutMs: core.HTTP_TIMEOUT_MS as number,
    httpRetries: core.HTTP_RETRIES as number,
    httpMaxBodyBytes: (core.HTTP_MAX_BODY_MB as number) * 1_000_000,
    userAgent: `kz-indicators/${VERSION} (+https://github.com/kz-indicators/kz-indicators; macro data ETL)`,
    settings: Object.freeze(settings),
    publicUrl,
    trustProxy,
  });
}
