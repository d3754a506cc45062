// Configuration is read once from the environment, validated, and frozen.
// Every setting has a working default so that `npm start` works on a fresh clone.
import path from 'node:path';

export interface Config {
  readonly dataDir: string;
  readonly port: number;
  readonly refreshToken: string | undefined;
  readonly schedule: boolean;
  readonly imfDataMapperUrl: string;
  readonly nbkRatesUrl: string;
  readonly nbkExcelUrl: string;
  readonly worldBankApiUrl: string;
  readonly imfSdmxUrl: string;
  readonly httpTimeoutMs: number;
  readonly httpRetries: number;
  readonly userAgent: string;
}

export const VERSION = '0.1.0';

export const DEFAULTS = {
  DATA_DIR: './data',
  PORT: '3000',
  SCHEDULE: 'on',
  IMF_DATAMAPPER_URL: 'https://www.imf.org/external/datamapper/api/v1',
  NBK_RATES_URL: 'https://nationalbank.kz/rss/get_rates.cfm',
  NBK_EXCEL_URL: 'https://nationalbank.kz/ru/exchangerates/ezhednevnye-oficialnye-rynochnye-kursy-valyut/excel',
  WORLDBANK_API_URL: 'https://api.worldbank.org/v2',
  IMF_SDMX_URL: 'https://api.imf.org/external/sdmx/3.0',
  HTTP_TIMEOUT_MS: '30000',
  HTTP_RETRIES: '3',
} as const;

function intSetting(env: NodeJS.ProcessEnv, name: keyof typeof DEFAULTS, min: number, max: number): number {
  const raw = env[name] ?? DEFAULTS[name];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`Configuration: ${name}=${JSON.stringify(raw)} must be an integer between ${min} and ${max}`);
  }
  return n;
}

function urlSetting(env: NodeJS.ProcessEnv, name: keyof typeof DEFAULTS): string {
  const raw = env[name] ?? DEFAULTS[name];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Configuration: ${name}=${JSON.stringify(raw)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Configuration: ${name} must be http(s), got ${url.protocol}`);
  }
  if (url.username || url.password) {
    // Secrets in URLs end up in logs and raw sidecars; refuse them.
    throw new Error(`Configuration: ${name} must not carry credentials`);
  }
  return raw.replace(/\/+$/, '');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const schedule = (env.SCHEDULE ?? DEFAULTS.SCHEDULE).toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(schedule)) {
    throw new Error(`Configuration: SCHEDULE must be on or off, got ${JSON.stringify(env.SCHEDULE)}`);
  }
  const token = env.REFRESH_TOKEN?.trim();
  if (token !== undefined && token !== '' && token.length < 16) {
    throw new Error('Configuration: REFRESH_TOKEN must be at least 16 characters (or unset to turn manual refresh off)');
  }
  return Object.freeze({
    dataDir: path.resolve(env.DATA_DIR ?? DEFAULTS.DATA_DIR),
    port: intSetting(env, 'PORT', 0, 65535),
    refreshToken: token ? token : undefined,
    schedule: ['on', 'true', '1'].includes(schedule),
    imfDataMapperUrl: urlSetting(env, 'IMF_DATAMAPPER_URL'),
    nbkRatesUrl: urlSetting(env, 'NBK_RATES_URL'),
    nbkExcelUrl: urlSetting(env, 'NBK_EXCEL_URL'),
    worldBankApiUrl: urlSetting(env, 'WORLDBANK_API_URL'),
    imfSdmxUrl: urlSetting(env, 'IMF_SDMX_URL'),
    httpTimeoutMs: intSetting(env, 'HTTP_TIMEOUT_MS', 100, 600_000),
    httpRetries: intSetting(env, 'HTTP_RETRIES', 0, 10),
    userAgent: `kz-indicators/${VERSION} (+https://github.com/kz-indicators/kz-indicators; macro data ETL)`,
  });
}
